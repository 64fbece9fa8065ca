using System.Globalization;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The answer to one requirement on one target object. Changed only through
/// <see cref="Assessment.RecordAnswer"/>; <see cref="Version"/> grows by one per saving change and
/// serves as the optimistic concurrency token; every changed field is kept in <see cref="History"/>.
/// </summary>
public sealed class Answer
{
    private readonly List<AnswerChange> _history = [];
    private readonly List<EvidenceFile> _evidence = [];

    private Answer()
    {
        RequirementId = "";
        GroupId = "";
    }

    internal Answer(Guid id, string requirementId, string groupId, Guid targetObjectId)
    {
        Id = id;
        RequirementId = requirementId;
        GroupId = groupId;
        TargetObjectId = targetObjectId;
        Status = AnswerStatus.Open;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>The requirement answered.</summary>
    public string RequirementId { get; private set; }

    /// <summary>The requirement's module/group (kept so scope changes can find the answers of a module).</summary>
    public string GroupId { get; private set; }

    /// <summary>The target object answered for.</summary>
    public Guid TargetObjectId { get; private set; }

    /// <summary>Current status.</summary>
    public AnswerStatus Status { get; private set; }

    /// <summary>Reason for entbehrlich (null unless <see cref="Status"/> is entbehrlich).</summary>
    public EntbehrlichReason? EntbehrlichReason { get; private set; }

    /// <summary>Begründung.</summary>
    public string? Justification { get; private set; }

    /// <summary>Umsetzungsbeschreibung.</summary>
    public string? ImplementationDescription { get; private set; }

    /// <summary>Verantwortliche(r) for the Realisierungsplan.</summary>
    public string? Owner { get; private set; }

    /// <summary>"Umsetzung bis".</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>Kostenschätzung in euros.</summary>
    public decimal? CostEstimate { get; private set; }

    /// <summary>Datum der Erhebung.</summary>
    public DateOnly? AssessedOn { get; private set; }

    /// <summary>Befragte Personen.</summary>
    public string? Interviewees { get; private set; }

    /// <summary>Concurrency token: 0 before the first save, +1 per saved change.</summary>
    public int Version { get; private set; }

    /// <summary>When the values were last saved, if ever.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Who saved the values last, if anyone.</summary>
    public string? UpdatedByUserId { get; private set; }

    /// <summary>Number of entries in the hash chain of <see cref="History"/> (the last entry's sequence number).</summary>
    public int ChainLength { get; private set; }

    /// <summary>
    /// Hash of the newest history entry (the chain head, see <see cref="AnswerChain"/>); also a concurrency token,
    /// so two saves that append to the same answer's chain at once cannot both succeed.
    /// </summary>
    public string? ChainHead { get; private set; }

    /// <summary>All changes, oldest first, one entry per changed field.</summary>
    public IReadOnlyList<AnswerChange> History => _history;

    /// <summary>Attached evidence files.</summary>
    public IReadOnlyList<EvidenceFile> Evidence => _evidence;

    /// <summary>True when the status is no longer open.</summary>
    public bool IsAnswered => Status != AnswerStatus.Open;

    /// <summary>The stored values as an input record (e.g. to prefill a form).</summary>
    public AnswerInput ToInput() => new(
        RequirementId,
        TargetObjectId,
        Status,
        EntbehrlichReason,
        Justification,
        ImplementationDescription,
        Owner,
        DueDate,
        CostEstimate,
        AssessedOn,
        Interviewees);

    /// <summary>The stored state including version and last editor.</summary>
    public AnswerSnapshot ToSnapshot() => new(Id, ToInput(), Version, UpdatedAt, UpdatedByUserId);

    /// <summary>
    /// Applies normalised values; returns the history entries it appended (empty when nothing changed,
    /// in which case the version is not raised).
    /// </summary>
    internal IReadOnlyList<AnswerChange> Apply(Guid assessmentId, AnswerInput values, string userId, DateTimeOffset now)
    {
        var changes = new List<AnswerChange>();
        void Track(string field, string? oldValue, string? newValue)
        {
            if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                changes.Add(new AnswerChange(Guid.CreateVersion7(now), now, userId, field, oldValue, newValue));
            }
        }

        Track(AnswerFields.Status, Format(Status), Format(values.Status));
        Track(AnswerFields.EntbehrlichReason, Format(EntbehrlichReason), Format(values.EntbehrlichReason));
        Track(AnswerFields.Justification, Justification, values.Justification);
        Track(AnswerFields.ImplementationDescription, ImplementationDescription, values.ImplementationDescription);
        Track(AnswerFields.Owner, Owner, values.Owner);
        Track(AnswerFields.DueDate, Format(DueDate), Format(values.DueDate));
        Track(AnswerFields.CostEstimate, Format(CostEstimate), Format(values.CostEstimate));
        Track(AnswerFields.AssessedOn, Format(AssessedOn), Format(values.AssessedOn));
        Track(AnswerFields.Interviewees, Interviewees, values.Interviewees);
        if (changes.Count == 0)
        {
            return changes;
        }

        Status = values.Status;
        EntbehrlichReason = values.EntbehrlichReason;
        Justification = values.Justification;
        ImplementationDescription = values.ImplementationDescription;
        Owner = values.Owner;
        DueDate = values.DueDate;
        CostEstimate = values.CostEstimate;
        AssessedOn = values.AssessedOn;
        Interviewees = values.Interviewees;
        Version++;
        UpdatedAt = now;
        UpdatedByUserId = userId;
        foreach (var change in changes)
        {
            Append(assessmentId, change);
        }

        return changes;
    }

    internal void AddEvidence(Guid assessmentId, EvidenceFile file, string userId, DateTimeOffset now)
    {
        _evidence.Add(file);
        Append(assessmentId, new AnswerChange(Guid.CreateVersion7(now), now, userId, AnswerFields.Evidence, null, file.FileName));
    }

    internal bool RemoveEvidence(Guid assessmentId, Guid evidenceId, string userId, DateTimeOffset now)
    {
        var file = _evidence.Find(e => e.Id == evidenceId);
        if (file is null)
        {
            return false;
        }

        _evidence.Remove(file);
        Append(assessmentId, new AnswerChange(Guid.CreateVersion7(now), now, userId, AnswerFields.Evidence, file.FileName, null));
        return true;
    }

    /// <summary>A copy for a reopened assessment: same values, history and evidence, plus an origin note.</summary>
    internal Answer CopyFor(Guid newAssessmentId, Guid newTargetObjectId, string originNote, string userId, DateTimeOffset now)
    {
        var copy = new Answer(Guid.CreateVersion7(now), RequirementId, GroupId, newTargetObjectId)
        {
            Status = Status,
            EntbehrlichReason = EntbehrlichReason,
            Justification = Justification,
            ImplementationDescription = ImplementationDescription,
            Owner = Owner,
            DueDate = DueDate,
            CostEstimate = CostEstimate,
            AssessedOn = AssessedOn,
            Interviewees = Interviewees,
            Version = 1,
            UpdatedAt = UpdatedAt,
            UpdatedByUserId = UpdatedByUserId,
        };
        // The copy starts its own chain in the new assessment (the assessment id is part of every hash).
        foreach (var change in _history.OrderBy(c => c.Sequence))
        {
            copy.Append(newAssessmentId, change.CopyWithNewId(Guid.CreateVersion7(now)));
        }

        foreach (var file in _evidence)
        {
            copy._evidence.Add(file.CopyWithNewId(Guid.CreateVersion7(now)));
        }

        copy.Append(newAssessmentId, new AnswerChange(Guid.CreateVersion7(now), now, userId, AnswerFields.Origin, Id.ToString(), originNote));
        return copy;
    }

    // The only way an entry enters the history: every path (questionnaire, imports, evidence, reopen) is chained.
    private void Append(Guid assessmentId, AnswerChange change)
    {
        change.Seal(assessmentId, RequirementId, TargetObjectId, ChainLength + 1, ChainHead);
        ChainLength++;
        ChainHead = change.Hash;
        _history.Add(change);
    }

    private static string? Format<T>(T? value)
        where T : struct => value switch
        {
            null => null,
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal number => number.ToString(CultureInfo.InvariantCulture),
            _ => value.Value.ToString(),
        };

    private static string Format(AnswerStatus status) => status.ToString();
}
