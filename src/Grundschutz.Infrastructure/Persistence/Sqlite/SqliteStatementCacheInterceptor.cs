using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Gives EF Core a <see cref="CachingSqliteConnection"/> instead of a plain SqliteConnection (<c>Database:SqliteStatementCache</c>,
/// default on): prepared statements are kept per pooled context instead of being compiled for every command.
/// </summary>
public sealed class SqliteStatementCacheInterceptor : DbConnectionInterceptor
{
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return result.HasResult || eventData.ConnectionString is not { } connectionString
            ? result
            : InterceptionResult<DbConnection>.SuppressWithResult(new CachingSqliteConnection(connectionString));
    }
}
