namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A snapshot of the questionnaire of one assessment: the ordered questions (modules in catalogue
/// order, then requirement order, then target object order — see
/// <see cref="Assessment.ApplicableQuestions"/>), progress per module and overall, the next open
/// question and where to resume. Build a new one after answers change.
/// </summary>
public sealed class QuestionnaireNavigator
{
    private readonly Dictionary<(string RequirementId, Guid TargetObjectId), Question> _byKey = [];

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
        var questions = new List<Question>();
        foreach (var key in assessment.ApplicableQuestions(catalog))
        {
            answers.TryGetValue((key.RequirementId, key.TargetObjectId), out var answer);
            var question = new Question(
                questions.Count,
                key.GroupId,
                key.RequirementId,
                key.TargetObjectId,
                names[key.TargetObjectId],
                answer?.Status ?? AnswerStatus.Open,
                answer?.Version ?? 0,
                answer?.UpdatedAt);
            questions.Add(question);
            _byKey[(key.RequirementId, key.TargetObjectId)] = question;
        }

        Questions = questions;
        Modules = questions
            .GroupBy(q => q.GroupId, StringComparer.Ordinal)
            .Select(g => new ModuleProgress(g.Key, g.Count(q => !q.IsOpen), g.Count()))
            .ToList();
        Overall = new ModuleProgress("", questions.Count(q => !q.IsOpen), questions.Count);
    }

    /// <summary>All questions in order; <see cref="Question.Position"/> is the index.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Progress per module, in questionnaire order.</summary>
    public IReadOnlyList<ModuleProgress> Modules { get; }

    /// <summary>Overall progress.</summary>
    public ModuleProgress Overall { get; }

    /// <summary>
    /// Where to resume: the first open question; when none is open, the most recently saved one;
    /// null when there are no questions.
    /// </summary>
    public Question? ResumePosition =>
        Questions.FirstOrDefault(q => q.IsOpen)
        ?? Questions.Where(q => q.UpdatedAt is not null).OrderBy(q => q.UpdatedAt).ThenBy(q => q.Position).LastOrDefault()
        ?? Questions.LastOrDefault();

    /// <summary>The questions of one module, in order.</summary>
    public IReadOnlyList<Question> InModule(string groupId) =>
        Questions.Where(q => string.Equals(q.GroupId, groupId, StringComparison.Ordinal)).ToList();

    /// <summary>The question for a pair, or null when it is not in the questionnaire.</summary>
    public Question? Find(string requirementId, Guid targetObjectId) => _byKey.GetValueOrDefault((requirementId, targetObjectId));

    /// <summary>
    /// The next open question after <paramref name="afterPosition"/> (use -1 to start at the
    /// beginning), wrapping around to the start; the question at <paramref name="afterPosition"/>
    /// itself comes last. Null when nothing is open.
    /// </summary>
    public Question? NextOpen(int afterPosition)
    {
        var count = Questions.Count;
        if (count == 0)
        {
            return null;
        }

        var start = afterPosition < 0 ? -1 : Math.Min(afterPosition, count - 1);
        for (var step = 1; step <= count; step++)
        {
            var index = (start + step) % count;
            if (Questions[index].IsOpen)
            {
                return Questions[index];
            }
        }

        return null;
    }
}
