namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A domain rule refused an operation. The message is German and meant for the user; the
/// assessment is unchanged when this is thrown.
/// </summary>
public class AssessmentRuleException : Exception
{
    /// <summary>Creates the exception with a German user-facing message.</summary>
    public AssessmentRuleException(string message)
        : base(message)
    {
        Reasons = [message];
    }

    /// <summary>Creates the exception with a summary message and the individual reasons.</summary>
    public AssessmentRuleException(string message, IReadOnlyList<string> reasons)
        : base(message)
    {
        Reasons = reasons;
    }

    /// <summary>Creates an empty exception (for serializers); prefer the message constructors.</summary>
    public AssessmentRuleException()
        : this("Die Aktion ist nicht möglich.")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public AssessmentRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reasons = [message];
    }

    /// <summary>The individual German reasons (at least one), e.g. one per unmet guard.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
