using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The command EF Core gets from a <see cref="CachingSqliteConnection"/>: setting its SQL text borrows the connection's
/// prepared <see cref="SqliteCommand"/> for that text, disposing it gives that command back (parameters cleared; the
/// statements were reset when their reader was disposed). Everything else is passed through.
/// </summary>
internal sealed class CachedSqliteCommand(CachingSqliteConnection connection) : DbCommand
{
    private SqliteCommand? _inner;
    private int _epoch;
    private string _commandText = string.Empty;
    private int? _timeout;
    private SqliteTransaction? _transaction;

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            value ??= string.Empty;
            if (_inner is null)
            {
                _epoch = connection.Epoch;
                _inner = connection.Rent(value);
            }
            else if (!string.Equals(_inner.CommandText, value, StringComparison.Ordinal))
            {
                // Parameters were added before the text, or the text changes: no sharing for this command.
                _inner.CommandText = value;
            }

            _commandText = value;
            Apply(_inner);
        }
    }

    public override int CommandTimeout
    {
        get => _timeout ?? connection.DefaultTimeout;
        set
        {
            _timeout = value;
            if (_inner is not null)
            {
                _inner.CommandTimeout = value;
            }
        }
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException("SQLite kennt nur CommandType.Text.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
            {
                throw new NotSupportedException("Ein Befehl dieser Verbindung kann nicht auf eine andere Verbindung umgesetzt werden.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set
        {
            _transaction = (SqliteTransaction?)value;
            if (_inner is not null)
            {
                _inner.Transaction = _transaction;
            }
        }
    }

    /// <summary>The borrowed command; a command used before its text is set gets one of its own.</summary>
    private SqliteCommand Inner
    {
        get
        {
            if (_inner is null)
            {
                _epoch = connection.Epoch;
                _inner = connection.Rent(string.Empty);
                Apply(_inner);
            }

            return _inner;
        }
    }

    public override void Cancel()
    {
        // SQLite statements cannot be cancelled from another thread here (Microsoft.Data.Sqlite does nothing either).
    }

    public override int ExecuteNonQuery() => Inner.ExecuteNonQuery();

    public override object? ExecuteScalar() => Inner.ExecuteScalar();

    public override void Prepare() => Inner.Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Inner.ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner is { } inner)
        {
            _inner = null;
            connection.Return(inner, _epoch);
        }

        base.Dispose(disposing);
    }

    private void Apply(SqliteCommand inner)
    {
        inner.Transaction = _transaction;
        if (_timeout is { } timeout)
        {
            inner.CommandTimeout = timeout;
        }
    }
}
