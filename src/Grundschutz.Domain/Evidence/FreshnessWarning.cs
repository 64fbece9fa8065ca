namespace Grundschutz.Domain.Evidence;

/// <summary>One freshness warning.</summary>
/// <param name="Kind">Which rule.</param>
/// <param name="Message">German text for the user.</param>
/// <param name="Count">Number of stale answers (for <see cref="FreshnessWarningKind.StaleAnswers"/>).</param>
/// <param name="Date">The date the warning is about (oldest answer, approval, review), if any.</param>
public sealed record FreshnessWarning(FreshnessWarningKind Kind, string Message, int Count, DateOnly? Date);
