using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Group commit for saves through the <see cref="SqliteWriteGate"/> when <c>Database:SqliteSynchronous</c> is Full
/// (the default) and the file is in WAL mode. With <c>synchronous=FULL</c> SQLite syncs the WAL at every commit while
/// it holds the write lock, so under concurrent saves every writer queued behind one fsync after another. Here a gated
/// save commits with <c>synchronous=NORMAL</c> (the commit is written to the WAL, not yet synced), leaves the gate, and
/// only then waits until the WAL file is synced – one fsync serves every commit written before it started, so
/// concurrent saves share them. A save is acknowledged (SaveChanges returns) only after its commit is synced: the same
/// promise as FULL (an acknowledged save survives a power loss), at the cost of a shorter window in which other
/// connections can already read a commit that is not yet synced (after a power loss in that window it is gone, and with
/// it everything committed after it: the WAL is replayed as a prefix). Checkpoints keep their own syncs (NORMAL syncs
/// the WAL before and the database file after copying), so a commit that a checkpoint moved out of the WAL is synced
/// too. Writes outside the gate (explicit transactions, bulk statements) keep FULL.
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "One per database file for the life of the process, like the write gate.")]
public sealed class SqliteGroupCommit
{
    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> Files = new(StringComparer.Ordinal);

    private string? _walPath;
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private long _committed;
    private long _durable;
    private long _syncs;
    private int _wal = -1;

    private SqliteGroupCommit()
    {
    }

    /// <summary>The group commit of the database file <paramref name="dataSource"/> (one per file in this process).</summary>
    public static SqliteGroupCommit For(string dataSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataSource);
        return Files.GetOrAdd(Path.GetFullPath(dataSource), _ => new SqliteGroupCommit());
    }

    /// <summary>How many commits were made through this group commit.</summary>
    public long Committed => Volatile.Read(ref _committed);

    /// <summary>Every commit up to this number (see <see cref="Committed"/>) is synced.</summary>
    public long Durable => Volatile.Read(ref _durable);

    /// <summary>How many times the WAL file was synced (not counting syncs that found the WAL already checkpointed and removed).</summary>
    public long Syncs => Volatile.Read(ref _syncs);

    /// <summary>
    /// Whether the database behind <paramref name="connection"/> (open) is in WAL mode: group commit needs the WAL.
    /// Asked once per file (the mode is stored in the file and the application sets it at start), together with the
    /// file's real path as SQLite opened it (a URI or relative data source names it differently), next to which the WAL lies.
    /// </summary>
    public bool Applies(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var wal = Volatile.Read(ref _wal);
        if (wal < 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT file FROM pragma_database_list WHERE name = 'main');";
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                var file = reader.IsDBNull(1) ? "" : reader.GetString(1);
                wal = string.Equals(reader.GetString(0), "wal", StringComparison.OrdinalIgnoreCase) && file.Length > 0 ? 1 : 0;
                _walPath = file + "-wal";
            }

            Volatile.Write(ref _wal, wal);
        }

        return wal == 1;
    }

    /// <summary>Sets the synchronous mode of the (open) connection: NORMAL before a gated save, FULL again after it.</summary>
    public static void SetSynchronous(DbConnection connection, bool full)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>Counts a commit just made (call inside the write gate, after the commit); returns its ticket.</summary>
    public long Commit() => Interlocked.Increment(ref _committed);

    /// <summary>
    /// Returns once the commit with <paramref name="ticket"/> is synced: at once if a sync that started after it
    /// already finished, else after the next sync (which covers every commit counted before it starts). Not
    /// cancellable: the caller must not acknowledge the save before.
    /// </summary>
    public async ValueTask MakeDurableAsync(long ticket)
    {
        if (Durable >= ticket)
        {
            return;
        }

        await _syncing.WaitAsync().ConfigureAwait(false);
        try
        {
            SyncUpTo(ticket);
        }
        finally
        {
            _syncing.Release();
        }
    }

    /// <summary>The synchronous twin of <see cref="MakeDurableAsync"/>.</summary>
    public void MakeDurable(long ticket)
    {
        if (Durable >= ticket)
        {
            return;
        }

        _syncing.Wait();
        try
        {
            SyncUpTo(ticket);
        }
        finally
        {
            _syncing.Release();
        }
    }

    private void SyncUpTo(long ticket)
    {
        if (Durable >= ticket)
        {
            return;
        }

        // Every commit counted so far has been written to the WAL before it was counted.
        var upTo = Committed;
        try
        {
            using var wal = new FileStream(_walPath!, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            wal.Flush(flushToDisk: true);
            Interlocked.Increment(ref _syncs);
        }
        catch (FileNotFoundException)
        {
            // The last connection closed and removed the WAL: it checkpointed every commit into the database file
            // and synced that file first.
        }

        Volatile.Write(ref _durable, upTo);
    }
}
