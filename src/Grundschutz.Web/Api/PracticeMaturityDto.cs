using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>The Reifegrad of one management practice (ISMS, ORP, CON, OPS, DER; Grundschutz++ GC, STM, UMS, VRB, PERF, RISK).</summary>
/// <param name="PracticeId">Layer or practice id.</param>
/// <param name="Title">Catalogue title, if known.</param>
/// <param name="Level">0–5, or null when „nicht bewertet“.</param>
/// <param name="LevelText">BSI-Standard 200-2 wording of the level.</param>
/// <param name="NotAssessedReason">Why it is not assessed, else null.</param>
/// <param name="Criteria">The criteria of levels 1–5.</param>
public sealed record PracticeMaturityDto(string PracticeId, string? Title, int? Level, string LevelText, string? NotAssessedReason, IReadOnlyList<MaturityCriterionDto> Criteria)
{
    public static PracticeMaturityDto From(PracticeMaturity practice, string? title)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return new PracticeMaturityDto(
            practice.PracticeId,
            title,
            practice.Level,
            practice.LevelText,
            practice.NotAssessedReason,
            [.. practice.Criteria.Select(MaturityCriterionDto.From)]);
    }
}
