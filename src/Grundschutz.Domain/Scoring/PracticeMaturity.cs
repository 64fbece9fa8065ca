using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// The Reifegrad (BSI-Standard 200-2 Kap. 10.1.2) of one management practice: a Kompendium process
/// layer (ISMS, ORP, CON, OPS, DER) or a Grundschutz++ Methodik practice (GC, STM, UMS, VRB, PERF, RISK).
/// </summary>
/// <param name="PracticeId">Layer or practice id.</param>
/// <param name="Level">0–5, or null when „nicht bewertet“.</param>
/// <param name="NotAssessedReason">Why it is not assessed (no applicable pairs / all entbehrlich); null when assessed.</param>
/// <param name="Criteria">The criteria of levels 1–5 in order (empty when not assessed).</param>
public sealed record PracticeMaturity(string PracticeId, int? Level, string? NotAssessedReason, IReadOnlyList<MaturityCriterion> Criteria)
{
    /// <summary>True when the practice has pairs to assess.</summary>
    public bool IsAssessed => Level is not null;

    /// <summary>The 200-2 wording of the level, or „nicht bewertet“.</summary>
    public string LevelText => LevelTextMessage.ToString();

    /// <summary><see cref="LevelText"/> as a translatable message.</summary>
    public MessageText LevelTextMessage => Level is { } level ? ScoringTexts.MaturityLevelMessage(level) : ScoringTexts.NotAssessed();

    /// <summary><see cref="NotAssessedReason"/> as a translatable message; null when assessed.</summary>
    public MessageText? NotAssessedReasonMessage => NotAssessedReason is null ? null : ScoringTexts.FixedMessage(NotAssessedReason);
}
