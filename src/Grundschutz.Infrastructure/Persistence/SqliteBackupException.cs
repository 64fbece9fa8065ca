namespace Grundschutz.Infrastructure.Persistence;

/// <summary>A backup or restore refused or failed; the message is German and meant for the operator.</summary>
public sealed class SqliteBackupException : Exception
{
    public SqliteBackupException() { }

    public SqliteBackupException(string message) : base(message) { }

    public SqliteBackupException(string message, Exception innerException) : base(message, innerException) { }
}
