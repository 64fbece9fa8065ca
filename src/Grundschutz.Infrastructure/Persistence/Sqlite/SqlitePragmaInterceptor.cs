using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every connection EF Core opens (the setting is per connection, not stored in
/// the file). With WAL, FULL syncs the WAL file at every commit: an acknowledged save survives a process kill and a
/// power loss. NORMAL syncs only at checkpoints: still safe against <c>kill -9</c> and never corrupt, but the last
/// commits before a power loss can be lost. See README, "Betrieb".
/// </summary>
public sealed class SqlitePragmaInterceptor(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
