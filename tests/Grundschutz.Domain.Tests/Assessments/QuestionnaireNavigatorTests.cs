using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Tests.Assessments;

public class QuestionnaireNavigatorTests
{
    private const string A = "Server A";
    private const string B = "Server B";

    /// <summary>Target objects created A then B; modules applied in reverse catalogue order and B before A.</summary>
    private static (AssessmentBuilder Builder, Assessment Assessment) Scrambled()
    {
        var builder = new AssessmentBuilder()
            .WithTargets(A, B)
            .Applying("SYS.2.1", B)
            .Applying("SYS.2.1", A)
            .Applying("ISMS.1", A)
            .InState(AssessmentState.InProgress);
        return (builder, builder.Build());
    }

    private static string Label(Question q) => $"{q.RequirementId}@{q.TargetObjectName}";

    [Fact]
    public void Questions_AreOrderedByCatalogueModuleThenRequirementThenTargetObject()
    {
        var (builder, assessment) = Scrambled();

        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Equal(
            ["ISMS.1.A1@Server A", "ISMS.1.A2@Server A", "SYS.2.1.A1@Server A", "SYS.2.1.A1@Server B", "SYS.2.1.A2@Server A", "SYS.2.1.A2@Server B"],
            navigator.Questions.Select(Label));
        Assert.Equal([0, 1, 2, 3, 4, 5], navigator.Questions.Select(q => q.Position));
        Assert.All(navigator.Questions, q => Assert.Equal((AnswerStatus.Open, 0), (q.Status, q.Version)));
    }

    [Fact]
    public void Progress_CountsAnsweredPerModuleAndOverall()
    {
        var (builder, assessment) = Scrambled();
        var a = AssessmentBuilder.TargetId(assessment, A);
        var b = AssessmentBuilder.TargetId(assessment, B);
        builder.Answer(assessment, builder.Ja("ISMS.1.A1", a));
        builder.Answer(assessment, builder.Ja("ISMS.1.A2", a));
        builder.Answer(assessment, builder.Ja("SYS.2.1.A2", b));

        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Equal([("ISMS.1", 2, 2, true, 100), ("SYS.2.1", 1, 4, false, 25)], navigator.Modules.Select(m => (m.GroupId, m.Answered, m.Total, m.IsComplete, m.Percent)));
        Assert.Equal((3, 6, 50), (navigator.Overall.Answered, navigator.Overall.Total, navigator.Overall.Percent));
        Assert.Equal(["SYS.2.1.A1@Server A", "SYS.2.1.A1@Server B", "SYS.2.1.A2@Server B"], navigator.InModule("SYS.2.1").Where(q => q.RequirementId != "SYS.2.1.A2" || q.TargetObjectId == b).Select(Label));
        Assert.Equal(1, navigator.Find("SYS.2.1.A2", b)!.Version);
        Assert.Null(navigator.Find("SYS.2.1.A3", b));
    }

    [Fact]
    public void FromProgressRows_MatchesTheNavigatorOfTheLoadedAnswers_IgnoresPairsOutOfScope_LastRowWins()
    {
        var (builder, assessment) = Scrambled();
        var a = AssessmentBuilder.TargetId(assessment, A);
        var b = AssessmentBuilder.TargetId(assessment, B);
        builder.Answer(assessment, builder.Ja("ISMS.1.A1", a));
        builder.Answer(assessment, builder.Ja("SYS.2.1.A2", b));
        var fromAnswers = new QuestionnaireNavigator(assessment, builder.Catalog);
        var rows = assessment.Answers.Select(AnswerProgress.Of).ToList();

        var fromRows = new QuestionnaireNavigator(assessment, builder.Catalog, rows);

        Assert.Equal(
            fromAnswers.Questions.Select(q => (Label(q), q.Status, q.Version, q.UpdatedAt, q.Position)),
            fromRows.Questions.Select(q => (Label(q), q.Status, q.Version, q.UpdatedAt, q.Position)));
        Assert.Equal((2, 6), (fromRows.Overall.Answered, fromRows.Overall.Total));

        // A pair outside the scope (ISMS.1 is not applied to B) changes nothing; a later row
        // for the same pair replaces the earlier one (how the save page patches the row of the answer it just saved).
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var patched = new QuestionnaireNavigator(assessment, builder.Catalog, rows
            .Append(new AnswerProgress("ISMS.1.A1", b, AnswerStatus.Ja, 1, at))
            .Append(new AnswerProgress("SYS.2.1.A2", b, AnswerStatus.Nein, 2, at))
            .Append(new AnswerProgress("ISMS.1.A2", a, AnswerStatus.Teilweise, 1, at)));
        Assert.Equal(6, patched.Questions.Count);
        Assert.Null(patched.Find("ISMS.1.A1", b));
        Assert.Equal((AnswerStatus.Nein, 2, at), (patched.Find("SYS.2.1.A2", b)!.Status, patched.Find("SYS.2.1.A2", b)!.Version, patched.Find("SYS.2.1.A2", b)!.UpdatedAt));
        Assert.Equal((3, 6), (patched.Overall.Answered, patched.Overall.Total));
        Assert.Equal("SYS.2.1.A1@Server A", Label(patched.NextOpen(0)!));
    }

    [Fact]
    public void With_EqualsTheNavigatorBuiltFromScratch_LeavesTheOriginalUnchanged()
    {
        var (builder, assessment) = Scrambled();
        var a = AssessmentBuilder.TargetId(assessment, A);
        var b = AssessmentBuilder.TargetId(assessment, B);
        builder.Answer(assessment, builder.Ja("ISMS.1.A1", a));
        builder.Answer(assessment, builder.Ja("SYS.2.1.A2", b));
        var rows = assessment.Answers.Select(AnswerProgress.Of).ToList();
        var before = new QuestionnaireNavigator(assessment, builder.Catalog, rows);
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        AnswerProgress[] changes =
        [
            new("SYS.2.1.A2", b, AnswerStatus.Open, 2, at),      // answered → open again
            new("SYS.2.1.A1", a, AnswerStatus.Nein, 1, at),      // open → answered
            new("ISMS.1.A1", a, AnswerStatus.Teilweise, 2, at),  // answered → answered
            new("ISMS.1.A1", b, AnswerStatus.Ja, 1, at),         // outside the scope
            new("SYS.2.1.A1", a, AnswerStatus.Nein, 1, at),      // the same row again
        ];

        var after = before.With(changes);
        var rebuilt = new QuestionnaireNavigator(assessment, builder.Catalog, rows.Concat(changes));

        Assert.Equal(
            rebuilt.Questions.Select(q => (Label(q), q.Status, q.Version, q.UpdatedAt, q.Position)),
            after.Questions.Select(q => (Label(q), q.Status, q.Version, q.UpdatedAt, q.Position)));
        Assert.Equal(
            [("ISMS.1", 1, 2), ("SYS.2.1", 1, 4)],
            after.Modules.Select(m => (m.GroupId, m.Answered, m.Total)));
        Assert.Equal(rebuilt.Modules, after.Modules);
        Assert.Equal((2, 6), (after.Overall.Answered, after.Overall.Total));
        Assert.Equal(Label(rebuilt.NextOpen(0)!), Label(after.NextOpen(0)!));
        Assert.Equal((AnswerStatus.Teilweise, 2), (after.Find("ISMS.1.A1", a)!.Status, after.Find("ISMS.1.A1", a)!.Version));
        Assert.Equal(["SYS.2.1.A1@Server A", "SYS.2.1.A1@Server B", "SYS.2.1.A2@Server A", "SYS.2.1.A2@Server B"], after.InModule("SYS.2.1").Select(Label));
        Assert.Equal(AnswerStatus.Nein, after.InModule("SYS.2.1")[0].Status);

        // The navigator it was derived from still shows the old state.
        Assert.Equal((AnswerStatus.Ja, 1), (before.Find("ISMS.1.A1", a)!.Status, before.Find("ISMS.1.A1", a)!.Version));
        Assert.Equal(AnswerStatus.Ja, before.Find("SYS.2.1.A2", b)!.Status);
        Assert.Equal((2, 6), (before.Overall.Answered, before.Overall.Total));
        Assert.Equal([("ISMS.1", 1), ("SYS.2.1", 1)], before.Modules.Select(m => (m.GroupId, m.Answered)));
    }

    [Fact]
    public void With_NothingChanging_ReturnsTheSameNavigator()
    {
        var (builder, assessment) = Scrambled();
        var a = AssessmentBuilder.TargetId(assessment, A);
        builder.Answer(assessment, builder.Ja("ISMS.1.A1", a));
        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Same(navigator, navigator.With([]));
        Assert.Same(navigator, navigator.With(assessment.Answers.Select(AnswerProgress.Of)));
        Assert.Same(navigator, navigator.With([new AnswerProgress("ISMS.1.A9", a, AnswerStatus.Ja, 1, null)]));
        Assert.Empty(navigator.InModule("OPS.1.1.2"));
    }

    [Fact]
    public void NextOpen_SkipsAnsweredAndWrapsAround()
    {
        var (builder, assessment) = Scrambled();
        var a = AssessmentBuilder.TargetId(assessment, A);
        var b = AssessmentBuilder.TargetId(assessment, B);
        // answered: 0, 2, 3, 5 → open: 1 (ISMS.1.A2@A), 4 (SYS.2.1.A2@A)
        builder.Answer(assessment, builder.Ja("ISMS.1.A1", a));
        builder.Answer(assessment, builder.Ja("SYS.2.1.A1", a));
        builder.Answer(assessment, builder.Ja("SYS.2.1.A1", b));
        builder.Answer(assessment, builder.Ja("SYS.2.1.A2", b));

        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Equal(1, navigator.NextOpen(-1)!.Position);
        Assert.Equal(4, navigator.NextOpen(1)!.Position);
        Assert.Equal(4, navigator.NextOpen(2)!.Position);
        Assert.Equal(1, navigator.NextOpen(4)!.Position);
        Assert.Equal(1, navigator.NextOpen(5)!.Position);
        Assert.Equal(1, navigator.NextOpen(99)!.Position);
    }

    [Fact]
    public void NextOpen_OnlyTheCurrentQuestionOpen_ReturnsItLast()
    {
        var (builder, assessment) = Scrambled();
        foreach (var q in assessment.ApplicableQuestions(builder.Catalog).Where(q => q.RequirementId != "ISMS.1.A2"))
        {
            builder.Answer(assessment, builder.Ja(q.RequirementId, q.TargetObjectId));
        }

        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Equal(1, navigator.NextOpen(1)!.Position);
    }

    [Fact]
    public void NextOpen_NothingOpen_ReturnsNull()
    {
        var (builder, assessment) = Scrambled();
        foreach (var q in assessment.ApplicableQuestions(builder.Catalog))
        {
            builder.Answer(assessment, builder.Ja(q.RequirementId, q.TargetObjectId));
        }

        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Null(navigator.NextOpen(2));
        Assert.True(navigator.Overall.IsComplete);
    }

    [Fact]
    public void ResumePosition_IsTheFirstOpenQuestion()
    {
        var (builder, assessment) = Scrambled();
        var a = AssessmentBuilder.TargetId(assessment, A);
        builder.Answer(assessment, builder.Ja("ISMS.1.A1", a));
        builder.Answer(assessment, builder.Ja("SYS.2.1.A1", a));

        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Equal("ISMS.1.A2@Server A", Label(navigator.ResumePosition!));
    }

    [Fact]
    public void ResumePosition_AllAnswered_IsTheMostRecentlySavedQuestion()
    {
        var (builder, assessment) = Scrambled();
        var a = AssessmentBuilder.TargetId(assessment, A);
        foreach (var q in assessment.ApplicableQuestions(builder.Catalog))
        {
            builder.Answer(assessment, builder.Ja(q.RequirementId, q.TargetObjectId));
        }

        builder.Answer(assessment, builder.Ja("ISMS.1.A2", a) with { Interviewees = "Bürgermeisterin" });

        var navigator = new QuestionnaireNavigator(assessment, builder.Catalog);

        Assert.Equal("ISMS.1.A2@Server A", Label(navigator.ResumePosition!));
    }

    [Fact]
    public void EmptyScope_HasNoQuestionsAndNoResumePosition()
    {
        var builder = new AssessmentBuilder().WithoutScope();
        var navigator = new QuestionnaireNavigator(builder.Build(), builder.Catalog);

        Assert.Empty(navigator.Questions);
        Assert.Null(navigator.ResumePosition);
        Assert.Null(navigator.NextOpen(-1));
        Assert.Equal(0, navigator.Overall.Percent);
    }
}
