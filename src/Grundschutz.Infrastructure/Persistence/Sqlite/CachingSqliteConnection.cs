using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// A SQLite connection that keeps its prepared statements, and for that stays open between the requests of a pooled
/// DbContext.
/// <para>
/// Microsoft.Data.Sqlite prepares every command anew (<c>sqlite3_prepare_v2</c>: tokenising, parsing, name resolution,
/// query planning), and EF Core creates a new command for every statement: in the questionnaire's save loop that
/// compilation was about half of SQLite's share of the CPU. Closing a connection disposes all its commands, so a
/// statement could never outlive the request. This connection hands EF Core thin commands
/// (<see cref="CachedSqliteCommand"/>) that borrow a prepared <see cref="SqliteCommand"/> per SQL text from a cache and
/// give it back when EF Core disposes them; and when EF Core closes the connection (at the end of every use, and when
/// the pooled context goes back to the pool) it stays open – "parked" – with its cache.
/// </para>
/// <para>
/// Parked is safe only when the native connection holds nothing: no transaction (<c>sqlite3_get_autocommit</c>) and no
/// statement that has been stepped and not reset (<c>sqlite3_stmt_busy</c>) – either would keep a read snapshot, so the
/// connection would go on seeing old data and hold back WAL checkpoints. Otherwise, or after
/// <see cref="DoNotKeep"/>, a close really closes (and finalises all statements); so does Dispose.
/// </para>
/// </summary>
public sealed class CachingSqliteConnection : SqliteConnection
{
    /// <summary>At most this many SQL texts are kept prepared per connection (the app uses a few dozen).</summary>
    public const int MaxStatements = 200;

    /// <summary>
    /// At most this many connections are parked in the process at the same time (each holds a file handle, its page
    /// cache of up to 2 MB and its statements); beyond, a close really closes. EF Core's pool keeps up to 1,024
    /// contexts, so a burst of requests must not leave that many connections open.
    /// </summary>
    public const int MaxParked = 64;

    private static int s_parked;

    /// <summary>Connections parked right now in this process.</summary>
    public static int Parked => Volatile.Read(ref s_parked);

    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    private bool _keep = true;

    /// <summary>Commands rented and not yet given back.</summary>
    private int _inUse;

    /// <summary>Counts real closes: a command rented before one is not taken back (closing disposed it).</summary>
    private int _epoch;

    /// <summary>The current <see cref="_epoch"/>, for <see cref="Return"/>.</summary>
    internal int Epoch => _epoch;

    public CachingSqliteConnection(string? connectionString) : base(connectionString)
    {
    }

    /// <summary>Prepared commands waiting for their next use.</summary>
    public int CachedStatements => _statements.Count;

    /// <summary>Kept open by a close (and counted against <see cref="MaxParked"/>) until it really closes.</summary>
    public bool IsParked { get; private set; }

    /// <summary>How often a command found its statement prepared (for tests and the load program).</summary>
    public long Reused { get; private set; }

    /// <summary>How often a command had to be prepared.</summary>
    public long Prepared { get; private set; }

    /// <summary>The next close really closes (e.g. after a connection setting could not be restored).</summary>
    public void DoNotKeep() => _keep = false;

    public override void Open()
    {
        if (State == ConnectionState.Open)
        {
            return;
        }

        base.Open();
        // SQLitePCL lists a connection's statements (sqlite3_next_stmt, for the check before parking) only when asked
        // to track them; no statement of this connection is alive at this point (closing finalised them all).
        Handle!.enable_sqlite3_next_stmt(true);
    }

    public override void Close()
    {
        if (State != ConnectionState.Open)
        {
            return;
        }

        if (_keep && CanPark())
        {
            // Kept connections count until they really close, used or not: the cap bounds what pooled contexts hold.
            if (IsParked)
            {
                return;
            }

            if (Interlocked.Increment(ref s_parked) <= MaxParked)
            {
                IsParked = true;
                return;
            }

            Interlocked.Decrement(ref s_parked);
        }

        CloseNow();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseNow();
        }
        else
        {
            // Finalised without Dispose (EF Core's pool abandons its contexts' connections): only give back the place;
            // the native connection and its statements have finalisers of their own.
            Unpark();
        }

        base.Dispose(disposing);
    }

    protected override DbCommand CreateDbCommand() => new CachedSqliteCommand(this);

    /// <summary>A prepared command for this SQL text (taken out of the cache while in use), or a new one.</summary>
    internal SqliteCommand Rent(string sql)
    {
        _inUse++;
        if (_statements.Remove(sql, out var command))
        {
            Reused++;
            return command;
        }

        Prepared++;
        command = CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Takes a command back after use: kept for its SQL text while there is room, else disposed.</summary>
    internal void Return(SqliteCommand command, int epoch)
    {
        if (epoch != _epoch)
        {
            // Rented before the connection really closed: closing disposed it; it must not come back unregistered.
            command.Dispose();
            return;
        }

        _inUse--;
        command.Parameters.Clear();
        command.Transaction = null;
        if (State == ConnectionState.Open && command.Connection == this && command.CommandText.Length > 0
            && _statements.Count < MaxStatements && _statements.TryAdd(command.CommandText, command))
        {
            return;
        }

        command.Dispose();
    }

    private void Unpark()
    {
        if (IsParked)
        {
            IsParked = false;
            Interlocked.Decrement(ref s_parked);
        }
    }

    private void CloseNow()
    {
        Unpark();
        _keep = true;
        _inUse = 0;
        _epoch++;
        _statements.Clear();
        // Disposes every command of this connection (the cached ones included) and returns the native connection.
        base.Close();
    }

    /// <summary>No transaction, no command in use and no statement that would hold a read snapshot.</summary>
    private bool CanPark()
    {
        if (_inUse != 0 || Transaction is not null || Handle is not { } db || raw.sqlite3_get_autocommit(db) == 0)
        {
            return false;
        }

        try
        {
            // Every statement of the native connection, also those of commands made without this cache.
            for (var statement = raw.sqlite3_next_stmt(db, null); statement is not null && !statement.IsInvalid; statement = raw.sqlite3_next_stmt(db, statement))
            {
                if (raw.sqlite3_stmt_busy(statement) != 0)
                {
                    return false;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // SQLitePCL knows only the statements prepared through it (e.g. not those a virtual table module prepares
            // for itself): when it cannot list them, close rather than keep a connection that might hold a snapshot.
            return false;
        }

        return true;
    }
}
