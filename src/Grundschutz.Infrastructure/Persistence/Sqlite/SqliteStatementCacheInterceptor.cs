using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Gives EF Core a <see cref="CachingSqliteConnection"/> instead of a plain SqliteConnection (<c>Database:SqliteStatementCache</c>,
/// default on): prepared statements are kept per pooled context instead of being compiled for every command.
/// EF Core does not dispose the connections of pooled contexts when the pool ends, and these stay open between uses:
/// the interceptor (a singleton of the app) closes the ones it handed out when the app stops.
/// </summary>
public sealed class SqliteStatementCacheInterceptor : DbConnectionInterceptor, IDisposable
{
    private readonly List<WeakReference<CachingSqliteConnection>> _connections = [];

    private bool _disposed;

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult || eventData.ConnectionString is not { } connectionString)
        {
            return result;
        }

        var connection = new CachingSqliteConnection(connectionString);
        lock (_connections)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _connections.RemoveAll(c => !c.TryGetTarget(out _));
            _connections.Add(new WeakReference<CachingSqliteConnection>(connection));
        }

        return InterceptionResult<DbConnection>.SuppressWithResult(connection);
    }

    /// <summary>Closes every connection handed out that is still open (at the end of the app; nothing uses them any more).</summary>
    public void Dispose()
    {
        List<CachingSqliteConnection> open;
        lock (_connections)
        {
            _disposed = true;
            open = [.. _connections.Select(c => c.TryGetTarget(out var connection) ? connection : null).OfType<CachingSqliteConnection>()];
            _connections.Clear();
        }

        foreach (var connection in open)
        {
            connection.Dispose();
        }
    }
}
