using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Grundschutz.Infrastructure.Assessments;

/// <summary>
/// Keeps the questionnaire navigator of recently answered assessments, so that the question page and the save do not
/// read every answer's progress and rebuild the questionnaire order on each request (a full Kompendium assessment has
/// 73,400 questions). An entry belongs to one state of the assessment: its concurrency stamp (renewed by every change
/// of the row, the scope or the workflow — the only changes that add, remove or rename questions or remove answers)
/// and its answers' revision (raised by every save that changes answers). The stamp and revision come from the
/// assessment row the request loaded anyway, so every application instance checks them against the database and a
/// save made by another instance is never missed. When only answers changed since the entry, the answers saved since
/// (<c>Revision</c> greater than the entry's) are read and applied with <see cref="QuestionnaireNavigator.With"/>.
/// Bounded by the number of questions held (least recently used entries go first), not by time.
/// </summary>
public sealed class QuestionnaireCache
{
    /// <summary>Most questions kept over all entries (about 100 bytes each).</summary>
    public const int MaxQuestions = 400_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly int _maxQuestions;
    private long _clock;

    /// <summary>A cache holding at most <see cref="MaxQuestions"/> questions.</summary>
    public QuestionnaireCache()
        : this(MaxQuestions)
    {
    }

    /// <summary>A cache holding at most <paramref name="maxQuestions"/> questions (the entry just stored always stays).</summary>
    public QuestionnaireCache(int maxQuestions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxQuestions);
        _maxQuestions = maxQuestions;
    }

    /// <summary>
    /// The questionnaire of <paramref name="assessment"/> — loaded and tracked by <paramref name="db"/> — as of the state
    /// the assessment row was read in (or newer). When the navigator has to be built, the target objects and module
    /// applications not loaded yet are loaded first (so a caller that only records answers need not load the scope).
    /// </summary>
    public async Task<LoadedQuestionnaire> GetAsync(GrundschutzDbContext db, Assessment assessment, CatalogContext catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(catalog);
        var key = KeyOf(db, assessment, original: true);
        var cached = Latest(assessment.Id);
        if (cached is { } hit && hit.Key == key)
        {
            return new LoadedQuestionnaire(hit.Navigator, key.Stamp, key.Revision);
        }

        QuestionnaireNavigator navigator;
        if (cached is { } old && old.Key.Stamp == key.Stamp && old.Key.CatalogVersionId == key.CatalogVersionId && old.Key.Revision < key.Revision)
        {
            // A save that commits between the row read and this query is applied too (and again next time: harmless).
            var since = await ProgressQuery(db, assessment.Id)
                .Where(a => EF.Property<long>(a, GrundschutzDbContext.AnswerRevision) > old.Key.Revision)
                .Select(a => new AnswerProgress(a.RequirementId, a.TargetObjectId, a.Status, a.Version, a.UpdatedAt))
                .ToListAsync(cancellationToken);
            navigator = old.Navigator.With(since);
        }
        else
        {
            await LoadScopeAsync(db, assessment, cancellationToken);
            var progress = await ProgressQuery(db, assessment.Id)
                .Select(a => new AnswerProgress(a.RequirementId, a.TargetObjectId, a.Status, a.Version, a.UpdatedAt))
                .ToListAsync(cancellationToken);
            navigator = new QuestionnaireNavigator(assessment, catalog, progress);
        }

        Set(assessment.Id, key, navigator);
        return new LoadedQuestionnaire(navigator, key.Stamp, key.Revision);
    }

    /// <summary>
    /// The questionnaire after <paramref name="answer"/> was recorded and saved by <paramref name="db"/> on top of
    /// <paramref name="loaded"/>. Kept for the next request when the save was the very next change of the assessment
    /// (its revision is the loaded one plus one and the stamp did not change), else only returned.
    /// </summary>
    public QuestionnaireNavigator Saved(GrundschutzDbContext db, Assessment assessment, LoadedQuestionnaire loaded, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(answer);
        var navigator = loaded.Navigator.With([AnswerProgress.Of(answer)]);
        var answerEntry = EntryOf(db, answer);
        if (answerEntry.State != EntityState.Unchanged)
        {
            return navigator;
        }

        var revision = answerEntry.Property<long>(GrundschutzDbContext.AnswerRevision).CurrentValue;
        var key = KeyOf(db, assessment, original: false);
        if (key.Stamp == loaded.Stamp && revision == loaded.Revision + 1)
        {
            Set(assessment.Id, key with { Revision = revision }, navigator);
        }

        return navigator;
    }

    /// <summary>Drops the entry of an assessment (tests; not needed for correctness).</summary>
    public void Forget(Guid assessmentId)
    {
        lock (_lock)
        {
            _entries.Remove(assessmentId);
        }
    }

    /// <summary>The number of questions held over all entries.</summary>
    public long QuestionsHeld
    {
        get
        {
            lock (_lock)
            {
                return _entries.Values.Sum(e => (long)e.Navigator.Questions.Count);
            }
        }
    }

    private static async Task LoadScopeAsync(GrundschutzDbContext db, Assessment assessment, CancellationToken cancellationToken)
    {
        var entry = db.Entry(assessment);
        if (!entry.Collection(a => a.TargetObjects).IsLoaded)
        {
            await entry.Collection(a => a.TargetObjects).LoadAsync(cancellationToken);
        }

        if (!entry.Collection(a => a.ModuleApplications).IsLoaded)
        {
            await entry.Collection(a => a.ModuleApplications).LoadAsync(cancellationToken);
        }
    }

    private static IQueryable<Answer> ProgressQuery(GrundschutzDbContext db, Guid assessmentId) =>
        db.Answers.AsNoTracking().Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId);

    /// <summary>
    /// The tracked entry without the change detection that <see cref="DbContext.Entry{TEntity}"/> runs first (over the
    /// entity and its loaded collections: 2 % of the CPU of a save-and-next under load). Only the state and the shadow
    /// properties are read here, which are set through the change tracker and so never need detecting.
    /// </summary>
    private static EntityEntry<T> EntryOf<T>(GrundschutzDbContext db, T entity)
        where T : class
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Entry(entity);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static Key KeyOf(GrundschutzDbContext db, Assessment assessment, bool original)
    {
        var entry = EntryOf(db, assessment);
        if (entry.State is EntityState.Detached or EntityState.Added)
        {
            throw new InvalidOperationException("The assessment must be loaded and tracked by this context.");
        }

        var stamp = entry.Property<Guid>(GrundschutzDbContext.ConcurrencyStamp);
        var revision = entry.Property<long>(GrundschutzDbContext.AnswersRevision);
        return new Key(
            original ? stamp.OriginalValue : stamp.CurrentValue,
            original ? revision.OriginalValue : revision.CurrentValue,
            assessment.CatalogVersionId);
    }

    private (Key Key, QuestionnaireNavigator Navigator)? Latest(Guid id)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var entry))
            {
                entry.LastUse = ++_clock;
                return (entry.Key, entry.Navigator);
            }

            return null;
        }
    }

    private void Set(Guid id, Key key, QuestionnaireNavigator navigator)
    {
        lock (_lock)
        {
            // Never step back: a slower request must not replace a newer entry with an older one.
            if (_entries.TryGetValue(id, out var existing) && existing.Key.Stamp == key.Stamp && existing.Key.Revision > key.Revision)
            {
                return;
            }

            _entries[id] = new Entry(key, navigator) { LastUse = ++_clock };
            var total = _entries.Values.Sum(e => (long)e.Navigator.Questions.Count);
            while (total > _maxQuestions && _entries.Count > 1)
            {
                var oldest = _entries.Where(e => e.Key != id).MinBy(e => e.Value.LastUse);
                total -= oldest.Value.Navigator.Questions.Count;
                _entries.Remove(oldest.Key);
            }
        }
    }

    private readonly record struct Key(Guid Stamp, long Revision, int CatalogVersionId);

    private sealed class Entry(Key key, QuestionnaireNavigator navigator)
    {
        public Key Key { get; } = key;

        public QuestionnaireNavigator Navigator { get; } = navigator;

        public long LastUse { get; set; }
    }
}

/// <summary>A questionnaire navigator and the assessment state (stamp, answers' revision) it was loaded for.</summary>
public sealed record LoadedQuestionnaire(QuestionnaireNavigator Navigator, Guid Stamp, long Revision);
