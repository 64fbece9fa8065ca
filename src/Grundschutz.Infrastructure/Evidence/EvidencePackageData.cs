using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Evidence;
using Grundschutz.Infrastructure.Export;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>Everything an evidence package is written from (see <see cref="EvidencePackageLoader"/>).</summary>
/// <param name="Assessment">The aggregate with target objects, modelling, transitions, answers and evidence – without the answers' history (it is empty).</param>
/// <param name="Export">The scored A.4/A.6 export (header with municipality and catalogue).</param>
/// <param name="Policies">The A.0 policy versions valid at approval, by number.</param>
/// <param name="UserNames">User names by user id (for the audit trail and workflow record).</param>
/// <param name="ApprovedAt">When the assessment was approved.</param>
/// <param name="ApprovedByUserId">Who approved it.</param>
/// <param name="Freshness">The freshness warnings as of the package date.</param>
/// <param name="GeneratedAt">When the package is made (UTC, from the TimeProvider).</param>
/// <param name="History">The answers' history entries, streamed from the database for the trail (chains checked on the way).</param>
public sealed record EvidencePackageData(
    Assessment Assessment,
    AssessmentExport Export,
    IReadOnlyList<PolicyDocument> Policies,
    IReadOnlyDictionary<string, string> UserNames,
    DateTimeOffset ApprovedAt,
    string ApprovedByUserId,
    IReadOnlyList<FreshnessWarning> Freshness,
    DateTimeOffset GeneratedAt,
    AnswerHistoryStream History)
{
    /// <summary>The user name of an id, or the id itself.</summary>
    public string UserName(string? userId) => userId is null ? "" : UserNames.GetValueOrDefault(userId, userId);
}
