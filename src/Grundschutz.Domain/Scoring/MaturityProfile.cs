namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Reifegrad profile: every management practice of the framework in fixed order, and the overall
/// ISMS-Reifegrad as the minimum over the assessed practices (weakest link, DOMAIN.md §6.1 B).
/// </summary>
/// <param name="Practices">All management practices, assessed or not.</param>
public sealed record MaturityProfile(IReadOnlyList<PracticeMaturity> Practices)
{
    /// <summary>Minimum level over the assessed practices; null when none is assessed.</summary>
    public int? Overall => Practices.Where(p => p.Level is not null).Min(p => p.Level);

    /// <summary>Median level over the assessed practices (mean of the two middle ones for an even count); null when none is assessed.</summary>
    public decimal? Median
    {
        get
        {
            var levels = Practices.Where(p => p.Level is not null).Select(p => p.Level!.Value).Order().ToArray();
            if (levels.Length == 0)
            {
                return null;
            }

            var middle = levels.Length / 2;
            return levels.Length % 2 == 1 ? levels[middle] : (levels[middle - 1] + levels[middle]) / 2m;
        }
    }

    /// <summary>The assessed practices at the overall (minimum) level: the ones to work on first.</summary>
    public IReadOnlyList<string> Limiting => Overall is { } overall
        ? Practices.Where(p => p.Level == overall).Select(p => p.PracticeId).ToList()
        : [];

    /// <summary>The practice's maturity, or null when the id is not a management practice of the framework.</summary>
    public PracticeMaturity? Find(string practiceId) => Practices.FirstOrDefault(p => p.PracticeId == practiceId);
}
