using System.Collections.Concurrent;

namespace Grundschutz.Infrastructure.Persistence.Sqlite;

/// <summary>
/// One saving context at a time per SQLite file in this process, the others queued without holding a thread.
/// SQLite lets one connection write at a time; without the gate, a second writer retries inside SQLite's busy handler,
/// which sleeps the thread in growing steps (1, 2, 5, 10 … 100 ms) and lets a newcomer overtake a waiting writer. Under
/// concurrent saves that made a few saves wait 40–130 ms even at 17 % CPU, and with more threads in the pool up to
/// seconds (load program "save", README „Benchmarks“). Here waiting writers queue in arrival order and none of them blocks
/// a pool thread that the writer holding the lock needs to finish. Writers outside SaveChanges (explicit transactions,
/// bulk statements, other processes such as the CLI) still meet SQLite's busy handler, as before.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the database file <paramref name="dataSource"/> (a full path; in-memory databases share one gate per name).</summary>
    public static SemaphoreSlim For(string dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return Gates.GetOrAdd(dataSource, _ => new SemaphoreSlim(1, 1));
    }
}
