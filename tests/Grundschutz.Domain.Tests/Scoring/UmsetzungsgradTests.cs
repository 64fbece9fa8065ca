using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using static Grundschutz.Domain.Tests.Scoring.Pairs;

namespace Grundschutz.Domain.Tests.Scoring;

public class UmsetzungsgradTests
{
    // Statuses of B requirements (one letter per pair) → strict numerator/denominator, lenient numerator, strict value.
    public static TheoryData<string, int, int, decimal, decimal?> StatusTable() => new()
    {
        { "J", 1, 1, 1m, 1m },
        { "N", 0, 1, 0m, 0m },
        { "T", 0, 1, 0.5m, 0m },
        { "JJTNO", 2, 5, 2.5m, 0.4m },
        { "JTE", 1, 2, 1.5m, 0.5m },
        { "OOO", 0, 3, 0m, 0m },
        { "TTTT", 0, 4, 2m, 0m },
        { "JJJE", 3, 3, 3m, 1m },
        { "EEE", 0, 0, 0m, null },
        { "", 0, 0, 0m, null },
    };

    [Theory]
    [MemberData(nameof(StatusTable))]
    public void Score_BasisStatuses_GiveStrictAndLenientShares(string statuses, int ja, int denominator, decimal lenient, decimal? value)
    {
        var pairs = statuses.Select((c, i) => Komp($"SYS.2.1.A{i + 1}", B, Letter(c))).ToArray();

        var basis = Score(pairs).Overall.Basis;

        Assert.Equal((ja, denominator), basis.Strict.Nd());
        Assert.Equal(value, basis.Strict.Value);
        Assert.Equal((lenient, denominator), basis.Lenient.Nd());
        Assert.Equal(statuses.Count(c => c == 'E'), basis.Entbehrlich);
        Assert.Equal(statuses.Count(c => c == 'O'), basis.Open);
        Assert.Equal(statuses.Count(c => c == 'T'), basis.Teilweise);
    }

    [Theory]
    [InlineData(0.5, 2.5)]
    [InlineData(0.25, 2.25)]
    [InlineData(0, 2)]
    public void Score_LenientWeight_IsConfigurableButStrictStaysAtZero(decimal weight, decimal lenientNumerator)
    {
        var input = Kompendium(
            Approach.Standard,
            new ScoringOptions { LenientPartialWeight = weight },
            Komp("SYS.2.1.A1", B, Ja),
            Komp("SYS.2.1.A2", B, Ja),
            Komp("SYS.2.1.A3", B, Teilweise),
            Komp("SYS.2.1.A4", B, Nein));

        var basis = AssessmentScorer.Score(input).Overall.Basis;

        Assert.Equal((2m, 4), basis.Strict.Nd());
        Assert.Equal((lenientNumerator, 4), basis.Lenient.Nd());
    }

    /// <summary>
    /// Server: SYS.2.1.A1 B ja, A2 B nein, A3 S ja, A4 S teilweise, A5 S entbehrlich, A6 H ja (adopted), A7 B withdrawn ja.
    /// Clients: SYS.2.1.A1 B ja, A3 S open. Informationsverbund: ISMS.1.A1 B ja, ISMS.1.A2 S nein.
    /// </summary>
    private static ScoreReport Mixed() => Score(
        Komp("ISMS.1.A1", B, Ja, Verbund),
        Komp("ISMS.1.A2", S, Nein, Verbund),
        Komp("SYS.2.1.A1", B, Ja),
        Komp("SYS.2.1.A2", B, Nein),
        Komp("SYS.2.1.A3", S, Ja),
        Komp("SYS.2.1.A4", S, Teilweise),
        Komp("SYS.2.1.A5", S, Entbehrlich),
        Komp("SYS.2.1.A6", H, Ja),
        Komp("SYS.2.1.A7", B, Ja) with { Withdrawn = true },
        Komp("SYS.2.1.A1", B, Ja, Clients),
        Komp("SYS.2.1.A3", S, Open, Clients));

    // Slice → overall strict (ja, denominator), lenient numerator; computed by hand from Mixed().
    public static TheoryData<ScoreSlice, int, int, decimal> MixedOverall() => new()
    {
        { ScoreSlice.Basis, 3, 4, 3m },          // ISMS A1, SYS A1 ×2 ja; SYS A2 nein
        { ScoreSlice.BasisStandard, 4, 8, 4.5m }, // + S: A3 ja, A4 teilweise, A3 open, ISMS A2 nein (A5 entbehrlich excluded)
        { ScoreSlice.Hoch, 1, 1, 1m },
        { ScoreSlice.All, 5, 9, 5.5m },
        { ScoreSlice.Muss, 3, 4, 3m },
        { ScoreSlice.Sollte, 2, 5, 2.5m },
        { ScoreSlice.Kann, 0, 0, 0m },
        { ScoreSlice.NormalSdT, 0, 0, 0m },       // Grundschutz++ only
        { ScoreSlice.Erhoeht, 0, 0, 0m },
    };

    [Theory]
    [MemberData(nameof(MixedOverall))]
    public void Score_MixedLevels_OverallSlicesMatchHandCount(ScoreSlice slice, int ja, int denominator, decimal lenient)
    {
        var score = Mixed().Overall.Slice(slice);

        Assert.Equal((ja, denominator), score.Strict.Nd());
        Assert.Equal((lenient, denominator), score.Lenient.Nd());
    }

    [Fact]
    public void Score_MixedLevels_PerLayerAndModule()
    {
        var report = Mixed();

        Assert.Equal(["ISMS", "SYS"], report.TopGroups.Select(s => s.Id));
        Assert.Equal(["ISMS.1", "SYS.2.1"], report.Groups.Select(s => s.Id));
        var sys = report.FindTopGroup("SYS")!;
        Assert.Equal((2m, 3), sys.Basis.Strict.Nd());
        Assert.Equal((3m, 6), sys.BasisStandard.Strict.Nd());
        Assert.Equal((1m, 1), sys.Hoch.Strict.Nd());
        Assert.Equal((7m, 8), sys.Coverage.Nd());
        Assert.Equal(1, sys.Withdrawn);
        var isms = report.FindGroup("ISMS.1")!;
        Assert.Equal("ISMS", isms.TopGroupId);
        Assert.Equal((1m, 1), isms.Basis.Strict.Nd());
        Assert.Equal((1m, 2), isms.BasisStandard.Strict.Nd());
        Assert.Equal((2m, 2), isms.Coverage.Nd());
        Assert.Equal((3m, 6), report.FindGroup("SYS.2.1")!.BasisStandard.Strict.Nd());
    }

    // The scorer caches lookups for questionnaire order; any other order must give the same numbers.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Score_ShuffledPairOrder_GivesTheSameNumbers(int seed)
    {
        var pairs = Mixed().Input.Pairs.ToArray();
        new Random(seed).Shuffle(pairs);

        var report = Score(pairs);

        Assert.Equal((3m, 4), report.Overall.Basis.Strict.Nd());
        Assert.Equal((4m, 8), report.Overall.BasisStandard.Strict.Nd());
        Assert.Equal((9m, 10), report.Overall.Coverage.Nd());
        Assert.Equal((3m, 6), report.FindTopGroup("SYS")!.BasisStandard.Strict.Nd());
        Assert.Equal((1m, 2), report.FindGroup("ISMS.1")!.BasisStandard.Strict.Nd());
        Assert.Equal(["ISMS.1.A2", "SYS.2.1.A2", "SYS.2.1.A4"], report.ActionPlan.Items.Select(i => i.RequirementId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Score_MixedLevels_CoverageFreshnessAndCounts()
    {
        var overall = Mixed().Overall;

        Assert.Equal(10, overall.Pairs);
        Assert.Equal(1, overall.Withdrawn);
        Assert.Equal((9m, 10), overall.Coverage.Nd());
        Assert.Equal((9m, 9), overall.Freshness.Nd());
        Assert.Equal(3, overall.ActionItems); // SYS A2 nein, A4 teilweise, ISMS A2 nein
        Assert.Equal(0, overall.EntbehrlichWithoutJustification);
    }

    [Fact]
    public void Score_NothingApplicable_RatiosAreNullNotZeroOrHundred()
    {
        var report = Score();

        Assert.All(report.Overall.Slices, s => Assert.Null(s.Strict.Value));
        Assert.Equal((0m, 0), report.Overall.All.Strict.Nd());
        Assert.Null(report.Overall.Coverage.Value);
        Assert.Null(report.Overall.Freshness.Value);
        Assert.Null(report.Overall.Coverage.Percent());
        Assert.Empty(report.TopGroups);
        Assert.Empty(report.Groups);
    }

    [Fact]
    public void Score_EverythingEntbehrlich_UmsetzungsgradIsNullButCoverageIsFull()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Entbehrlich),
            Komp("SYS.2.1.A2", B, Entbehrlich),
            Komp("SYS.2.1.A3", S, Entbehrlich) with { Justification = " " });

        Assert.Equal((0m, 0), report.Overall.Basis.Strict.Nd());
        Assert.Null(report.Overall.BasisStandard.Strict.Value);
        Assert.Equal(3, report.Overall.All.Entbehrlich);
        Assert.Equal((3m, 3), report.Overall.Coverage.Nd());
        Assert.Equal(1, report.Overall.EntbehrlichWithoutJustification);
    }

    [Fact]
    public void Score_OnlyWithdrawnPairs_AreExcludedEntirely()
    {
        var report = Score(
            Komp("ORP.1.A5", B, Nein) with { Withdrawn = true },
            Komp("ORP.1.A6", B, Open) with { Withdrawn = true });

        Assert.Equal(0, report.Overall.Pairs);
        Assert.Equal(2, report.Overall.Withdrawn);
        Assert.Equal((0m, 0), report.Overall.All.Strict.Nd());
        Assert.Equal((0m, 0), report.Overall.Coverage.Nd());
        Assert.Empty(report.ActionPlan.Items);
        Assert.Empty(report.ActionPlan.Unanswered);
        Assert.False(report.Verdicts[0].Fulfilled);
    }

    // Assessment date → fresh? (today 2026-03-02, window 12 months → cut-off 2025-03-02 inclusive)
    [Theory]
    [InlineData("2026-03-02", true)]
    [InlineData("2025-03-02", true)]
    [InlineData("2025-03-01", false)]
    [InlineData("2024-12-31", false)]
    [InlineData(null, false)]
    public void Score_AssessedOn_FreshWithinTwelveMonths(string? assessedOn, bool fresh)
    {
        var date = assessedOn is null ? (DateOnly?)null : DateOnly.Parse(assessedOn, System.Globalization.CultureInfo.InvariantCulture);
        var report = Score(Komp("SYS.2.1.A1", B, Ja) with { AssessedOn = date });

        Assert.Equal((fresh ? 1m : 0m, 1), report.Overall.Freshness.Nd());
        Assert.Equal(fresh, report.Verdicts[0].Fresh);
    }

    [Theory]
    [InlineData("2025-09-02", true)]
    [InlineData("2025-09-01", false)]
    public void Score_FreshnessWindow_IsConfigurable(string assessedOn, bool fresh)
    {
        var input = Kompendium(
            Approach.Standard,
            new ScoringOptions { FreshnessMonths = 6 },
            Komp("SYS.2.1.A1", B, Ja) with { AssessedOn = DateOnly.Parse(assessedOn, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal((fresh ? 1m : 0m, 1), AssessmentScorer.Score(input).Overall.Freshness.Nd());
    }

    [Fact]
    public void Score_Freshness_IsTakenOverAnsweredPairsOnly()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Ja),
            Komp("SYS.2.1.A2", B, Nein) with { AssessedOn = Stale },
            Komp("SYS.2.1.A3", B, Entbehrlich) with { AssessedOn = Stale },
            Komp("SYS.2.1.A4", B, Open));

        Assert.Equal((1m, 3), report.Overall.Freshness.Nd());
        Assert.Equal((3m, 4), report.Overall.Coverage.Nd());
    }

    // Ratio display: truncated, never rounded up to 100 %.
    [Theory]
    [InlineData(1999, 2000, 99.9)]
    [InlineData(19999, 20000, 99.9)]
    [InlineData(2, 3, 66.6)]
    [InlineData(17, 20, 85.0)]
    [InlineData(20, 20, 100.0)]
    public void Ratio_Percent_TruncatesForDisplay(int numerator, int denominator, decimal percent)
    {
        var ratio = new Ratio(numerator, denominator);

        Assert.Equal(percent, ratio.Percent());
        Assert.Equal(numerator == denominator, ratio.IsComplete);
        Assert.Equal($"{numerator}/{denominator}", ratio.ToString());
    }

    [Fact]
    public void ScoringInput_InvalidOptions_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kompendium(Approach.Standard, new ScoringOptions { LenientPartialWeight = 1.5m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kompendium(Approach.Standard, new ScoringOptions { FreshnessMonths = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kompendium(Approach.Standard, new ScoringOptions { MaturityLevel3StandardThreshold = -0.1m }));
    }
}
