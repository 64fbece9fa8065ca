using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using static Grundschutz.Domain.Tests.Scoring.Pairs;

namespace Grundschutz.Domain.Tests.Scoring;

public class ActionPlanTests
{
    [Fact]
    public void ActionPlan_Kompendium_RankedByLevelModalVerbEffortProcessingOrderIdAndTarget()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Ja),                                                    // fulfilled: no item
            Komp("SYS.2.1.A10", S, Nein) with { ProcessingOrder = "R2" },
            Komp("SYS.2.1.A2", B, Nein) with { ProcessingOrder = "R2" },
            Komp("ISMS.1.A5", B, Teilweise, Verbund) with { ProcessingOrder = "R1" },
            Komp("APP.1.1.A3", H, Nein) with { ProcessingOrder = "R3" },
            Komp("SYS.2.1.A2", B, Nein, Clients) with { ProcessingOrder = "R2" },
            Komp("SYS.2.1.A9", B, Nein) with { ProcessingOrder = "R2", EffortLevel = 1 },
            Komp("SYS.2.1.A11", S, Nein) with { ProcessingOrder = "R2", ModalVerb = "MUSS" },
            Komp("SYS.2.1.A3", B, Open),                                                  // unanswered: not an item
            Komp("SYS.2.1.A4", B, Entbehrlich));

        var plan = report.ActionPlan;

        Assert.Equal(
            [
                (1, "SYS.2.1.A9", ServerName),    // B, MUSS, effort 1 (quick win)
                (2, "ISMS.1.A5", VerbundName),    // B, MUSS, effort unknown, R1
                (3, "SYS.2.1.A2", ServerName),    // B, MUSS, effort unknown, R2; Server appears before Clients
                (4, "SYS.2.1.A2", ClientsName),
                (5, "SYS.2.1.A11", ServerName),   // S, MUSS
                (6, "SYS.2.1.A10", ServerName),   // S, SOLLTE
                (7, "APP.1.1.A3", ServerName),    // H
            ],
            plan.Items.Select(i => (i.Rank, i.RequirementId, i.TargetObjectName)));
        Assert.Equal(["SYS.2.1.A3"], plan.Unanswered.Select(p => p.RequirementId));
    }

    [Fact]
    public void ActionPlan_SameKeys_RequirementIdsInNaturalOrder()
    {
        var plan = Score(
            Komp("SYS.2.1.A10", B, Nein),
            Komp("SYS.2.1.A2", B, Nein),
            Komp("SYS.2.1.A1", B, Teilweise),
            Komp("SYS.10.1.A1", B, Nein),
            Komp("SYS.2.10.A1", B, Nein)).ActionPlan;

        Assert.Equal(["SYS.2.1.A1", "SYS.2.1.A2", "SYS.2.1.A10", "SYS.2.10.A1", "SYS.10.1.A1"], plan.Items.Select(i => i.RequirementId));
    }

    [Fact]
    public void ActionPlan_GrundschutzPlusPlus_NormalBeforeErhoehtThenModalVerbThenEffort()
    {
        var plan = ScoreGspp(
            Gspp("BER.6.1", Nein) with { EffortLevel = 3 },
            Gspp("BER.6.2", Nein) with { EffortLevel = 1 },
            Gspp("GC.1.1", Nein, "MUSS") with { EffortLevel = 0 },
            Gspp("BER.6.3", Nein, "KANN", ApproachRules.SecLevelErhoeht) with { EffortLevel = 1 },
            Gspp("BER.6.4", Nein),
            Gspp("BER.6.5", Ja).Requires("GC.1.1")).ActionPlan;                  // ja, only blocked by its dependency: not an item

        Assert.Equal(["GC.1.1", "BER.6.2", "BER.6.1", "BER.6.4", "BER.6.3"], plan.Items.Select(i => i.RequirementId));
        Assert.Equal([1, 2, 3, 4, 5], plan.Items.Select(i => i.Rank));
    }

    // Due date, owner → overdue, missing owner, missing due date (today 2026-03-02).
    [Theory]
    [InlineData("2026-03-01", "IT-Leitung", true, false, false)]
    [InlineData("2026-03-02", "IT-Leitung", false, false, false)]
    [InlineData("2026-12-31", "  ", false, true, false)]
    [InlineData(null, "IT-Leitung", false, false, true)]
    [InlineData(null, null, false, true, true)]
    public void ActionPlan_Flags_OverdueAndMissingOwnerOrDueDate(string? dueDate, string? owner, bool overdue, bool missingOwner, bool missingDueDate)
    {
        var due = dueDate is null ? (DateOnly?)null : DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture);
        var plan = Score(Komp("SYS.2.1.A1", B, Nein) with { DueDate = due, Owner = owner }).ActionPlan;

        var item = Assert.Single(plan.Items);
        Assert.Equal((overdue, missingOwner, missingDueDate), (item.IsOverdue, item.MissingOwner, item.MissingDueDate));
        Assert.Equal((overdue ? 1 : 0, missingOwner ? 1 : 0, missingDueDate ? 1 : 0), (plan.Overdue, plan.MissingOwner, plan.MissingDueDate));
    }

    [Fact]
    public void ActionPlan_Item_CarriesTheA6FieldsAndCostTotals()
    {
        var plan = Score(
            Komp("SYS.2.1.A1", B, Nein) with { CostEstimate = 1200.50m, Title = "Sichere Grundkonfiguration" },
            Komp("SYS.2.1.A2", B, Teilweise) with { CostEstimate = 300m, ImplementationDescription = null, Justification = "Patchprozess fehlt noch." },
            Komp("SYS.2.1.A3", B, Nein)).ActionPlan;

        var first = plan.Items[0];
        Assert.Equal(
            ("Server Rathaus", "SYS.2.1", "SYS.2.1.A1", "Sichere Grundkonfiguration", AnswerStatus.Nein, "Härtung nach Richtlinie nachholen.", "IT-Leitung", (DateOnly?)Due, (decimal?)1200.50m),
            (first.TargetObjectName, first.GroupId, first.RequirementId, first.Title, first.Status, first.Measure, first.Owner, first.DueDate, first.CostEstimate));
        Assert.Equal("Patchprozess fehlt noch.", plan.Items[1].Measure);
        Assert.Equal(1500.50m, plan.KnownCost);
        Assert.Equal(1, plan.MissingCost);
    }

    [Fact]
    public void ActionPlan_Empty_WhenEverythingIsFulfilledOrOpen()
    {
        var plan = Score(Komp("SYS.2.1.A1", B, Ja), Komp("SYS.2.1.A2", B, Open), Komp("SYS.2.1.A3", B, Open, Clients)).ActionPlan;

        Assert.Empty(plan.Items);
        Assert.Equal([("SYS.2.1.A2", ServerName), ("SYS.2.1.A3", ClientsName)], plan.Unanswered.Select(p => (p.RequirementId, p.TargetObjectName)));
        Assert.Equal(0m, plan.KnownCost);
    }

    [Fact]
    public void ActionPlan_CountsPerScope_MatchTheItems()
    {
        var report = Score(
            Komp("SYS.2.1.A1", B, Nein) with { DueDate = new DateOnly(2026, 1, 31) },
            Komp("SYS.2.1.A2", B, Teilweise),
            Komp("ISMS.1.A1", B, Nein, Verbund) with { DueDate = new DateOnly(2025, 12, 31) });

        Assert.Equal((3, 2), (report.Overall.ActionItems, report.Overall.OverdueActionItems));
        Assert.Equal((2, 1), (report.FindGroup("SYS.2.1")!.ActionItems, report.FindGroup("SYS.2.1")!.OverdueActionItems));
        Assert.Equal((1, 1), (report.FindTopGroup("ISMS")!.ActionItems, report.FindTopGroup("ISMS")!.OverdueActionItems));
        Assert.Equal(2, report.ActionPlan.Overdue);
    }

    // Natural id order used for ranking.
    [Theory]
    [InlineData("SYS.2.1.A2", "SYS.2.1.A10", -1)]
    [InlineData("SYS.2.1.A10", "SYS.2.1.A2", 1)]
    [InlineData("BER.6.2", "BER.10.1", -1)]
    [InlineData("APP.1.1.A3", "SYS.1.1.A1", -1)]
    [InlineData("SYS.2.1.A02", "SYS.2.1.A2", -1)]
    [InlineData("SYS.2.1.A2", "SYS.2.1.A2", 0)]
    [InlineData("GC.1", "GC.1.1", -1)]
    public void NaturalIdComparer_ComparesDigitRunsNumerically(string x, string y, int sign)
    {
        Assert.Equal(sign, Math.Sign(NaturalIdComparer.Instance.Compare(x, y)));
    }
}
