using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments;

/// <content>Answers: recording with optimistic concurrency and history, evidence, Grundschutz++ verdicts.</content>
public sealed partial class Assessment
{
    /// <summary>
    /// Saves the answer to one requirement on one target object.
    /// Checks, in order: the state allows answers (Draft/InProgress/Returned); the requirement belongs
    /// to this catalogue, its module is applied to the target object and it is applicable under the
    /// approach; the actor may answer the module (<see cref="CanAnswer"/>); <paramref name="expectedVersion"/>
    /// equals the stored <see cref="Answer.Version"/> (0 when there is no answer yet), else
    /// <see cref="AnswerConflictException"/> with the current values; no
    /// <see cref="AnswerIssueSeverity.Invalid"/> errors, else <see cref="AnswerValidationException"/>.
    /// Incomplete answers (e.g. nein without due date) are saved and reported in
    /// <see cref="RecordAnswerResult.Issues"/>; they block submitting. Text is trimmed (empty → null);
    /// the entbehrlich reason is dropped unless the status is entbehrlich. Each changed field adds a
    /// history entry and raises the version by one; an unchanged save changes nothing.
    /// </summary>
    /// <param name="input">The proposed values.</param>
    /// <param name="expectedVersion">The version the user's form was loaded with.</param>
    /// <param name="actor">The acting user.</param>
    /// <param name="now">Current time.</param>
    /// <param name="requirement">The catalogue facts of <see cref="AnswerInput.RequirementId"/>.</param>
    /// <param name="today">The user's current date for the "not in the future" rule; defaults to the date of <paramref name="now"/>.</param>
    public RecordAnswerResult RecordAnswer(AnswerInput input, int expectedVersion, Actor actor, DateTimeOffset now, AssessedRequirement requirement, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(requirement);
        if (!string.Equals(input.RequirementId, requirement.RequirementId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The requirement facts do not belong to the answered requirement.", nameof(requirement));
        }

        EnsureAnswersEditable();
        EnsureAnswerable(requirement, input.TargetObjectId, actor);

        var existing = FindAnswer(requirement.RequirementId, input.TargetObjectId);
        var currentVersion = existing?.Version ?? 0;
        if (expectedVersion != currentVersion)
        {
            if (existing is null)
            {
                throw AssessmentRuleException.Of("Die Antwort zu {0} wurde inzwischen entfernt. Bitte die Seite neu laden.", requirement.RequirementId);
            }

            throw new AnswerConflictException(existing.ToSnapshot(), expectedVersion);
        }

        var values = Normalize(input);
        var errors = AnswerValidator.Validate(values, requirement, today ?? DateOf(now));
        if (errors.Any(e => e.Severity == AnswerIssueSeverity.Invalid))
        {
            throw new AnswerValidationException(errors);
        }

        var answer = existing ?? new Answer(Guid.CreateVersion7(now), requirement.RequirementId, requirement.GroupId, input.TargetObjectId);
        var changes = answer.Apply(Id, values, actor.UserId, now);
        if (existing is null && changes.Count > 0)
        {
            _answers.Add(answer);
        }

        return new RecordAnswerResult(answer, changes, errors);
    }

    /// <summary>The answer for a pair, or null.</summary>
    public Answer? FindAnswer(string requirementId, Guid targetObjectId) =>
        _answers.Find(a => a.TargetObjectId == targetObjectId && string.Equals(a.RequirementId, requirementId, StringComparison.Ordinal));

    /// <summary>
    /// Attaches an evidence file reference to the answer of a pair (creating an open answer if there
    /// is none yet). Same state, scope and permission checks as <see cref="RecordAnswer"/>; does not
    /// raise the version but adds a history entry.
    /// </summary>
    /// <param name="requirement">The requirement's catalogue facts.</param>
    /// <param name="targetObjectId">The target object.</param>
    /// <param name="fileName">Original file name.</param>
    /// <param name="storageKey">Key of the stored bytes (from the infrastructure).</param>
    /// <param name="sizeBytes">Size in bytes.</param>
    /// <param name="contentType">MIME type, if known.</param>
    /// <param name="actor">The acting user.</param>
    /// <param name="now">Current time.</param>
    public EvidenceFile AttachEvidence(AssessedRequirement requirement, Guid targetObjectId, string fileName, string storageKey, long sizeBytes, string? contentType, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageKey);
        EnsureAnswersEditable("Nachweise");
        EnsureAnswerable(requirement, targetObjectId, actor);
        var cleanName = Clean(fileName) ?? throw new AssessmentRuleException("Die Datei hat keinen Namen.");
        if (cleanName.Length > EvidenceFile.MaxFileNameLength)
        {
            throw AssessmentRuleException.Of("Der Dateiname darf höchstens {0} Zeichen lang sein.", EvidenceFile.MaxFileNameLength);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);

        var answer = FindAnswer(requirement.RequirementId, targetObjectId);
        if (answer is null)
        {
            answer = new Answer(Guid.CreateVersion7(now), requirement.RequirementId, requirement.GroupId, targetObjectId);
            _answers.Add(answer);
        }

        var file = new EvidenceFile(Guid.CreateVersion7(now), cleanName, Clean(contentType), sizeBytes, storageKey, now, actor.UserId);
        answer.AddEvidence(Id, file, actor.UserId, now);
        return file;
    }

    /// <summary>Removes an evidence file reference (same state and permission checks as attaching).</summary>
    public void RemoveEvidence(Guid evidenceId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureAnswersEditable("Nachweise");
        var answer = _answers.Find(a => a.Evidence.Any(e => e.Id == evidenceId))
            ?? throw new AssessmentRuleException("Den Nachweis gibt es in dieser Bewertung nicht.");
        if (!CanAnswer(actor, answer.GroupId))
        {
            throw NotAssigned(answer.GroupId);
        }

        answer.RemoveEvidence(Id, evidenceId, actor.UserId, now);
    }

    /// <summary>
    /// Grundschutz++ verdicts for the requirements applied to one target object, with the
    /// dependency closure (UMS.1.1). A dependency is looked up on the same target object when its
    /// module is applied there; otherwise it counts as umgesetzt only if it is ja on every target
    /// object where it is answered (and not assessed at all blocks).
    /// </summary>
    public IReadOnlyDictionary<string, DependencyVerdict> DependencyVerdicts(CatalogContext catalog, Guid targetObjectId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var answers = AnswerLookup();
        var appliedHere = _moduleApplications.Where(a => a.TargetObjectId == targetObjectId).Select(a => a.GroupId).ToHashSet(StringComparer.Ordinal);

        AnswerStatus? Status(string requirementId)
        {
            var requirement = catalog.Find(requirementId);
            if (requirement is not null && appliedHere.Contains(requirement.GroupId))
            {
                return answers.TryGetValue((requirementId, targetObjectId), out var here) ? here.Status : AnswerStatus.Open;
            }

            var elsewhere = _answers.Where(a => string.Equals(a.RequirementId, requirementId, StringComparison.Ordinal)).ToList();
            if (elsewhere.Count == 0)
            {
                return null;
            }

            return elsewhere.Find(a => a.Status != AnswerStatus.Ja)?.Status ?? AnswerStatus.Ja;
        }

        IReadOnlyList<string> Dependencies(string requirementId) => catalog.Find(requirementId)?.RequiredDependencies ?? [];

        var ids = ApplicableQuestions(catalog).Where(q => q.TargetObjectId == targetObjectId).Select(q => q.RequirementId);
        return DependencyClosure.EvaluateAll(ids, Status, Dependencies);
    }

    private void EnsureAnswerable(AssessedRequirement requirement, Guid targetObjectId, Actor actor)
    {
        if (requirement.Framework != Framework)
        {
            throw AssessmentRuleException.Of("{0} gehört nicht zum Katalog dieser Bewertung.", requirement.RequirementId);
        }

        var target = RequireTarget(targetObjectId);
        if (!_moduleApplications.Exists(a => a.GroupId == requirement.GroupId && a.TargetObjectId == targetObjectId))
        {
            throw AssessmentRuleException.Of("Der Baustein {0} ist auf „{1}“ nicht angewendet.", requirement.GroupId, target.Name);
        }

        if (!IsApplicable(requirement))
        {
            throw AssessmentRuleException.Of("{0} gehört bei der Vorgehensweise „{1}“ nicht zum Prüfumfang.", requirement.RequirementId, new Term(AssessmentTexts.ApproachName(Approach)));
        }

        if (!CanAnswer(actor, requirement.GroupId))
        {
            throw NotAssigned(requirement.GroupId);
        }
    }

    private static AssessmentRuleException NotAssigned(string groupId) =>
        AssessmentRuleException.Of("Sie dürfen den Baustein {0} nicht bearbeiten: Er ist Ihnen nicht zugewiesen.", groupId);

    private static AnswerInput Normalize(AnswerInput input) => input with
    {
        EntbehrlichReason = input.Status == AnswerStatus.Entbehrlich ? input.EntbehrlichReason : null,
        Justification = Clean(input.Justification),
        ImplementationDescription = Clean(input.ImplementationDescription),
        Owner = Clean(input.Owner),
        Interviewees = Clean(input.Interviewees),
    };
}
