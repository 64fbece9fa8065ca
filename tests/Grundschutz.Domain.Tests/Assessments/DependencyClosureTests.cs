using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Tests.Assessments;

public class DependencyClosureTests
{
    private static (Func<string, AnswerStatus?> Status, Func<string, IReadOnlyList<string>> Dependencies) Graph(
        Dictionary<string, AnswerStatus> statuses,
        Dictionary<string, string[]> edges) =>
        (id => statuses.TryGetValue(id, out var s) ? s : null,
         id => edges.TryGetValue(id, out var d) ? d : []);

    [Fact]
    public void Chain_AllJa_IsUmgesetzt()
    {
        var (status, deps) = Graph(
            new() { ["A"] = AnswerStatus.Ja, ["B"] = AnswerStatus.Ja, ["C"] = AnswerStatus.Ja },
            new() { ["A"] = ["B"], ["B"] = ["C"] });

        Assert.True(DependencyClosure.IsUmgesetzt("A", status, deps));
    }

    [Fact]
    public void Chain_LastLinkNein_BlocksEveryControlBeforeIt()
    {
        var (status, deps) = Graph(
            new() { ["A"] = AnswerStatus.Ja, ["B"] = AnswerStatus.Ja, ["C"] = AnswerStatus.Nein },
            new() { ["A"] = ["B"], ["B"] = ["C"] });

        var a = DependencyClosure.Evaluate("A", status, deps);
        var b = DependencyClosure.Evaluate("B", status, deps);
        var c = DependencyClosure.Evaluate("C", status, deps);

        Assert.False(a.Umgesetzt);
        Assert.Equal("C", a.BlockingControlId);
        Assert.Equal(["A", "B", "C"], a.BlockingPath);
        Assert.Equal(AnswerStatus.Ja, a.OwnStatus);
        Assert.Equal("C", b.BlockingControlId);
        Assert.Equal(["B", "C"], b.BlockingPath);
        Assert.False(c.Umgesetzt);
        Assert.Null(c.BlockingControlId);
        Assert.Equal(AnswerStatus.Nein, c.OwnStatus);
    }

    [Fact]
    public void Diamond_SharedBottomNein_BlocksTopViaTheFirstBranch()
    {
        // A → B → D, A → C → D
        var (status, deps) = Graph(
            new() { ["A"] = AnswerStatus.Ja, ["B"] = AnswerStatus.Ja, ["C"] = AnswerStatus.Ja, ["D"] = AnswerStatus.Nein },
            new() { ["A"] = ["B", "C"], ["B"] = ["D"], ["C"] = ["D"] });

        var verdict = DependencyClosure.Evaluate("A", status, deps);

        Assert.False(verdict.Umgesetzt);
        Assert.Equal(["A", "B", "D"], verdict.BlockingPath);
    }

    [Fact]
    public void Diamond_AllJa_IsUmgesetzt()
    {
        var (status, deps) = Graph(
            new() { ["A"] = AnswerStatus.Ja, ["B"] = AnswerStatus.Ja, ["C"] = AnswerStatus.Ja, ["D"] = AnswerStatus.Ja },
            new() { ["A"] = ["B", "C"], ["B"] = ["D"], ["C"] = ["D"] });

        Assert.True(DependencyClosure.IsUmgesetzt("A", status, deps));
    }

    [Fact]
    public void Cycle_AllJa_TerminatesAndIsUmgesetzt()
    {
        var (status, deps) = Graph(
            new() { ["A"] = AnswerStatus.Ja, ["B"] = AnswerStatus.Ja },
            new() { ["A"] = ["B"], ["B"] = ["A"], });

        Assert.True(DependencyClosure.IsUmgesetzt("A", status, deps));
        Assert.True(DependencyClosure.IsUmgesetzt("B", status, deps));
    }

    [Fact]
    public void Cycle_OneMemberNein_BlocksTheOthers()
    {
        // A → B → C → A, C is nein
        var (status, deps) = Graph(
            new() { ["A"] = AnswerStatus.Ja, ["B"] = AnswerStatus.Ja, ["C"] = AnswerStatus.Nein },
            new() { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"] });

        var all = DependencyClosure.EvaluateAll(["A", "B", "C", "A"], status, deps);

        Assert.Equal(3, all.Count);
        Assert.Equal("C", all["A"].BlockingControlId);
        Assert.Equal("C", all["B"].BlockingControlId);
        Assert.False(all["C"].Umgesetzt);
        Assert.Null(all["C"].BlockingControlId);
    }

    [Theory]
    [InlineData(AnswerStatus.Entbehrlich)]
    [InlineData(AnswerStatus.Open)]
    [InlineData(AnswerStatus.Nein)]
    public void Dependency_NotJa_Blocks(AnswerStatus dependencyStatus)
    {
        var (status, deps) = Graph(
            new() { ["A"] = AnswerStatus.Ja, ["B"] = dependencyStatus },
            new() { ["A"] = ["B"] });

        Assert.False(DependencyClosure.IsUmgesetzt("A", status, deps));
    }

    [Fact]
    public void Dependency_NotAssessed_Blocks()
    {
        var (status, deps) = Graph(new() { ["A"] = AnswerStatus.Ja }, new() { ["A"] = ["X"] });

        var verdict = DependencyClosure.Evaluate("A", status, deps);

        Assert.False(verdict.Umgesetzt);
        Assert.Equal("X", verdict.BlockingControlId);
    }

    [Fact]
    public void DependencyVerdicts_GsppAssessment_FollowsRequiredLinksOfTheCatalogue()
    {
        // BER.6.1 → BER.6.2 → GC.1.1; BER.6.3 (erhöht) is out of scope for normal-SdT.
        var builder = new AssessmentBuilder().ForGrundschutzPlusPlus();
        var assessment = builder.Build();
        var verbund = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.Informationsverbund);
        builder.Answer(assessment, builder.Ja("BER.6.1", verbund));
        builder.Answer(assessment, builder.Ja("BER.6.2", verbund));
        builder.Answer(assessment, new AnswerInput("GC.1.1", verbund, AnswerStatus.Nein, Justification: "Leitlinie fehlt.", Owner: "ISB", DueDate: new DateOnly(2026, 6, 30)));

        var verdicts = assessment.DependencyVerdicts(builder.Catalog, verbund);

        Assert.Equal(["GC.1.1", "BER.6.1", "BER.6.2"], verdicts.Keys);
        Assert.Equal(["BER.6.1", "BER.6.2", "GC.1.1"], verdicts["BER.6.1"].BlockingPath);
        Assert.False(verdicts["BER.6.2"].Umgesetzt);
        Assert.False(verdicts["GC.1.1"].Umgesetzt);

        builder.Answer(assessment, builder.Ja("GC.1.1", verbund));
        Assert.All(assessment.DependencyVerdicts(builder.Catalog, verbund).Values, v => Assert.True(v.Umgesetzt));
    }
}
