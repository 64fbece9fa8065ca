using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Tests.Assessments;

public class AssessmentWorkflowTests
{
    private static readonly AssessmentState? No = null;

    // Written by hand from the issue: rows = state, columns in AssessmentTrigger order:
    //                                                   StartAnswering              Submit                     StartReview               Return                     Rework                       Approve                   Archive
    private static readonly Dictionary<AssessmentState, AssessmentState?[]> Expected = new()
    {
        [AssessmentState.Draft] = [AssessmentState.InProgress, No, No, No, No, No, No],
        [AssessmentState.InProgress] = [No, AssessmentState.Submitted, No, No, No, No, No],
        [AssessmentState.Submitted] = [No, No, AssessmentState.InReview, No, No, No, No],
        [AssessmentState.InReview] = [No, No, No, AssessmentState.Returned, No, AssessmentState.Approved, No],
        [AssessmentState.Returned] = [No, No, No, No, AssessmentState.InProgress, No, No],
        [AssessmentState.Approved] = [No, No, No, No, No, No, AssessmentState.Archived],
        [AssessmentState.Archived] = [No, No, No, No, No, No, No],
    };

    public static TheoryData<AssessmentState, AssessmentTrigger, AssessmentState?> AllStateTriggerPairs()
    {
        var data = new TheoryData<AssessmentState, AssessmentTrigger, AssessmentState?>();
        foreach (var state in Enum.GetValues<AssessmentState>())
        {
            foreach (var trigger in Enum.GetValues<AssessmentTrigger>())
            {
                data.Add(state, trigger, Expected[state][(int)trigger]);
            }
        }

        return data;
    }

    [Fact]
    public void AllStateTriggerPairs_CoverTheFullCrossProduct()
    {
        Assert.Equal(49, AllStateTriggerPairs().Count);
        Assert.Equal(7, AssessmentWorkflow.Transitions.Count);
    }

    [Theory]
    [MemberData(nameof(AllStateTriggerPairs))]
    public void Fire_EveryStateAndTrigger_FollowsTheTransitionTable(AssessmentState state, AssessmentTrigger trigger, AssessmentState? expected)
    {
        // Fully answered and fired by someone holding every role who answered nothing: only the table decides.
        var builder = new AssessmentBuilder().InState(state).FullyAnswered();
        var assessment = builder.Build();
        Assert.Equal(state, assessment.State);
        var transitionsBefore = assessment.Transitions.Count;
        var at = builder.Tick();

        if (expected is null)
        {
            var error = Assert.Throws<AssessmentRuleException>(() =>
                assessment.Fire(trigger, Actors.Chief, "Kommentar", at, builder.Catalog));
            Assert.Equal(AssessmentTexts.NotPossible(trigger, state), error.Message);
            Assert.Equal(state, assessment.State);
            Assert.Equal(transitionsBefore, assessment.Transitions.Count);
            Assert.Equal(No, AssessmentWorkflow.Destination(state, trigger));
        }
        else
        {
            assessment.Fire(trigger, Actors.Chief, "Kommentar", at, builder.Catalog);
            Assert.Equal(expected, assessment.State);
            Assert.Equal(transitionsBefore + 1, assessment.Transitions.Count);
            var recorded = assessment.Transitions[^1];
            Assert.Equal((state, expected.Value, trigger), (recorded.From, recorded.To, recorded.Trigger));
            Assert.Equal(expected, AssessmentWorkflow.Destination(state, trigger));
        }
    }

    [Fact]
    public void Fire_ApproveInProgress_NamesStateAndTriggerInGerman()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var assessment = builder.Build();

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.Approve, Actors.Auditor, null, builder.Tick(), builder.Catalog));

        Assert.Equal("„Genehmigen“ ist im Zustand „In Bearbeitung“ nicht möglich.", error.Message);
        Assert.Equal(AssessmentState.InProgress, assessment.State);
    }

    [Fact]
    public void Fire_AllowedTrigger_RecordsWhoWhenAndComment()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InReview);
        var assessment = builder.Build();
        var at = builder.Tick();

        assessment.Fire(AssessmentTrigger.Return, Actors.Auditor, "  Begründungen zu SYS.2.1 fehlen.  ", at, builder.Catalog);

        var transition = assessment.Transitions[^1];
        Assert.Equal(AssessmentState.InReview, transition.From);
        Assert.Equal(AssessmentState.Returned, transition.To);
        Assert.Equal(AssessmentTrigger.Return, transition.Trigger);
        Assert.Equal("auditor", transition.ActorUserId);
        Assert.Equal(at, transition.At);
        Assert.Equal("Begründungen zu SYS.2.1 fehlen.", transition.Comment);
        Assert.NotEqual(Guid.Empty, transition.Id);
    }

    [Fact]
    public void Build_WalkingTheWorkflow_RecordsEveryStepInOrder()
    {
        var assessment = new AssessmentBuilder().InState(AssessmentState.Archived).Build();

        Assert.Equal(
            [AssessmentTrigger.StartAnswering, AssessmentTrigger.Submit, AssessmentTrigger.StartReview, AssessmentTrigger.Approve, AssessmentTrigger.Archive],
            assessment.Transitions.Select(t => t.Trigger));
        Assert.Equal(["isb", "isb", "auditor", "auditor", "isb"], assessment.Transitions.Select(t => t.ActorUserId));
        Assert.True(assessment.Transitions.Zip(assessment.Transitions.Skip(1)).All(p => p.First.At < p.Second.At));
    }

    [Fact]
    public void Fire_SubmitWithMissingAnswers_IsRefusedWithTheCount()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var assessment = builder.Build();
        builder.Answer(assessment, builder.Ja("ISMS.1.A1", AssessmentBuilder.TargetId(assessment, AssessmentBuilder.Informationsverbund)));
        builder.Answer(assessment, builder.Ja("ISMS.1.A2", AssessmentBuilder.TargetId(assessment, AssessmentBuilder.Informationsverbund)));

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.Submit, Actors.Isb, null, builder.Tick(), builder.Catalog));

        Assert.Contains("4 Anforderungen sind noch nicht beantwortet.", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("„Einreichen“ ist nicht möglich", error.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentState.InProgress, assessment.State);
        Assert.Single(assessment.Transitions);
    }

    [Fact]
    public void Fire_SubmitWithAnIncompleteAnswer_IsRefused()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress).FullyAnswered();
        var assessment = builder.Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);
        var saved = builder.Answer(assessment, new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Nein, AssessedOn: builder.Today));
        Assert.NotEmpty(saved.Issues);

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.Submit, Actors.Isb, null, builder.Tick(), builder.Catalog));

        Assert.Contains("1 Antwort ist unvollständig oder ungültig.", error.Reasons);
        Assert.Equal(AssessmentState.InProgress, assessment.State);
        var report = assessment.CheckCompleteness(builder.Catalog, builder.Today);
        var invalid = Assert.Single(report.Invalid);
        Assert.Equal(("SYS.2.1.A1", server), (invalid.Key.RequirementId, invalid.Key.TargetObjectId));
        Assert.Equal(
            [AnswerFields.Justification, AnswerFields.Owner, AnswerFields.DueDate],
            invalid.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Fire_SubmitByNonIsb_IsRefused()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress).FullyAnswered();
        var assessment = builder.Build();

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.Submit, Actors.Contributor, null, builder.Tick(), builder.Catalog));

        Assert.Equal([AssessmentWorkflow.GuardIsb], error.Reasons);
        Assert.Equal(AssessmentState.InProgress, assessment.State);
    }

    [Fact]
    public void Fire_ApproveByAnAuditorWhoAnswered_IsRefusedByFourEyes()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InReview);
        var assessment = builder.Build();
        var isbWhoIsAlsoAuditor = Actors.Make("isb", AssessmentRoles.Isb, AssessmentRoles.Auditor);

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.Approve, isbWhoIsAlsoAuditor, null, builder.Tick(), builder.Catalog));

        Assert.Equal([AssessmentWorkflow.GuardFourEyes], error.Reasons);
        Assert.Equal(AssessmentState.InReview, assessment.State);
        Assert.True(assessment.HasAnswered("isb"));
        Assert.False(assessment.HasAnswered("auditor"));
    }

    [Fact]
    public void Fire_ApproveByNonAuditor_IsRefused()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InReview);
        var assessment = builder.Build();

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.Approve, Actors.Administrator, null, builder.Tick(), builder.Catalog));

        Assert.Equal([AssessmentWorkflow.GuardAuditor], error.Reasons);
        Assert.Equal(AssessmentState.InReview, assessment.State);
    }

    [Fact]
    public void Fire_ApproveByIndependentAuditor_Approves()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InReview);
        var assessment = builder.Build();

        assessment.Fire(AssessmentTrigger.Approve, Actors.Auditor, "Geprüft.", builder.Tick(), builder.Catalog);

        Assert.Equal(AssessmentState.Approved, assessment.State);
        Assert.True(assessment.IsReadOnly);
    }

    [Fact]
    public void Fire_ReturnWithoutComment_IsRefused()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InReview);
        var assessment = builder.Build();

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.Return, Actors.Auditor, "   ", builder.Tick(), builder.Catalog));

        Assert.Equal([AssessmentWorkflow.GuardComment], error.Reasons);
        Assert.Equal(AssessmentState.InReview, assessment.State);
    }

    [Fact]
    public void Fire_StartAnsweringWithoutScope_IsRefused()
    {
        var builder = new AssessmentBuilder().WithoutScope();
        var assessment = builder.Build();

        var error = Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.StartAnswering, Actors.Isb, null, builder.Tick(), builder.Catalog));

        Assert.Equal([AssessmentWorkflow.GuardScope], error.Reasons);
        Assert.Equal(AssessmentState.Draft, assessment.State);
        Assert.Empty(assessment.Transitions);
    }

    [Fact]
    public void Fire_StartReviewAndReworkByWrongRoles_AreRefused()
    {
        var submittedBuilder = new AssessmentBuilder().InState(AssessmentState.Submitted);
        var submitted = submittedBuilder.Build();
        var returnedBuilder = new AssessmentBuilder().InState(AssessmentState.Returned);
        var returned = returnedBuilder.Build();

        var review = Assert.Throws<AssessmentRuleException>(() =>
            submitted.Fire(AssessmentTrigger.StartReview, Actors.Isb, null, submittedBuilder.Tick(), submittedBuilder.Catalog));
        var rework = Assert.Throws<AssessmentRuleException>(() =>
            returned.Fire(AssessmentTrigger.Rework, Actors.Auditor, null, returnedBuilder.Tick(), returnedBuilder.Catalog));

        Assert.Equal([AssessmentWorkflow.GuardAuditor], review.Reasons);
        Assert.Equal([AssessmentWorkflow.GuardIsb], rework.Reasons);
        Assert.Equal(AssessmentState.Submitted, submitted.State);
        Assert.Equal(AssessmentState.Returned, returned.State);
    }

    [Fact]
    public void Fire_ArchiveByAdministrator_Archives()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.Approved);
        var assessment = builder.Build();

        assessment.Fire(AssessmentTrigger.Archive, Actors.Administrator, null, builder.Tick(), builder.Catalog);

        Assert.Equal(AssessmentState.Archived, assessment.State);
        Assert.Null(assessment.Transitions[^1].Comment);
    }

    [Fact]
    public void Fire_ReturnThenRework_AllowsAnsweringAndSubmittingAgain()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.Returned);
        var assessment = builder.Build();
        assessment.Fire(AssessmentTrigger.Rework, Actors.Isb, null, builder.Tick(), builder.Catalog);
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);
        builder.Answer(assessment, builder.Ja("SYS.2.1.A2", server) with { Justification = "Nachgebessert." });

        assessment.Fire(AssessmentTrigger.Submit, Actors.Isb, "Zweite Einreichung", builder.Tick(), builder.Catalog);

        Assert.Equal(AssessmentState.Submitted, assessment.State);
        Assert.Equal(
            [AssessmentState.InProgress, AssessmentState.Submitted, AssessmentState.InReview, AssessmentState.Returned, AssessmentState.InProgress, AssessmentState.Submitted],
            assessment.Transitions.Select(t => t.To));
    }

    [Fact]
    public void PermittedTriggers_DependOnStateRoleAndGuards()
    {
        var inReview = new AssessmentBuilder().InState(AssessmentState.InReview);
        var review = inReview.Build();
        var incomplete = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var open = incomplete.Build();
        var complete = new AssessmentBuilder().InState(AssessmentState.InProgress).FullyAnswered();
        var done = complete.Build();

        Assert.Equal([AssessmentTrigger.Return, AssessmentTrigger.Approve], review.PermittedTriggers(Actors.Auditor, inReview.Catalog, inReview.Today));
        Assert.Empty(review.PermittedTriggers(Actors.Isb, inReview.Catalog, inReview.Today));
        Assert.Empty(open.PermittedTriggers(Actors.Isb, incomplete.Catalog, incomplete.Today));
        Assert.Equal([AssessmentTrigger.Submit], done.PermittedTriggers(Actors.Isb, complete.Catalog, complete.Today));
        Assert.Empty(done.PermittedTriggers(Actors.Contributor, complete.Catalog, complete.Today));
    }

    [Fact]
    public void CheckTrigger_ExplainsWhyAButtonIsDisabled()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var assessment = builder.Build();

        var check = assessment.CheckTrigger(AssessmentTrigger.Submit, Actors.Auditor, null, builder.Catalog, builder.Today);

        Assert.False(check.Permitted);
        Assert.Equal([AssessmentWorkflow.GuardIsb, "6 Anforderungen sind noch nicht beantwortet."], check.Reasons);
        Assert.Equal(AssessmentState.InProgress, assessment.State);
    }

    [Fact]
    public void Fire_CommentTooLong_IsRefusedAndChangesNothing()
    {
        var builder = new AssessmentBuilder().WithApproach(Approach.Standard);
        var assessment = builder.Build();

        Assert.Throws<AssessmentRuleException>(() =>
            assessment.Fire(AssessmentTrigger.StartAnswering, Actors.Isb, new string('x', Assessment.MaxCommentLength + 1), builder.Tick(), builder.Catalog));

        Assert.Equal(AssessmentState.Draft, assessment.State);
        Assert.Empty(assessment.Transitions);
    }

    [Fact]
    public void Texts_HaveGermanNamesForEveryStateAndTrigger()
    {
        Assert.Equal(
            ["Entwurf", "In Bearbeitung", "Eingereicht", "In Prüfung", "Zurückgegeben", "Genehmigt", "Archiviert"],
            Enum.GetValues<AssessmentState>().Select(AssessmentTexts.StateName));
        Assert.Equal(
            ["Bearbeitung beginnen", "Einreichen", "Prüfung beginnen", "Zurückgeben", "Überarbeiten", "Genehmigen", "Archivieren"],
            Enum.GetValues<AssessmentTrigger>().Select(AssessmentTexts.TriggerName));
    }
}
