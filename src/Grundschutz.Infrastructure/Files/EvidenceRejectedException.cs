namespace Grundschutz.Infrastructure.Files;

/// <summary>An evidence upload was refused (type, size, content). The message is German and meant for the user; nothing was stored.</summary>
public sealed class EvidenceRejectedException : Exception
{
    public EvidenceRejectedException()
        : this("Die Datei wurde abgelehnt.")
    {
    }

    public EvidenceRejectedException(string message)
        : base(message)
    {
    }

    public EvidenceRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
