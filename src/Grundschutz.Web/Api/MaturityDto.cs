namespace Grundschutz.Web.Api;

/// <summary>Reifegrad profile: every management practice and the overall level (minimum over the assessed practices).</summary>
/// <param name="Overall">Minimum level over the assessed practices; null when none is assessed.</param>
/// <param name="Median">Median level over the assessed practices.</param>
/// <param name="Limiting">The practices at the overall level.</param>
/// <param name="Practices">All management practices of the framework, in fixed order.</param>
public sealed record MaturityDto(int? Overall, decimal? Median, IReadOnlyList<string> Limiting, IReadOnlyList<PracticeMaturityDto> Practices);
