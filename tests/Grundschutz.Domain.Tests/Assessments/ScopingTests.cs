using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Tests.Assessments;

public class ScopingTests
{
    [Fact]
    public void Create_NewAssessment_StartsInDraftWithThePinnedCatalogue()
    {
        var assessment = Assessment.Create(4711, 3, CatalogFramework.ItGrundschutz, Approach.Kern, "  Kern-Check Rathaus  ", "isb", AssessmentBuilder.Start);

        Assert.Equal(AssessmentState.Draft, assessment.State);
        Assert.Equal((4711, 3, Approach.Kern, "Kern-Check Rathaus"), (assessment.MunicipalityId, assessment.CatalogVersionId, assessment.Approach, assessment.Title));
        Assert.Equal((AssessmentBuilder.Start, "isb"), (assessment.CreatedAt, assessment.CreatedByUserId));
        Assert.NotEqual(Guid.Empty, assessment.Id);
        Assert.Null(assessment.PreviousAssessmentId);
        Assert.Throws<AssessmentRuleException>(() => Assessment.Create(1, 1, CatalogFramework.ItGrundschutz, Approach.Basis, " ", "isb", AssessmentBuilder.Start));
    }

    [Fact]
    public void AddTargetObject_DuplicateNameIgnoringCase_IsRefused()
    {
        var assessment = new AssessmentBuilder().Build();

        var error = Assert.Throws<AssessmentRuleException>(() => assessment.AddTargetObject("server rathaus"));

        Assert.Equal("Ein Zielobjekt „server rathaus“ gibt es bereits.", error.Message);
        Assert.Equal(3, assessment.TargetObjects.Count);
    }

    [Fact]
    public void RenameTargetObject_ChangesNameAndKind()
    {
        var assessment = new AssessmentBuilder().Build();
        var id = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);

        assessment.RenameTargetObject(id, "Server Rathaus (Keller)", "Server");

        var target = assessment.TargetObjects.Single(t => t.Id == id);
        Assert.Equal(("Server Rathaus (Keller)", "Server"), (target.Name, target.Kind));
        Assert.Throws<AssessmentRuleException>(() => assessment.RenameTargetObject(id, AssessmentBuilder.ClientsBuergeramt));
    }

    [Fact]
    public void RemoveTargetObject_WithAnsweredAnswers_IsRefusedUnlessForced()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress).FullyAnswered();
        var assessment = builder.Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);

        var error = Assert.Throws<AssessmentRuleException>(() => assessment.RemoveTargetObject(server));
        Assert.Contains("2 beantwortete Anforderungen", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, assessment.TargetObjects.Count);
        Assert.Equal(6, assessment.Answers.Count);

        assessment.RemoveTargetObject(server, force: true);

        Assert.DoesNotContain(assessment.TargetObjects, t => t.Id == server);
        Assert.DoesNotContain(assessment.ModuleApplications, a => a.TargetObjectId == server);
        Assert.DoesNotContain(assessment.Answers, a => a.TargetObjectId == server);
        Assert.Equal(4, assessment.Answers.Count);
        Assert.Equal(4, assessment.ApplicableQuestions(builder.Catalog).Count);
    }

    [Fact]
    public void RemoveTargetObject_WithoutAnswers_RemovesItsApplications()
    {
        var builder = new AssessmentBuilder();
        var assessment = builder.Build();
        var clients = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ClientsBuergeramt);

        assessment.RemoveTargetObject(clients);

        Assert.Equal(2, assessment.ModuleApplications.Count);
    }

    [Fact]
    public void ApplyModule_Twice_KeepsOneApplication()
    {
        var assessment = new AssessmentBuilder().Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);

        var first = assessment.ApplyModule("APP.1.1", server);
        var second = assessment.ApplyModule("APP.1.1", server);

        Assert.Same(first, second);
        Assert.Single(assessment.ModuleApplications, a => a.GroupId == "APP.1.1");
    }

    [Fact]
    public void UnapplyModule_WithAnswers_IsRefusedUnlessForced()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress).FullyAnswered();
        var assessment = builder.Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);

        Assert.Throws<AssessmentRuleException>(() => assessment.UnapplyModule("SYS.2.1", server));
        Assert.Equal(3, assessment.ModuleApplications.Count);

        assessment.UnapplyModule("SYS.2.1", server, force: true);

        Assert.Equal(2, assessment.ModuleApplications.Count);
        Assert.DoesNotContain(assessment.Answers, a => a.GroupId == "SYS.2.1" && a.TargetObjectId == server);
        Assert.Equal(2, assessment.Answers.Count(a => a.GroupId == "SYS.2.1"));
    }

    [Fact]
    public void ExcludeModule_KeepsTheReasonAndBlocksApplying()
    {
        var assessment = new AssessmentBuilder().Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);

        assessment.ExcludeModule("APP.1.1", "Keine Office-Produkte im Einsatz.");
        assessment.ExcludeModule("APP.1.1", "Office läuft als Cloud-Dienst (siehe OPS.2.2).");

        var exclusion = Assert.Single(assessment.ModuleExclusions);
        Assert.Equal(("APP.1.1", "Office läuft als Cloud-Dienst (siehe OPS.2.2)."), (exclusion.GroupId, exclusion.Reason));
        Assert.Throws<AssessmentRuleException>(() => assessment.ApplyModule("APP.1.1", server));

        assessment.RemoveModuleExclusion("APP.1.1");
        assessment.ApplyModule("APP.1.1", server);
        Assert.Empty(assessment.ModuleExclusions);
    }

    [Fact]
    public void ExcludeModule_AppliedModuleOrMissingReason_IsRefused()
    {
        var assessment = new AssessmentBuilder().Build();

        Assert.Throws<AssessmentRuleException>(() => assessment.ExcludeModule("SYS.2.1", "Brauchen wir nicht."));
        Assert.Throws<AssessmentRuleException>(() => assessment.ExcludeModule("APP.1.1", "  "));
        Assert.Empty(assessment.ModuleExclusions);
    }

    [Theory]
    [InlineData(AssessmentState.Submitted)]
    [InlineData(AssessmentState.InReview)]
    [InlineData(AssessmentState.Returned)]
    [InlineData(AssessmentState.Approved)]
    [InlineData(AssessmentState.Archived)]
    public void ScopeChanges_OutsideDraftAndInProgress_AreRefused(AssessmentState state)
    {
        var builder = new AssessmentBuilder().InState(state);
        var assessment = builder.Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);

        Assert.Throws<AssessmentRuleException>(() => assessment.AddTargetObject("Drucker"));
        Assert.Throws<AssessmentRuleException>(() => assessment.RenameTargetObject(server, "Neu"));
        Assert.Throws<AssessmentRuleException>(() => assessment.RemoveTargetObject(server, force: true));
        Assert.Throws<AssessmentRuleException>(() => assessment.ApplyModule("APP.1.1", server));
        Assert.Throws<AssessmentRuleException>(() => assessment.UnapplyModule("SYS.2.1", server, force: true));
        Assert.Throws<AssessmentRuleException>(() => assessment.ExcludeModule("APP.1.1", "Grund"));
        Assert.Throws<AssessmentRuleException>(() => assessment.AdoptHRequirement(builder.Catalog.Get("SYS.2.1.A3")));

        Assert.Equal(3, assessment.TargetObjects.Count);
        Assert.Equal(3, assessment.ModuleApplications.Count);
        Assert.Equal(AssessmentBuilder.ServerRathaus, assessment.TargetObjects.Single(t => t.Id == server).Name);
        Assert.Empty(assessment.ModuleExclusions);
        Assert.Empty(assessment.AdoptedHRequirements);
    }

    [Theory]
    [InlineData(AssessmentState.Approved)]
    [InlineData(AssessmentState.Archived)]
    public void ReadOnlyStates_RefuseEveryChangeWithTheSameMessage(AssessmentState state)
    {
        var builder = new AssessmentBuilder().InState(state);
        var assessment = builder.Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);
        var expected = $"Die Bewertung ist im Zustand „{AssessmentTexts.StateName(state)}“ schreibgeschützt.";
        var answer = assessment.FindAnswer("SYS.2.1.A1", server)!;

        Assert.True(assessment.IsReadOnly);
        Assert.Equal(expected, Assert.Throws<AssessmentRuleException>(() => assessment.ChangeTitle("Neu")).Message);
        Assert.Equal(expected, Assert.Throws<AssessmentRuleException>(() => assessment.AddTargetObject("Drucker")).Message);
        Assert.Equal(expected, Assert.Throws<AssessmentRuleException>(() => assessment.AssignContributor("contrib", "SYS.2.1")).Message);
        Assert.Equal(expected, Assert.Throws<AssessmentRuleException>(() => assessment.RecordAnswer(builder.Ja("SYS.2.1.A1", server) with { Justification = "x" }, 1, Actors.Isb, builder.Tick(), builder.Catalog.Get("SYS.2.1.A1"))).Message);
        Assert.Equal(expected, Assert.Throws<AssessmentRuleException>(() => assessment.AttachEvidence(builder.Catalog.Get("SYS.2.1.A1"), server, "a.pdf", "k", 1, null, Actors.Isb, builder.Tick())).Message);
        Assert.Equal("IT-Grundschutz-Check 2026", assessment.Title);
        Assert.Empty(assessment.ContributorAssignments);
        Assert.Empty(answer.Evidence);
        Assert.Null(answer.Justification);
    }
}
