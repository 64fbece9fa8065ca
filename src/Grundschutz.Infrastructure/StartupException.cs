using System.Data.Common;

namespace Grundschutz.Infrastructure;

/// <summary>
/// The app cannot start as configured: a setting is wrong or the database cannot be reached or set up. The message is
/// for the operator – it names the setting (or the database) and what to do – and is written to the console without a
/// stack trace; the process ends with exit code 1.
/// </summary>
public sealed class StartupException : InvalidOperationException
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>One exception for every problem found, one line each.</summary>
    public StartupException(IReadOnlyCollection<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public StartupException()
    {
    }

    /// <summary>The problems found by the configuration check (empty for a database failure).</summary>
    public IReadOnlyCollection<string> Problems { get; } = [];

    /// <summary>
    /// The first database error in <paramref name="exception"/>'s chain (EF Core wraps them, e.g. „An exception has been
    /// raised that is likely due to a transient failure“), with its cause when it has one; null when there is none.
    /// </summary>
    public static string? DatabaseError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException db)
            {
                return db.InnerException is { } cause && !db.Message.Contains(cause.Message, StringComparison.Ordinal)
                    ? $"{db.Message} ({cause.Message})"
                    : db.Message;
            }
        }

        return null;
    }
}
