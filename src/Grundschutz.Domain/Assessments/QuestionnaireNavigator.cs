namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A snapshot of the questionnaire of one assessment: the ordered questions (modules in catalogue order, then
/// requirement order, then target object order — see <see cref="Assessment.ApplicableQuestions"/>), progress per
/// module and overall, the next open question and where to resume. Immutable: after answers change, build a new one
/// or derive it with <see cref="With"/>, which shares the order and only replaces the changed questions, so that a
/// cached navigator of a 70,000-question assessment can follow saves without being rebuilt.
/// </summary>
public sealed class QuestionnaireNavigator
{
    private readonly Layout _layout;
    private readonly Question[] _questions;
    private readonly ModuleProgress[] _modules;

    /// <summary>Builds the questionnaire for the assessment's applicable pairs from its loaded answers.</summary>
    public QuestionnaireNavigator(Assessment assessment, CatalogContext catalog)
        : this(assessment, catalog, assessment?.Answers.Select(AnswerProgress.Of).ToList() ?? throw new ArgumentNullException(nameof(assessment)))
    {
    }

    /// <summary>
    /// Builds the questionnaire for the assessment's applicable pairs (scope and target objects from
    /// <paramref name="assessment"/>) with the answers' progress given separately, so that the caller need not load
    /// every answer entity. Rows of pairs outside the scope are ignored; a pair given twice takes the last row.
    /// </summary>
    public QuestionnaireNavigator(Assessment assessment, CatalogContext catalog, IEnumerable<AnswerProgress> answerProgress)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(answerProgress);
        var answers = new Dictionary<(string RequirementId, Guid TargetObjectId), AnswerProgress>();
        foreach (var row in answerProgress)
        {
            answers[(row.RequirementId, row.TargetObjectId)] = row;
        }

        var names = assessment.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        var keys = assessment.ApplicableQuestions(catalog);
        _layout = new Layout(keys);
        _questions = new Question[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            answers.TryGetValue((key.RequirementId, key.TargetObjectId), out var answer);
            _questions[i] = new Question(
                i,
                key.GroupId,
                key.RequirementId,
                key.TargetObjectId,
                names[key.TargetObjectId],
                answer?.Status ?? AnswerStatus.Open,
                answer?.Version ?? 0,
                answer?.UpdatedAt);
        }

        _modules = new ModuleProgress[_layout.ModuleIds.Length];
        for (var m = 0; m < _modules.Length; m++)
        {
            var positions = _layout.ModulePositions[m];
            _modules[m] = new ModuleProgress(_layout.ModuleIds[m], positions.Count(p => !_questions[p].IsOpen), positions.Length);
        }

        Overall = new ModuleProgress("", _modules.Sum(m => m.Answered), _questions.Length);
    }

    private QuestionnaireNavigator(Layout layout, Question[] questions, ModuleProgress[] modules, ModuleProgress overall)
    {
        _layout = layout;
        _questions = questions;
        _modules = modules;
        Overall = overall;
    }

    /// <summary>All questions in order; <see cref="Question.Position"/> is the index.</summary>
    public IReadOnlyList<Question> Questions => _questions;

    /// <summary>Progress per module, in questionnaire order.</summary>
    public IReadOnlyList<ModuleProgress> Modules => _modules;

    /// <summary>Overall progress.</summary>
    public ModuleProgress Overall { get; }

    /// <summary>
    /// Where to resume: the first open question; when none is open, the most recently saved one;
    /// null when there are no questions.
    /// </summary>
    public Question? ResumePosition =>
        _questions.FirstOrDefault(q => q.IsOpen)
        ?? _questions.Where(q => q.UpdatedAt is not null).OrderBy(q => q.UpdatedAt).ThenBy(q => q.Position).LastOrDefault()
        ?? _questions.LastOrDefault();

    /// <summary>The questions of one module, in order (empty for a module that is not in the questionnaire).</summary>
    public IReadOnlyList<Question> InModule(string groupId) =>
        _layout.ModuleIndex.TryGetValue(groupId, out var m)
            ? Array.ConvertAll(_layout.ModulePositions[m], p => _questions[p])
            : [];

    /// <summary>The question for a pair, or null when it is not in the questionnaire.</summary>
    public Question? Find(string requirementId, Guid targetObjectId) =>
        _layout.Positions.TryGetValue((requirementId, targetObjectId), out var position) ? _questions[position] : null;

    /// <summary>
    /// The next open question after <paramref name="afterPosition"/> (use -1 to start at the
    /// beginning), wrapping around to the start; the question at <paramref name="afterPosition"/>
    /// itself comes last. Null when nothing is open.
    /// </summary>
    public Question? NextOpen(int afterPosition)
    {
        var count = _questions.Length;
        if (count == 0)
        {
            return null;
        }

        var start = afterPosition < 0 ? -1 : Math.Min(afterPosition, count - 1);
        for (var step = 1; step <= count; step++)
        {
            var index = (start + step) % count;
            if (_questions[index].IsOpen)
            {
                return _questions[index];
            }
        }

        return null;
    }

    /// <summary>
    /// The same questionnaire with the given answers' progress applied (status, version and last change set, not
    /// added up, so applying a row twice is harmless); rows of pairs outside the questionnaire are ignored, a pair given
    /// twice takes the last row. Returns this navigator when nothing changes. The scope must be the one this
    /// navigator was built for: answers removed by a scope change need a new navigator.
    /// </summary>
    public QuestionnaireNavigator With(IEnumerable<AnswerProgress> answerProgress)
    {
        ArgumentNullException.ThrowIfNull(answerProgress);
        Question[]? questions = null;
        ModuleProgress[]? modules = null;
        var answered = Overall.Answered;
        foreach (var row in answerProgress)
        {
            if (!_layout.Positions.TryGetValue((row.RequirementId, row.TargetObjectId), out var position))
            {
                continue;
            }

            var old = (questions ?? _questions)[position];
            if (old.Status == row.Status && old.Version == row.Version && old.UpdatedAt == row.UpdatedAt)
            {
                continue;
            }

            questions ??= (Question[])_questions.Clone();
            var updated = old with { Status = row.Status, Version = row.Version, UpdatedAt = row.UpdatedAt };
            questions[position] = updated;
            var delta = (updated.IsOpen ? 0 : 1) - (old.IsOpen ? 0 : 1);
            if (delta != 0)
            {
                modules ??= (ModuleProgress[])_modules.Clone();
                var m = _layout.ModuleOfPosition[position];
                modules[m] = modules[m] with { Answered = modules[m].Answered + delta };
                answered += delta;
            }
        }

        return questions is null
            ? this
            : new QuestionnaireNavigator(_layout, questions, modules ?? _modules, Overall with { Answered = answered });
    }

    /// <summary>The order of the questions, shared by a navigator and everything derived from it with <see cref="With"/>.</summary>
    private sealed class Layout
    {
        public Layout(IReadOnlyList<QuestionKey> keys)
        {
            Positions = new Dictionary<(string, Guid), int>(keys.Count);
            ModuleOfPosition = new int[keys.Count];
            var modules = new List<(string GroupId, List<int> Positions)>();
            ModuleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++)
            {
                Positions[(keys[i].RequirementId, keys[i].TargetObjectId)] = i;
                if (!ModuleIndex.TryGetValue(keys[i].GroupId, out var m))
                {
                    m = modules.Count;
                    ModuleIndex[keys[i].GroupId] = m;
                    modules.Add((keys[i].GroupId, []));
                }

                modules[m].Positions.Add(i);
                ModuleOfPosition[i] = m;
            }

            ModuleIds = modules.Select(m => m.GroupId).ToArray();
            ModulePositions = modules.Select(m => m.Positions.ToArray()).ToArray();
        }

        /// <summary>Position of each pair.</summary>
        public Dictionary<(string RequirementId, Guid TargetObjectId), int> Positions { get; }

        /// <summary>Index into <see cref="ModuleIds"/> of each position's module.</summary>
        public int[] ModuleOfPosition { get; }

        /// <summary>Index of each module in questionnaire order.</summary>
        public Dictionary<string, int> ModuleIndex { get; }

        /// <summary>The modules in questionnaire order (first appearance).</summary>
        public string[] ModuleIds { get; }

        /// <summary>The positions of each module's questions, in order.</summary>
        public int[][] ModulePositions { get; }
    }
}
