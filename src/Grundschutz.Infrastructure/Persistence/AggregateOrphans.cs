namespace Grundschutz.Infrastructure.Persistence;

/// <summary>
/// Rows of the assessment aggregate that lost their parent. Until the migration <c>RequiredAggregateKeys</c> the keys
/// from a child to its assessment or answer were optional, so removing a child (a target object with its answers, an
/// evidence file from an answer, …) set the key to NULL instead of deleting the row. Those rows were unreachable but
/// still stored (removed answer texts among them); the migration deletes them – children of orphaned answers first –
/// before it makes the keys required. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class AggregateOrphans
{
    private const string OrphanedAnswers = "SELECT \"Id\" FROM \"Answers\" WHERE \"AssessmentId\" IS NULL";

    /// <summary>The DELETE statements, in order.</summary>
    public static IReadOnlyList<string> DeleteStatements { get; } =
    [
        $"DELETE FROM \"AnswerChanges\" WHERE \"AnswerId\" IS NULL OR \"AnswerId\" IN ({OrphanedAnswers})",
        $"DELETE FROM \"EvidenceFiles\" WHERE \"AnswerId\" IS NULL OR \"AnswerId\" IN ({OrphanedAnswers})",
        "DELETE FROM \"Answers\" WHERE \"AssessmentId\" IS NULL",
        "DELETE FROM \"AssessmentTargetObjects\" WHERE \"AssessmentId\" IS NULL",
        "DELETE FROM \"AssessmentModuleApplications\" WHERE \"AssessmentId\" IS NULL",
        "DELETE FROM \"AssessmentModuleExclusions\" WHERE \"AssessmentId\" IS NULL",
        "DELETE FROM \"AssessmentContributors\" WHERE \"AssessmentId\" IS NULL",
        "DELETE FROM \"AssessmentTransitions\" WHERE \"AssessmentId\" IS NULL",
    ];
}
