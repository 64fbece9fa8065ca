namespace Grundschutz.Domain.Assessments;

/// <summary>
/// One changed field of an answer: who, when, old → new. Values are stored as invariant strings
/// (enum names, ISO dates <c>yyyy-MM-dd</c>, invariant decimals); null means "empty".
/// </summary>
public sealed class AnswerChange
{
    private AnswerChange()
    {
        UserId = "";
        Field = "";
    }

    internal AnswerChange(Guid id, DateTimeOffset at, string userId, string field, string? oldValue, string? newValue)
    {
        Id = id;
        At = at;
        UserId = userId;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>When the change was saved.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Who saved it.</summary>
    public string UserId { get; private set; }

    /// <summary>The field, one of <see cref="AnswerFields"/>.</summary>
    public string Field { get; private set; }

    /// <summary>The value before.</summary>
    public string? OldValue { get; private set; }

    /// <summary>The value after.</summary>
    public string? NewValue { get; private set; }

    /// <summary>Position in the answer's hash chain, starting at 1 (see <see cref="AnswerChain"/>).</summary>
    public int Sequence { get; private set; }

    /// <summary>Hash of the entry before in the same answer's chain (null for the first).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 (hex) of this entry's canonical form including <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; private set; }

    internal AnswerChange CopyWithNewId(Guid id) => new(id, At, UserId, Field, OldValue, NewValue);

    /// <summary>Links this entry into a chain: sets sequence and previous hash, computes the hash.</summary>
    internal void Seal(Guid assessmentId, string requirementId, Guid targetObjectId, int sequence, string? previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AnswerChain.Hash(AnswerChain.EntryOf(assessmentId, requirementId, targetObjectId, this));
    }
}
