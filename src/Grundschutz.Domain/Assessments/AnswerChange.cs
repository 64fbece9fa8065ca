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

    internal AnswerChange CopyWithNewId(Guid id) => new(id, At, UserId, Field, OldValue, NewValue);
}
