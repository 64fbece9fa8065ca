using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Tests.Assessments;

namespace Grundschutz.Domain.Tests.Evidence;

/// <summary>Every history entry is chained where it is created: answers, evidence, reopen.</summary>
public class AnswerChainTests
{
    private static (AssessmentBuilder Builder, Assessment Assessment, Guid Server) InProgress()
    {
        var builder = new AssessmentBuilder().InState(AssessmentState.InProgress);
        var assessment = builder.Build();
        return (builder, assessment, AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus));
    }

    private static void AssertChained(Guid assessmentId, Answer answer)
    {
        string? previous = null;
        var sequence = 0;
        foreach (var change in answer.History)
        {
            sequence++;
            Assert.Equal(sequence, change.Sequence);
            Assert.Equal(previous, change.PreviousHash);
            Assert.Equal(AnswerChain.Hash(AnswerChain.EntryOf(assessmentId, answer.RequirementId, answer.TargetObjectId, change)), change.Hash);
            previous = change.Hash;
        }

        Assert.Equal(sequence, answer.ChainLength);
        Assert.Equal(previous, answer.ChainHead);
    }

    [Fact]
    public void RecordAnswer_TwoSavesAndEvidence_OneUnbrokenChain()
    {
        var (builder, assessment, server) = InProgress();
        var requirement = builder.Catalog.Get("SYS.2.1.A2");
        assessment.RecordAnswer(new AnswerInput("SYS.2.1.A2", server, AnswerStatus.Teilweise, Justification: "Erst 2026.", Owner: "Herr Berg", DueDate: new DateOnly(2026, 10, 31)), 0, Actors.Isb, builder.Tick(), requirement);
        assessment.RecordAnswer(new AnswerInput("SYS.2.1.A2", server, AnswerStatus.Ja, Justification: "Erledigt."), 1, Actors.Isb, builder.Tick(), requirement);
        var file = assessment.AttachEvidence(requirement, server, "Nachweis.pdf", "sha256:" + new string('a', 64), 10, "application/pdf", Actors.Isb, builder.Tick());
        assessment.RemoveEvidence(file.Id, Actors.Isb, builder.Tick());

        var answer = Assert.Single(assessment.Answers);
        Assert.True(answer.History.Count >= 6);
        AssertChained(assessment.Id, answer);
    }

    [Fact]
    public void Hash_AnyFieldChanged_Differs()
    {
        var entry = new AnswerChainEntry(Guid.NewGuid(), "SYS.2.1.A2", Guid.NewGuid(), 1, Guid.NewGuid(), "Status", "Open", "Ja", "isb", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), null);
        var hash = AnswerChain.Hash(entry);

        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, AnswerChain.Hash(entry with { }));
        Assert.NotEqual(hash, AnswerChain.Hash(entry with { NewValue = "Nein" }));
        Assert.NotEqual(hash, AnswerChain.Hash(entry with { OldValue = null }));
        Assert.NotEqual(hash, AnswerChain.Hash(entry with { UserId = "isb2" }));
        Assert.NotEqual(hash, AnswerChain.Hash(entry with { At = entry.At.AddMilliseconds(1) }));
        Assert.NotEqual(hash, AnswerChain.Hash(entry with { Sequence = 2 }));
        Assert.NotEqual(hash, AnswerChain.Hash(entry with { PreviousHash = hash }));
        Assert.NotEqual(hash, AnswerChain.Hash(entry with { AssessmentId = Guid.NewGuid() }));
        // Below a millisecond nothing counts: both database providers keep at least that.
        Assert.Equal(hash, AnswerChain.Hash(entry with { At = entry.At.AddTicks(9_999) }));
    }

    [Fact]
    public void Hash_NullAndEmptyAndFieldBoundaries_AreDistinct()
    {
        var entry = new AnswerChainEntry(Guid.Empty, "A", Guid.Empty, 1, Guid.Empty, "F", null, "x", "u", DateTimeOffset.UnixEpoch, null);

        Assert.NotEqual(AnswerChain.Hash(entry), AnswerChain.Hash(entry with { OldValue = "" }));
        Assert.NotEqual(AnswerChain.Hash(entry with { OldValue = "ab", NewValue = "c" }), AnswerChain.Hash(entry with { OldValue = "a", NewValue = "bc" }));
    }
}
