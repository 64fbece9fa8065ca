namespace Grundschutz.Domain.Assessments.Migration;

/// <summary>
/// The result of <see cref="MigrationPlanner.Plan"/>: the Grundschutz++ draft (not saved) and what the preview shows.
/// </summary>
/// <param name="Draft">The draft assessment with target objects, applied topics and the prefilled answers.</param>
/// <param name="Controls">Every mapped control × target object, in catalogue order then target name.</param>
/// <param name="NeedsAnswer">Every applicable question of the draft without a prefilled answer, in questionnaire order.</param>
/// <param name="StaleTargets">Map targets missing in the chosen catalogue version (sources in scope).</param>
/// <param name="StaleTargetsInCollection">Distinct missing targets over the whole relevant part of the collection.</param>
public sealed record MigrationPlan(
    Assessment Draft,
    IReadOnlyList<MigratedControl> Controls,
    IReadOnlyList<QuestionKey> NeedsAnswer,
    IReadOnlyList<StaleMappingTarget> StaleTargets,
    int StaleTargetsInCollection)
{
    /// <summary>Prefilled control × target object pairs.</summary>
    public int PrefilledCount => Controls.Count(c => c.Prefilled);
}
