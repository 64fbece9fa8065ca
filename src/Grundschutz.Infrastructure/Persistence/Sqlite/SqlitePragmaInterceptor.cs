using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every connection EF Core opens (the setting is per connection, not stored in
/// the file). With WAL, FULL syncs the WAL file at every commit: an acknowledged save survives a process kill and a
/// power loss. NORMAL syncs only at checkpoints: still safe against <c>kill -9</c> and never corrupt, but the last
/// commits before a power loss can be lost. See README, "Operations".
/// Also sets <c>PRAGMA busy_timeout</c>: when another connection holds the write lock, SQLite's own busy handler waits
/// in steps of a few milliseconds. Without it Microsoft.Data.Sqlite retries a busy statement after a fixed
/// <c>Thread.Sleep(150)</c>, which under concurrent saves dominated the save latency (load program "save").
/// Both settings live on the native connection, which the connection pool keeps open: they are sent once per native
/// connection, not on every open (EF Core opens and closes the pooled connection around each query).
/// </summary>
public sealed class SqlitePragmaInterceptor(SqliteSynchronous synchronous, bool groupCommit = true) : DbConnectionInterceptor
{
    /// <summary>The configured synchronous mode.</summary>
    public SqliteSynchronous Synchronous => synchronous;

    /// <summary>Whether saves through the write gate use <see cref="SqliteGroupCommit"/> (only with FULL).</summary>
    public bool GroupCommit => groupCommit && synchronous == SqliteSynchronous.Full;

    /// <summary>How long a statement waits for the write lock before it fails with "database is locked".</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private readonly string _sql = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";

    /// <summary>Native connections (pooled) that already have the settings, with the settings they have.</summary>
    private static readonly ConditionalWeakTable<object, string> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    /// <summary>Makes the next open of this native connection send the settings again (after a failed change).</summary>
    public static void Forget(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.Remove(handle);
        }
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out var sql) && string.Equals(sql, _sql, StringComparison.Ordinal);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, _sql);
        }
    }
}
