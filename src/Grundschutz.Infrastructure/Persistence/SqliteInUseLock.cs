namespace Grundschutz.Infrastructure.Persistence;

/// <summary>
/// Marks a SQLite database as served: every running server holds a shared lock on a file beside the database
/// (<c>grundschutz.db.in-use</c>) for as long as it runs, and <c>restore</c> takes the lock exclusively – so it refuses
/// while a server runs (which would go on with pages of the old database in memory and caches of its content) instead
/// of replacing the data under it, and a server starting during a restore waits for it. Advisory file locks (flock):
/// released by the operating system when a process dies, also after kill -9.
/// </summary>
public sealed class SqliteInUseLock : IDisposable
{
    public const string Suffix = ".in-use";

    private FileStream? _held;

    /// <summary>The lock file of the database at <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) => databasePath + Suffix;

    /// <summary>Takes the shared lock for this server (waits while a restore holds it exclusively).</summary>
    public async Task HoldAsync(string databasePath, CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            return;
        }

        var path = PathFor(databasePath);
        while (true)
        {
            try
            {
                // Read access: .NET takes a shared flock for it on every file system (for write access not on NFS/SMB).
                _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
                return;
            }
            catch (IOException) when (File.Exists(path))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Takes the lock exclusively (for a restore); null when a server holds it. Dispose the returned stream to release it.
    /// </summary>
    public static FileStream? TryTakeExclusive(string databasePath)
    {
        try
        {
            return new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _held?.Dispose();
}
