namespace Grundschutz.Infrastructure.Evidence;

/// <summary>An evidence package cannot be made; the message is German and meant for the user.</summary>
public sealed class EvidencePackageException : Exception
{
    public EvidencePackageException()
    {
    }

    public EvidencePackageException(string message)
        : base(message)
    {
    }

    public EvidencePackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
