using Grundschutz.Domain.Evidence;

namespace Grundschutz.Domain.Tests.Evidence;

/// <summary>The freshness rules at their boundaries, computed by hand for 23.11.2026.</summary>
public class AuditFreshnessTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly LeitlinieFacts Fresh = new(new DateOnly(2026, 1, 1), null);

    [Theory]
    [InlineData("2025-11-23", false)] // exactly 12 months: still within
    [InlineData("2025-11-22", true)] // one day more: stale
    [InlineData("2026-11-23", false)]
    [InlineData("2024-02-29", true)]
    public void Evaluate_AnswerAge_TwelveMonthBoundary(string assessedOn, bool stale)
    {
        var warnings = AuditFreshness.Evaluate(Today, [DateOnly.Parse(assessedOn, System.Globalization.CultureInfo.InvariantCulture)], Fresh);

        Assert.Equal(stale, warnings.Any(w => w.Kind == FreshnessWarningKind.StaleAnswers));
    }

    [Fact]
    public void Evaluate_LeapDay_TwelveMonthsBackIsTheLastDayOfFebruary()
    {
        var leapDay = new DateOnly(2028, 2, 29);

        var current = new LeitlinieFacts(new DateOnly(2028, 1, 1), null);

        Assert.Empty(AuditFreshness.Evaluate(leapDay, [new DateOnly(2027, 2, 28)], current));
        Assert.Equal(FreshnessWarningKind.StaleAnswers, Assert.Single(AuditFreshness.Evaluate(leapDay, [new DateOnly(2027, 2, 27)], current)).Kind);
    }

    [Fact]
    public void Evaluate_SeveralStale_CountsThemAndNamesTheOldest()
    {
        var warning = Assert.Single(AuditFreshness.Evaluate(
            Today, [new DateOnly(2025, 1, 5), new DateOnly(2026, 6, 1), new DateOnly(2024, 12, 31), new DateOnly(2025, 11, 22)], Fresh));

        Assert.Equal(FreshnessWarningKind.StaleAnswers, warning.Kind);
        Assert.Equal(3, warning.Count);
        Assert.Equal(new DateOnly(2024, 12, 31), warning.Date);
        Assert.StartsWith("3 Antworten des IT-Grundschutz-Checks (A.4) sind älter als 12 Monate (älteste vom 31.12.2024)", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-11-23", false)] // exactly 2 years: still fresh
    [InlineData("2024-11-22", true)]
    [InlineData("2020-01-01", true)]
    public void Evaluate_LeitlinieAge_TwoYearBoundary(string approvedOn, bool old)
    {
        var warnings = AuditFreshness.Evaluate(Today, [], new LeitlinieFacts(DateOnly.Parse(approvedOn, System.Globalization.CultureInfo.InvariantCulture), null));

        Assert.Equal(old, warnings.Any(w => w.Kind == FreshnessWarningKind.LeitlinieOld));
    }

    [Theory]
    [InlineData("2026-11-23", false)] // due today: not yet overdue
    [InlineData("2026-11-22", true)]
    [InlineData("2027-01-01", false)]
    public void Evaluate_NextReview_OverdueTheDayAfter(string nextReview, bool overdue)
    {
        var warnings = AuditFreshness.Evaluate(Today, [], new LeitlinieFacts(new DateOnly(2026, 1, 1), DateOnly.Parse(nextReview, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(overdue, warnings.Any(w => w.Kind == FreshnessWarningKind.LeitlinieReviewOverdue));
    }

    [Fact]
    public void Evaluate_NoLeitlinie_Warns()
    {
        var warning = Assert.Single(AuditFreshness.Evaluate(Today, [Today], null));

        Assert.Equal(FreshnessWarningKind.LeitlinieMissing, warning.Kind);
    }

    [Theory]
    [InlineData("A.0.1", "A.0.1")]
    [InlineData(" a.0.2 ", "A.0.2")]
    [InlineData("A.0.07", "A.0.7")]
    [InlineData("A.0.12", "A.0.12")]
    [InlineData("A.0.0", null)]
    [InlineData("A.1", null)]
    [InlineData("A.0.", null)]
    [InlineData("A.0.1x", null)]
    public void Normalize_PolicyNumbers(string input, string? expected) =>
        Assert.Equal(expected, PolicyNumbers.Normalize(input));
}
