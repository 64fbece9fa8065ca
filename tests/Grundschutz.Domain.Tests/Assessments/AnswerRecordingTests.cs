using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Tests.Assessments;

public class AnswerRecordingTests
{
    private static (AssessmentBuilder Builder, Assessment Assessment, Guid Server) InProgress()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var assessment = builder.Build();
        return (builder, assessment, AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus));
    }

    [Fact]
    public void RecordAnswer_FirstSave_CreatesVersionOneWithOneHistoryEntryPerField()
    {
        var (builder, assessment, server) = InProgress();
        var at = builder.Tick();
        var input = new AnswerInput(
            "SYS.2.1.A2",
            server,
            AnswerStatus.Teilweise,
            Justification: "Härtung erst 2026 möglich.",
            Owner: "Herr Berg",
            DueDate: new DateOnly(2026, 10, 31),
            CostEstimate: 1200.50m);

        var result = assessment.RecordAnswer(input, 0, Actors.Isb, at, builder.Catalog.Get("SYS.2.1.A2"));

        var answer = Assert.Single(assessment.Answers);
        Assert.Same(answer, result.Answer);
        Assert.Equal(1, answer.Version);
        Assert.Equal((at, "isb"), (answer.UpdatedAt!.Value, answer.UpdatedByUserId));
        Assert.Equal("SYS.2.1", answer.GroupId);
        Assert.Equal(
            [
                ("Status", "Open", "Teilweise"),
                ("Justification", null, "Härtung erst 2026 möglich."),
                ("Owner", null, "Herr Berg"),
                ("DueDate", null, "2026-10-31"),
                ("CostEstimate", null, "1200.50"),
            ],
            answer.History.Select(h => (h.Field, h.OldValue, h.NewValue)));
        Assert.All(answer.History, h => Assert.Equal((at, "isb"), (h.At, h.UserId)));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void RecordAnswer_SecondSave_AppendsOnlyTheChangedFieldsAndRaisesTheVersion()
    {
        var (builder, assessment, server) = InProgress();
        builder.Answer(assessment, new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Nein, Justification: "Kein Budget.", Owner: "Herr Berg", DueDate: new DateOnly(2026, 6, 30)));
        var contributor = Actors.Make("it-leitung", AssessmentRoles.Isb);

        var result = assessment.RecordAnswer(
            new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Ja, Justification: "Kein Budget.", Owner: "Herr Berg", DueDate: new DateOnly(2026, 6, 30), ImplementationDescription: "Nachgerüstet."),
            1,
            contributor,
            builder.Tick(),
            builder.Catalog.Get("SYS.2.1.A1"));

        Assert.Equal(2, result.Answer.Version);
        Assert.Equal(
            [("Status", "Nein", "Ja"), ("ImplementationDescription", null, "Nachgerüstet.")],
            result.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.Equal(4 + 2, result.Answer.History.Count);
        Assert.All(result.Changes, c => Assert.Equal("it-leitung", c.UserId));
    }

    [Fact]
    public void RecordAnswer_UnchangedValues_DoNotRaiseTheVersion()
    {
        var (builder, assessment, server) = InProgress();
        var input = builder.Ja("SYS.2.1.A1", server);
        builder.Answer(assessment, input);

        var result = assessment.RecordAnswer(input with { Owner = "  " }, 1, Actors.Isb, builder.Tick(), builder.Catalog.Get("SYS.2.1.A1"));

        Assert.False(result.Changed);
        Assert.Equal(1, result.Answer.Version);
        Assert.Equal(3, result.Answer.History.Count);
    }

    [Fact]
    public void RecordAnswer_StaleVersion_ThrowsConflictCarryingTheCurrentValues()
    {
        var (builder, assessment, server) = InProgress();
        builder.Answer(assessment, builder.Ja("SYS.2.1.A1", server));
        var alice = Actors.Make("alice", AssessmentRoles.Isb);
        var bob = Actors.Make("bob", AssessmentRoles.Isb);
        var aliceAt = builder.Tick();
        assessment.RecordAnswer(
            new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Nein, Justification: "Doch nicht.", Owner: "Alice", DueDate: new DateOnly(2026, 5, 1)),
            1,
            alice,
            aliceAt,
            builder.Catalog.Get("SYS.2.1.A1"));

        var conflict = Assert.Throws<AnswerConflictException>(() => assessment.RecordAnswer(
            new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Entbehrlich, EntbehrlichReason.NotRelevant, "Bob meint: nicht relevant."),
            1,
            bob,
            builder.Tick(),
            builder.Catalog.Get("SYS.2.1.A1")));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.Current.Version);
        Assert.Equal(("alice", aliceAt), (conflict.Current.UpdatedByUserId, conflict.Current.UpdatedAt!.Value));
        Assert.Equal(AnswerStatus.Nein, conflict.Current.Values.Status);
        Assert.Equal("Doch nicht.", conflict.Current.Values.Justification);
        Assert.Contains("alice", conflict.Message, StringComparison.Ordinal);
        var stored = assessment.FindAnswer("SYS.2.1.A1", server)!;
        Assert.Equal((AnswerStatus.Nein, 2), (stored.Status, stored.Version));
        Assert.DoesNotContain(stored.History, h => h.UserId == "bob");
    }

    [Fact]
    public void RecordAnswer_ExpectingAVersionOfAMissingAnswer_IsRefused()
    {
        var (builder, assessment, server) = InProgress();

        Assert.Throws<AssessmentRuleException>(() =>
            assessment.RecordAnswer(builder.Ja("SYS.2.1.A1", server), 3, Actors.Isb, builder.Tick(), builder.Catalog.Get("SYS.2.1.A1")));

        Assert.Empty(assessment.Answers);
    }

    [Fact]
    public void RecordAnswer_InvalidValue_IsRefusedWithAllErrorsAndStoresNothing()
    {
        var (builder, assessment, server) = InProgress();

        var error = Assert.Throws<AnswerValidationException>(() => assessment.RecordAnswer(
            new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Nein, CostEstimate: -1m),
            0,
            Actors.Isb,
            builder.Tick(),
            builder.Catalog.Get("SYS.2.1.A1")));

        Assert.Contains(error.Errors, e => e.Field == AnswerFields.CostEstimate && e.Severity == AnswerIssueSeverity.Invalid);
        Assert.Contains(error.Errors, e => e.Field == AnswerFields.Owner && e.Severity == AnswerIssueSeverity.Incomplete);
        Assert.Empty(assessment.Answers);
    }

    [Fact]
    public void RecordAnswer_GsppTeilweise_IsRefused()
    {
        var builder = new AssessmentBuilder().ForGrundschutzPlusPlus();
        var assessment = builder.Build();
        var verbund = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.Informationsverbund);

        var error = Assert.Throws<AnswerValidationException>(() => builder.Answer(
            assessment,
            new AnswerInput("BER.6.1", verbund, AnswerStatus.Teilweise, Justification: "x", Owner: "y", DueDate: new DateOnly(2026, 12, 1))));

        Assert.Equal("Grundschutz++ kennt nur umgesetzt oder nicht umgesetzt.", Assert.Single(error.Errors).Message);
        Assert.Empty(assessment.Answers);
    }

    [Fact]
    public void RecordAnswer_IncompleteValues_AreSavedAndReported()
    {
        var (builder, assessment, server) = InProgress();

        var result = builder.Answer(assessment, new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Nein));

        Assert.Equal(1, result.Answer.Version);
        Assert.Equal([AnswerFields.Justification, AnswerFields.Owner, AnswerFields.DueDate], result.Issues.Select(i => i.Field));
        Assert.All(result.Issues, i => Assert.Equal(AnswerIssueSeverity.Incomplete, i.Severity));
    }

    [Fact]
    public void RecordAnswer_ReasonWithoutEntbehrlich_IsDroppedAndTextIsTrimmed()
    {
        var (builder, assessment, server) = InProgress();

        var result = builder.Answer(assessment, builder.Ja("SYS.2.1.A1", server) with { EntbehrlichReason = EntbehrlichReason.NotRelevant, Owner = "  Frau Adler  ", Interviewees = " " });

        Assert.Null(result.Answer.EntbehrlichReason);
        Assert.Equal("Frau Adler", result.Answer.Owner);
        Assert.Null(result.Answer.Interviewees);
    }

    [Fact]
    public void RecordAnswer_ContributorOnUnassignedModule_IsRefused()
    {
        var (builder, assessment, server) = InProgress();
        assessment.AssignContributor(Actors.Contributor.UserId, "ISMS.1");

        var error = Assert.Throws<AssessmentRuleException>(() =>
            builder.Answer(assessment, builder.Ja("SYS.2.1.A1", server), Actors.Contributor));

        Assert.Equal("Sie dürfen den Baustein SYS.2.1 nicht bearbeiten: Er ist Ihnen nicht zugewiesen.", error.Message);
        Assert.Empty(assessment.Answers);
    }

    [Fact]
    public void RecordAnswer_ContributorOnAssignedModule_IsSaved()
    {
        var (builder, assessment, server) = InProgress();
        assessment.AssignContributor(Actors.Contributor.UserId, "SYS.2.1");

        var result = builder.Answer(assessment, builder.Ja("SYS.2.1.A1", server), Actors.Contributor);

        Assert.Equal("contrib", result.Answer.UpdatedByUserId);
        Assert.True(assessment.CanAnswer(Actors.Contributor, "SYS.2.1"));
        Assert.False(assessment.CanAnswer(Actors.Contributor, "ISMS.1"));
        Assert.True(assessment.CanAnswer(Actors.Isb, "ISMS.1"));
        Assert.False(assessment.CanAnswer(Actors.Auditor, "SYS.2.1"));
    }

    [Fact]
    public void RecordAnswer_OutsideTheScope_IsRefused()
    {
        var (builder, assessment, server) = InProgress();
        var verbund = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.Informationsverbund);

        // module not applied to that target object
        Assert.Throws<AssessmentRuleException>(() => builder.Answer(assessment, builder.Ja("SYS.2.1.A1", verbund)));

        // H requirement not adopted, withdrawn requirement
        Assert.Throws<AssessmentRuleException>(() => builder.Answer(assessment, builder.Ja("SYS.2.1.A3", server)));
        Assert.Throws<AssessmentRuleException>(() => builder.Answer(assessment, builder.Ja("SYS.2.1.A4", server)));

        // unknown target object
        Assert.Throws<AssessmentRuleException>(() => builder.Answer(assessment, builder.Ja("SYS.2.1.A1", Guid.NewGuid())));
        Assert.Empty(assessment.Answers);
    }

    [Theory]
    [InlineData(AssessmentState.Submitted)]
    [InlineData(AssessmentState.InReview)]
    [InlineData(AssessmentState.Approved)]
    [InlineData(AssessmentState.Archived)]
    public void RecordAnswer_InLockedState_IsRefusedAndChangesNothing(AssessmentState state)
    {
        var builder = new AssessmentBuilder().InState(state);
        var assessment = builder.Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);
        var before = assessment.FindAnswer("SYS.2.1.A1", server)!;

        var error = Assert.Throws<AssessmentRuleException>(() => assessment.RecordAnswer(
            new AnswerInput("SYS.2.1.A1", server, AnswerStatus.Entbehrlich, EntbehrlichReason.NotRelevant, "x"),
            before.Version,
            Actors.Isb,
            builder.Tick(),
            builder.Catalog.Get("SYS.2.1.A1")));

        Assert.Contains(AssessmentTexts.StateName(state), error.Message, StringComparison.Ordinal);
        Assert.Equal((AnswerStatus.Ja, 1), (before.Status, before.Version));
    }

    [Theory]
    [InlineData(AssessmentState.Draft)]
    [InlineData(AssessmentState.InProgress)]
    [InlineData(AssessmentState.Returned)]
    public void RecordAnswer_InEditableState_IsSaved(AssessmentState state)
    {
        var builder = new AssessmentBuilder().InState(state);
        var assessment = builder.Build();
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);

        var result = builder.Answer(assessment, new AnswerInput("SYS.2.1.A2", server, AnswerStatus.Entbehrlich, EntbehrlichReason.AlternativeMeasure, "Ersatz durch zentrale Lösung."));

        Assert.Equal(AnswerStatus.Entbehrlich, result.Answer.Status);
    }

    [Fact]
    public void Evidence_AttachAndRemove_AreKeptInHistoryWithoutRaisingTheVersion()
    {
        var (builder, assessment, server) = InProgress();
        builder.Answer(assessment, builder.Ja("SYS.2.1.A1", server));

        var file = assessment.AttachEvidence(builder.Catalog.Get("SYS.2.1.A1"), server, "Härtungsnachweis.pdf", "blob/123", 2048, "application/pdf", Actors.Isb, builder.Tick());
        var answer = assessment.FindAnswer("SYS.2.1.A1", server)!;
        Assert.Equal(1, answer.Version);
        Assert.Equal(["Härtungsnachweis.pdf"], answer.Evidence.Select(e => e.FileName));
        Assert.Equal((AnswerFields.Evidence, (string?)null, (string?)"Härtungsnachweis.pdf"), (answer.History[^1].Field, answer.History[^1].OldValue, answer.History[^1].NewValue));

        assessment.RemoveEvidence(file.Id, Actors.Isb, builder.Tick());

        Assert.Empty(answer.Evidence);
        Assert.Equal((AnswerFields.Evidence, "Härtungsnachweis.pdf", (string?)null), (answer.History[^1].Field, answer.History[^1].OldValue, answer.History[^1].NewValue));
    }

    [Fact]
    public void Evidence_BeforeAnyAnswer_CreatesAnOpenAnswerAtVersionZero()
    {
        var (builder, assessment, server) = InProgress();

        assessment.AttachEvidence(builder.Catalog.Get("SYS.2.1.A2"), server, "Foto.jpg", "blob/9", 10, null, Actors.Isb, builder.Tick());

        var answer = Assert.Single(assessment.Answers);
        Assert.Equal((AnswerStatus.Open, 0), (answer.Status, answer.Version));
        var saved = builder.Answer(assessment, builder.Ja("SYS.2.1.A2", server));
        Assert.Equal(1, saved.Answer.Version);
        Assert.Same(answer, saved.Answer);
    }
}
