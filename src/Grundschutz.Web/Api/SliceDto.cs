using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>Umsetzungsgrad of one subset of pairs (e.g. E_B) with its counts; entbehrlich pairs are not in the denominator.</summary>
/// <param name="Strict">teilweise counts 0 (the number gates and Reifegrad use).</param>
/// <param name="Lenient">teilweise counts 0.5 (display only, labelled „nachsichtig“).</param>
/// <param name="Ja">Fulfilled pairs (Grundschutz++: with all required dependencies).</param>
/// <param name="JaBlockedByDependency">Grundschutz++: answered ja, but a required dependency is not umgesetzt.</param>
/// <param name="Teilweise">Partly fulfilled pairs.</param>
/// <param name="Nein">Not fulfilled pairs.</param>
/// <param name="Open">Unanswered pairs (in the denominator).</param>
/// <param name="Entbehrlich">Entbehrlich pairs (outside the denominator).</param>
public sealed record SliceDto(RatioDto Strict, RatioDto Lenient, int Ja, int JaBlockedByDependency, int Teilweise, int Nein, int Open, int Entbehrlich)
{
    public static SliceDto From(SliceScore slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return new SliceDto(
            RatioDto.From(slice.Strict),
            RatioDto.From(slice.Lenient),
            slice.Ja,
            slice.JaBlockedByDependency,
            slice.Teilweise,
            slice.Nein,
            slice.Open,
            slice.Entbehrlich);
    }
}
