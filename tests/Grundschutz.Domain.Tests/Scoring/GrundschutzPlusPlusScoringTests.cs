using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using static Grundschutz.Domain.Tests.Scoring.Pairs;

namespace Grundschutz.Domain.Tests.Scoring;

public class GrundschutzPlusPlusScoringTests
{
    // Chain BER.6.1 → BER.6.2 → BER.6.3 on one target: statuses (letters) → fulfilled per control,
    // blocking dependency per control, strict (ja, denominator) of normal-SdT, ja answers blocked by a dependency.
    public static TheoryData<string, bool[], string?[], int, int, int> ChainTable() => new()
    {
        { "JJJ", [true, true, true], [null, null, null], 3, 3, 0 },
        { "JJN", [false, false, false], ["BER.6.2", "BER.6.3", null], 0, 3, 2 },
        { "JNJ", [false, false, true], ["BER.6.2", null, null], 1, 3, 1 },
        { "NJJ", [false, true, true], [null, null, null], 2, 3, 0 },
        { "JJO", [false, false, false], ["BER.6.2", "BER.6.3", null], 0, 3, 2 },
        { "JJE", [false, false, false], ["BER.6.2", "BER.6.3", null], 0, 2, 2 }, // entbehrlich dependency blocks and leaves the denominator
    };

    [Theory]
    [MemberData(nameof(ChainTable))]
    public void Score_DependencyChain_CountsOnlyControlsWithTheirWholeClosure(string statuses, bool[] fulfilled, string?[] blocking, int ja, int denominator, int blocked)
    {
        var report = ScoreGspp(
            Gspp("BER.6.1", Letter(statuses[0])).Requires("BER.6.2"),
            Gspp("BER.6.2", Letter(statuses[1])).Requires("BER.6.3"),
            Gspp("BER.6.3", Letter(statuses[2])));

        Assert.Equal(fulfilled, report.Verdicts.Select(v => v.Fulfilled));
        Assert.Equal(blocking, report.Verdicts.Select(v => v.BlockingDependencyId));
        Assert.Equal((ja, denominator), report.Overall.NormalSdT.Strict.Nd());
        Assert.Equal(blocked, report.Overall.NormalSdT.JaBlockedByDependency);
    }

    [Fact]
    public void Score_Diamond_SharedDependencyNein_BlocksAllAbove()
    {
        // BER.6.1 → BER.6.2 → GC.1.1 and BER.6.1 → BER.6.3 → GC.1.1
        var report = ScoreGspp(
            Gspp("BER.6.1", Ja).Requires("BER.6.2", "BER.6.3"),
            Gspp("BER.6.2", Ja).Requires("GC.1.1"),
            Gspp("BER.6.3", Ja).Requires("GC.1.1"),
            Gspp("GC.1.1", Nein, "MUSS"));

        Assert.Equal([false, false, false, false], report.Verdicts.Select(v => v.Fulfilled));
        Assert.Equal(["BER.6.2", "GC.1.1", "GC.1.1", null], report.Verdicts.Select(v => v.BlockingDependencyId));
        Assert.Equal((0m, 4), report.Overall.All.Strict.Nd());
        Assert.Equal(3, report.Overall.All.JaBlockedByDependency);
    }

    [Fact]
    public void Score_Dependency_IsEvaluatedOnTheSameTargetObject()
    {
        // Both controls on both targets; the dependency is nein on Clients only.
        var report = ScoreGspp(
            Gspp("BER.6.1", Ja).Requires("BER.6.2"),
            Gspp("BER.6.2", Ja),
            Gspp("BER.6.1", Ja).Requires("BER.6.2").On(Clients),
            Gspp("BER.6.2", Nein).On(Clients));

        Assert.Equal([true, true, false, false], report.Verdicts.Select(v => v.Fulfilled));
        Assert.Equal((2m, 4), report.Overall.All.Strict.Nd());
    }

    // The dependency GC.1.1 has no pair on the Informationsverbund; its statuses on Server and Clients → BER.6.1 fulfilled?
    [Theory]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Ja, true)]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Nein, false)]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Open, false)]
    [InlineData(AnswerStatus.Entbehrlich, AnswerStatus.Ja, false)]
    public void Score_DependencyOnlyOnOtherTargets_CountsWhenJaEverywhere(AnswerStatus onServer, AnswerStatus onClients, bool fulfilled)
    {
        var report = ScoreGspp(
            Gspp("BER.6.1", Ja).Requires("GC.1.1"),
            Gspp("GC.1.1", onServer, "MUSS").On(Server),
            Gspp("GC.1.1", onClients, "MUSS").On(Clients));

        Assert.Equal(fulfilled, report.Verdicts[0].Fulfilled);
        Assert.Equal(fulfilled ? null : "GC.1.1", report.Verdicts[0].BlockingDependencyId);
    }

    [Fact]
    public void Score_UnknownDependency_Blocks()
    {
        var report = ScoreGspp(Gspp("BER.6.1", Ja).Requires("ZZZ.9.9"));

        Assert.False(report.Verdicts[0].Fulfilled);
        Assert.Equal("ZZZ.9.9", report.Verdicts[0].BlockingDependencyId);
        Assert.Equal((0m, 1), report.Overall.All.Strict.Nd());
    }

    // Catalogue import rejects dependency cycles (CatalogValidator); the scorer still terminates and
    // agrees with DependencyClosure: a cycle of ja controls is fulfilled, any non-ja control reachable blocks all.
    [Theory]
    [InlineData(AnswerStatus.Ja, true)]
    [InlineData(AnswerStatus.Nein, false)]
    public void Score_Cycle_TerminatesAndMatchesDependencyClosure(AnswerStatus outside, bool fulfilled)
    {
        var report = ScoreGspp(
            Gspp("BER.6.1", Ja).Requires("BER.6.2"),
            Gspp("BER.6.2", Ja).Requires("BER.6.1", "GC.1.1"),
            Gspp("GC.1.1", outside, "MUSS"));

        Assert.Equal([fulfilled, fulfilled], report.Verdicts.Take(2).Select(v => v.Fulfilled));
        Assert.Equal(fulfilled ? 3 : 0, report.Overall.All.Ja);
        Assert.Equal(
            DependencyClosure.IsUmgesetzt("BER.6.1", id => id == "GC.1.1" ? outside : AnswerStatus.Ja, id => id switch
            {
                "BER.6.1" => ["BER.6.2"],
                "BER.6.2" => ["BER.6.1", "GC.1.1"],
                _ => [],
            }),
            report.Verdicts[0].Fulfilled);
    }

    // Random dependency graphs (with cycles from seed 3 on) on one target object: every verdict equals DependencyClosure's.
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void Score_RandomGraphs_AgreeWithDependencyClosure(int seed, bool allowCycles)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(1, 60).Select(n => $"BER.{(n / 10) + 1}.{n}").ToArray();
        var statuses = ids.ToDictionary(id => id, _ => random.Next(10) < 8 ? AnswerStatus.Ja : (AnswerStatus)random.Next(0, 5));
        var links = ids.Select((id, k) => (id, deps: Enumerable.Range(0, random.Next(0, 3))
            .Select(_ => ids[allowCycles ? random.Next(ids.Length) : random.Next(Math.Max(k, 1))])
            .Where(d => d != id)
            .Distinct()
            .ToArray())).ToDictionary(x => x.id, x => x.deps);
        var pairs = ids.Select(id => Gspp(id, statuses[id] == Teilweise ? Nein : statuses[id]).Requires(links[id])).ToArray();

        var report = ScoreGspp(pairs);

        var expected = ids.Select(id => DependencyClosure.IsUmgesetzt(
            id,
            x => statuses.TryGetValue(x, out var st) ? (st == Teilweise ? Nein : st) : null,
            x => links.TryGetValue(x, out var d) ? d : [])).ToArray();
        Assert.Equal(expected, report.Verdicts.Select(v => v.Fulfilled));
        Assert.Equal(expected.Count(e => e), report.Overall.All.Ja);
    }

    /// <summary>
    /// GC.1.1 MUSS ja, GC.1.2 MUSS nein, BER.6.1 SOLLTE ja, BER.6.2 SOLLTE entbehrlich, BER.6.3 KANN erhöht ja,
    /// BER.6.4 KANN erhöht open, BER.6.5 SOLLTE without sec_level ja but requires GC.1.2.
    /// </summary>
    private static ScoreReport Split() => ScoreGspp(
        Gspp("GC.1.1", Ja, "MUSS"),
        Gspp("GC.1.2", Nein, "MUSS"),
        Gspp("BER.6.1", Ja),
        Gspp("BER.6.2", Entbehrlich),
        Gspp("BER.6.3", Ja, "KANN", ApproachRules.SecLevelErhoeht),
        Gspp("BER.6.4", Open, "KANN", ApproachRules.SecLevelErhoeht),
        Gspp("BER.6.5", Ja, "SOLLTE", null).Requires("GC.1.2"));

    // Slice → overall strict (ja, denominator), computed by hand from Split().
    public static TheoryData<ScoreSlice, int, int> SplitOverall() => new()
    {
        { ScoreSlice.NormalSdT, 2, 4 }, // GC.1.1, BER.6.1 of GC.1.1, GC.1.2, BER.6.1, BER.6.5
        { ScoreSlice.Erhoeht, 1, 2 },
        { ScoreSlice.Muss, 1, 2 },
        { ScoreSlice.Sollte, 1, 2 },    // BER.6.1 of BER.6.1, BER.6.5 (BER.6.2 entbehrlich)
        { ScoreSlice.Kann, 1, 2 },
        { ScoreSlice.All, 3, 6 },
        { ScoreSlice.Basis, 0, 0 },     // Kompendium levels do not exist in Grundschutz++
        { ScoreSlice.BasisStandard, 0, 0 },
        { ScoreSlice.Hoch, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(SplitOverall))]
    public void Score_SecLevelAndModalVerbSplit_MatchHandCount(ScoreSlice slice, int ja, int denominator)
    {
        Assert.Equal((ja, denominator), Split().Overall.Slice(slice).Strict.Nd());
    }

    [Fact]
    public void Score_SecLevelAndModalVerbSplit_PerPractice()
    {
        var report = Split();

        Assert.Equal(["GC", "BER"], report.TopGroups.Select(s => s.Id));
        Assert.Equal((1m, 2), report.FindTopGroup("GC")!.All.Strict.Nd());
        var ber = report.FindTopGroup("BER")!;
        Assert.Equal((2m, 4), ber.All.Strict.Nd());
        Assert.Equal(1, ber.All.JaBlockedByDependency);
        Assert.Equal((1m, 2), ber.NormalSdT.Strict.Nd());
        Assert.Equal((1m, 2), ber.Erhoeht.Strict.Nd());
        Assert.Equal(["GC.1", "BER.6"], report.Groups.Select(s => s.Id));
    }
}
