namespace Grundschutz.Domain.Evidence;

/// <summary>A policy upload broke a rule; the message is German and meant for the user.</summary>
public sealed class PolicyRuleException : Exception
{
    public PolicyRuleException()
    {
    }

    public PolicyRuleException(string message)
        : base(message)
    {
    }

    public PolicyRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
