using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using static Grundschutz.Domain.Tests.Scoring.Pairs;

namespace Grundschutz.Domain.Tests.Scoring;

public class ScoreComparisonTests
{
    private static readonly Guid NewServer = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid NewClients = new("00000000-0000-0000-0000-0000000000a2");

    [Theory]
    [InlineData(AnswerStatus.Nein, AnswerStatus.Ja, PairChangeKind.Improved)]
    [InlineData(AnswerStatus.Teilweise, AnswerStatus.Ja, PairChangeKind.Improved)]
    [InlineData(AnswerStatus.Nein, AnswerStatus.Teilweise, PairChangeKind.Improved)]
    [InlineData(AnswerStatus.Open, AnswerStatus.Ja, PairChangeKind.Improved)]
    [InlineData(AnswerStatus.Open, AnswerStatus.Teilweise, PairChangeKind.Improved)]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Nein, PairChangeKind.Regressed)]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Teilweise, PairChangeKind.Regressed)]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Open, PairChangeKind.Regressed)]
    [InlineData(AnswerStatus.Teilweise, AnswerStatus.Open, PairChangeKind.Regressed)]
    [InlineData(AnswerStatus.Open, AnswerStatus.Nein, PairChangeKind.Reclassified)]
    [InlineData(AnswerStatus.Nein, AnswerStatus.Open, PairChangeKind.Reclassified)]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Entbehrlich, PairChangeKind.Reclassified)]
    [InlineData(AnswerStatus.Entbehrlich, AnswerStatus.Nein, PairChangeKind.Reclassified)]
    [InlineData(AnswerStatus.Ja, AnswerStatus.Ja, PairChangeKind.Unchanged)]
    [InlineData(AnswerStatus.Entbehrlich, AnswerStatus.Entbehrlich, PairChangeKind.Unchanged)]
    [InlineData(AnswerStatus.Open, AnswerStatus.Open, PairChangeKind.Unchanged)]
    public void Classify_StatusChange_AsInTable(AnswerStatus previous, AnswerStatus current, PairChangeKind kind)
    {
        Assert.Equal(kind, ScoreComparison.Classify(previous, current));
    }

    /// <summary>
    /// Previous: Server A1 nein, A2 ja, A3 teilweise, A4 ja, A5 withdrawn; Clients A1 ja; APP.1.1.A1 ja.
    /// Current (reopened: new target ids, one name in other case): Server A1 ja, A2 nein, A3 teilweise, A6 open; Clients A1 nein.
    /// </summary>
    private static ScoreComparison Compare() => ScoreComparison.Compare(
        Score(
            Komp("SYS.2.1.A1", B, Nein),
            Komp("SYS.2.1.A2", B, Ja),
            Komp("SYS.2.1.A3", B, Teilweise),
            Komp("SYS.2.1.A4", B, Ja),
            Komp("SYS.2.1.A5", B, Ja) with { Withdrawn = true },
            Komp("SYS.2.1.A1", B, Ja, Clients),
            Komp("APP.1.1.A1", B, Ja)),
        Score(
            Komp("SYS.2.1.A1", B, Ja) with { TargetObjectId = NewServer, TargetObjectName = "server rathaus" },
            Komp("SYS.2.1.A2", B, Nein) with { TargetObjectId = NewServer },
            Komp("SYS.2.1.A3", B, Teilweise) with { TargetObjectId = NewServer },
            Komp("SYS.2.1.A6", B, Open) with { TargetObjectId = NewServer },
            Komp("SYS.2.1.A1", B, Nein, Clients) with { TargetObjectId = NewClients }));

    [Fact]
    public void Compare_Pairs_MatchedByRequirementAndTargetName()
    {
        var comparison = Compare();

        Assert.Equal(
            [
                ("SYS.2.1.A1", "server rathaus", AnswerStatus.Nein, AnswerStatus.Ja, PairChangeKind.Improved),
                ("SYS.2.1.A2", ServerName, AnswerStatus.Ja, AnswerStatus.Nein, PairChangeKind.Regressed),
                ("SYS.2.1.A3", ServerName, AnswerStatus.Teilweise, AnswerStatus.Teilweise, PairChangeKind.Unchanged),
                ("SYS.2.1.A6", ServerName, (AnswerStatus?)null, AnswerStatus.Open, PairChangeKind.New),
                ("SYS.2.1.A1", ClientsName, AnswerStatus.Ja, AnswerStatus.Nein, PairChangeKind.Regressed),
                ("SYS.2.1.A4", ServerName, AnswerStatus.Ja, (AnswerStatus?)null, PairChangeKind.Dropped),
                ("APP.1.1.A1", ServerName, AnswerStatus.Ja, (AnswerStatus?)null, PairChangeKind.Dropped),
            ],
            comparison.Pairs.Select(p => (p.RequirementId, p.TargetObjectName, p.Previous, p.Current, p.Kind)));
        Assert.Equal((1, 2, 1, 1, 2), (
            comparison.Count(PairChangeKind.Improved),
            comparison.Count(PairChangeKind.Regressed),
            comparison.Count(PairChangeKind.Unchanged),
            comparison.Count(PairChangeKind.New),
            comparison.Count(PairChangeKind.Dropped)));
    }

    [Fact]
    public void Compare_Requirements_RegressionAnywhereWins()
    {
        var requirements = Compare().Requirements;

        Assert.Equal(
            [
                ("SYS.2.1.A1", 1, 1, PairChangeKind.Regressed),
                ("SYS.2.1.A2", 0, 1, PairChangeKind.Regressed),
                ("SYS.2.1.A3", 0, 0, PairChangeKind.Unchanged),
                ("SYS.2.1.A6", 0, 0, PairChangeKind.New),
                ("SYS.2.1.A4", 0, 0, PairChangeKind.Dropped),
                ("APP.1.1.A1", 0, 0, PairChangeKind.Dropped),
            ],
            requirements.Select(r => (r.RequirementId, r.Improved, r.Regressed, r.Kind)));
    }

    [Theory]
    [InlineData(1, 0, 0, 0, 0, 0, PairChangeKind.Improved)]
    [InlineData(1, 1, 0, 0, 0, 0, PairChangeKind.Regressed)]
    [InlineData(0, 0, 2, 0, 0, 0, PairChangeKind.Unchanged)]
    [InlineData(0, 0, 1, 1, 0, 0, PairChangeKind.Reclassified)]
    [InlineData(0, 0, 0, 0, 2, 0, PairChangeKind.New)]
    [InlineData(0, 0, 0, 0, 0, 2, PairChangeKind.Dropped)]
    [InlineData(0, 0, 1, 0, 1, 0, PairChangeKind.Reclassified)]
    public void RequirementChange_Kind_AsInTable(int improved, int regressed, int unchanged, int reclassified, int added, int dropped, PairChangeKind kind)
    {
        Assert.Equal(kind, new RequirementChange("SYS.2.1.A1", "SYS.2.1", improved, regressed, unchanged, reclassified, added, dropped).Kind);
    }

    [Fact]
    public void Compare_OverallKpis_DeltasComputedFromExactShares()
    {
        var overall = Compare().Overall;

        // E_B before: A1 nein, A2 ja, A3 teilweise, A4 ja, Clients A1 ja, APP A1 ja → 4/6; after: A1 ja, A2 nein, A3 teilweise, A6 open, Clients A1 nein → 1/5.
        var eb = overall.Find("E_B")!;
        Assert.Equal(KpiUnit.Ratio, eb.Unit);
        Assert.Equal((4m, 6), eb.PreviousRatio!.Value.Nd());
        Assert.Equal((1m, 5), eb.CurrentRatio!.Value.Nd());
        Assert.Equal((1m / 5) - (4m / 6), eb.Delta);
        Assert.Equal((1m, 0.8m, -0.2m), (overall.Find("coverage")!.Previous, overall.Find("coverage")!.Current, overall.Find("coverage")!.Delta));
        Assert.Equal((2m, 3m, 1m), (overall.Find("action_items")!.Previous, overall.Find("action_items")!.Current, overall.Find("action_items")!.Delta));
        Assert.Equal((0m, 1m), (overall.Find("unanswered")!.Previous, overall.Find("unanswered")!.Current));
        Assert.Equal((0m, 0m), (overall.Find("gate_basis")!.Previous, overall.Find("gate_basis")!.Current));
        Assert.Null(overall.Find("E_H"));     // undefined on both sides
        Assert.Null(overall.Find("E_KANN"));
    }

    [Fact]
    public void Compare_Scopes_IncludeGroupsOnlyOnOneSide()
    {
        var comparison = Compare();

        Assert.Equal(["SYS", "APP"], comparison.TopGroups.Select(s => s.Id));
        Assert.Equal(["SYS.2.1", "APP.1.1"], comparison.Groups.Select(s => s.Id));
        var app = comparison.Groups[1].Find("E_B")!;
        Assert.Equal((1m, (decimal?)null, (decimal?)null), (app.Previous, app.Current, app.Delta));
        var sys = comparison.Groups[0].Find("E_B")!;
        Assert.Equal((3m, 5), sys.PreviousRatio!.Value.Nd());
        Assert.Equal((1m, 5), sys.CurrentRatio!.Value.Nd());
        Assert.Equal(-0.4m, sys.Delta);
    }

    [Fact]
    public void Compare_Maturity_DeltaOfTheOverallLevel()
    {
        var previous = Score(Komp("ISMS.1.A1", B, Ja, Verbund), Komp("ISMS.1.A2", B, Nein, Verbund));
        var current = Score(Komp("ISMS.1.A1", B, Ja, Verbund), Komp("ISMS.1.A2", B, Ja, Verbund));

        var maturity = ScoreComparison.Compare(previous, current).Overall.Find("maturity")!;

        Assert.Equal((KpiUnit.Level, 2m, 5m, 3m), (maturity.Unit, maturity.Previous, maturity.Current, maturity.Delta));
    }
}
