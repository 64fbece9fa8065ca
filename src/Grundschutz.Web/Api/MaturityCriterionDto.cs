using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>One Reifegrad criterion of a practice, evaluated.</summary>
/// <param name="Level">The level 1–5 it belongs to.</param>
/// <param name="Met">Whether it holds (the level counts only if all lower criteria hold too).</param>
/// <param name="Text">German explanation with the numbers.</param>
public sealed record MaturityCriterionDto(int Level, bool Met, string Text)
{
    public static MaturityCriterionDto From(MaturityCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new MaturityCriterionDto(criterion.Level, criterion.Met, criterion.Text);
    }
}
