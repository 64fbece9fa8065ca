using System.Data.Common;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>
/// The seeder's inserts of all tables of one transaction, sent to the database server together – up to
/// <see cref="Size"/> statements per round trip, in the order they were made, so parents still come before their
/// children – where the provider supports batches (Npgsql: one round trip per row made seeding NRW on PostgreSQL
/// take 112 s, batches 34 s). SQLite runs in the process, has no batches and no round trips: there each row is
/// written at once.
/// </summary>
internal sealed class BulkBatch(DbConnection connection, DbTransaction transaction) : IDisposable
{
    /// <summary>
    /// Statements per round trip: 100 was as fast as 500 and kept the seeding's peak memory lower (bench/README.md).
    /// </summary>
    public const int Size = 100;

    private DbBatch? _batch;

    /// <summary>True when rows are collected and sent together; false when each row is written at once.</summary>
    public bool Enabled { get; } = connection.CanCreateBatch;

    /// <summary>A statement for the batch (add it with <see cref="Add"/>).</summary>
    public DbBatchCommand CreateCommand() => (_batch ??= NewBatch()).CreateBatchCommand();

    /// <summary>Queues the statement; sends the batch when it is full.</summary>
    public void Add(DbBatchCommand command)
    {
        var batch = _batch ??= NewBatch();
        batch.BatchCommands.Add(command);
        if (batch.BatchCommands.Count >= Size)
        {
            Flush();
        }
    }

    /// <summary>Sends what is queued. Call before committing.</summary>
    public void Flush()
    {
        if (_batch is not { BatchCommands.Count: > 0 } batch)
        {
            return;
        }

        batch.ExecuteNonQuery();
        batch.Dispose();
        _batch = null;
    }

    public void Dispose() => _batch?.Dispose();

    private DbBatch NewBatch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }
}
