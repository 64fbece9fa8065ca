using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Tests.Assessments;

public class QuestionnaireWizardTests
{
    [Fact]
    public void Next_WithoutTargetObjects_StaysInScope()
    {
        var builder = new AssessmentBuilder().WithoutScope();
        var wizard = new QuestionnaireWizard(builder.Build(), builder.Catalog, builder.Today);

        var error = Assert.Throws<AssessmentRuleException>(wizard.Next);

        Assert.Equal([QuestionnaireWizard.GuardScope], error.Reasons);
        Assert.Equal(WizardStep.Scope, wizard.Step);
        Assert.False(wizard.CanNext);
    }

    [Fact]
    public void Next_TargetObjectButNoAppliedModule_StaysInScope()
    {
        var builder = new AssessmentBuilder().WithTargets("Server Rathaus");
        var wizard = new QuestionnaireWizard(builder.Build(), builder.Catalog, builder.Today);

        Assert.Throws<AssessmentRuleException>(wizard.Next);
        Assert.Equal(WizardStep.Scope, wizard.Step);
    }

    [Fact]
    public void Next_WithScope_WalksToSummaryButNotToSubmitWhileIncomplete()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var wizard = new QuestionnaireWizard(builder.Build(), builder.Catalog, builder.Today);

        wizard.Next();
        Assert.Equal(WizardStep.Modules, wizard.Step);
        wizard.Next();
        Assert.Equal(WizardStep.Questions, wizard.Step);
        wizard.Next();
        Assert.Equal(WizardStep.Summary, wizard.Step);

        var error = Assert.Throws<AssessmentRuleException>(wizard.Next);
        Assert.Equal(["6 Anforderungen sind noch nicht beantwortet."], error.Reasons);
        Assert.Equal(WizardStep.Summary, wizard.Step);
        Assert.False(wizard.CanGoTo(WizardStep.Submit));
    }

    [Fact]
    public void Next_FromSummaryWhenComplete_ReachesSubmitAndStopsThere()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress).FullyAnswered();
        var wizard = new QuestionnaireWizard(builder.Build(), builder.Catalog, builder.Today, WizardStep.Summary);

        wizard.Next();

        Assert.Equal(WizardStep.Submit, wizard.Step);
        Assert.False(wizard.CanNext);
        Assert.Throws<AssessmentRuleException>(wizard.Next);
        Assert.Equal(WizardStep.Submit, wizard.Step);
    }

    [Fact]
    public void Back_MovesOneStepAndIsRefusedInScope()
    {
        var builder = new AssessmentBuilder();
        var wizard = new QuestionnaireWizard(builder.Build(), builder.Catalog, builder.Today, WizardStep.Questions);

        wizard.Back();
        Assert.Equal(WizardStep.Modules, wizard.Step);
        wizard.Back();
        Assert.Equal(WizardStep.Scope, wizard.Step);

        var error = Assert.Throws<AssessmentRuleException>(wizard.Back);
        Assert.Equal("„Zurück“ ist im Schritt „Umfang“ nicht möglich.", error.Message);
        Assert.Equal(WizardStep.Scope, wizard.Step);
    }

    [Fact]
    public void GoTo_JumpsWhenGuardsAllowIt()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var wizard = new QuestionnaireWizard(builder.Build(), builder.Catalog, builder.Today);

        wizard.GoTo(WizardStep.Summary);
        Assert.Equal(WizardStep.Summary, wizard.Step);
        wizard.GoTo(WizardStep.Scope);
        Assert.Equal(WizardStep.Scope, wizard.Step);
        wizard.GoTo(WizardStep.Scope);
        Assert.Equal(WizardStep.Scope, wizard.Step);

        Assert.Throws<AssessmentRuleException>(() => wizard.GoTo(WizardStep.Submit));
        Assert.Equal(WizardStep.Scope, wizard.Step);
    }

    [Fact]
    public void GoTo_WithoutScope_OnlyScopeIsReachable()
    {
        var builder = new AssessmentBuilder().WithoutScope();
        var wizard = new QuestionnaireWizard(builder.Build(), builder.Catalog, builder.Today);

        Assert.Equal([WizardStep.Scope], QuestionnaireWizard.Steps.Where(wizard.CanGoTo));
        Assert.Throws<AssessmentRuleException>(() => wizard.GoTo(WizardStep.Questions));
    }

    [Fact]
    public void Constructor_StartStepNotReachable_FallsBackToTheFurthestReachableStep()
    {
        var empty = new AssessmentBuilder().WithoutScope();
        var incomplete = new AssessmentBuilder().InState(AssessmentState.InProgress);

        Assert.Equal(WizardStep.Scope, new QuestionnaireWizard(empty.Build(), empty.Catalog, empty.Today, WizardStep.Questions).Step);
        Assert.Equal(WizardStep.Summary, new QuestionnaireWizard(incomplete.Build(), incomplete.Catalog, incomplete.Today, WizardStep.Submit).Step);
    }

    [Fact]
    public void ResumeStep_DependsOnScopeAndCompleteness()
    {
        var empty = new AssessmentBuilder().WithoutScope();
        var incomplete = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var complete = new AssessmentBuilder().InState(AssessmentState.InProgress).FullyAnswered();

        Assert.Equal(WizardStep.Scope, QuestionnaireWizard.ResumeStep(empty.Build(), empty.Catalog, empty.Today));
        Assert.Equal(WizardStep.Questions, QuestionnaireWizard.ResumeStep(incomplete.Build(), incomplete.Catalog, incomplete.Today));
        Assert.Equal(WizardStep.Summary, QuestionnaireWizard.ResumeStep(complete.Build(), complete.Catalog, complete.Today));
    }
}
