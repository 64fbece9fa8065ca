using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Startup;

/// <summary>
/// Several instances of the app (a state-wide deployment behind a load balancer, all restarted by one rollout) start
/// at the same moment on a database that does not exist yet: every instance starts, and the database ends up created
/// once and fully migrated. (On PostgreSQL two instances may both find the database missing and both create it.)
/// </summary>
public sealed class ConcurrentStartTests : IDisposable
{
    private const int Instances = 3;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grundschutz-concurrent-start", Guid.NewGuid().ToString("N"));
    private readonly AppDatabase _database;

    public ConcurrentStartTests()
    {
        Directory.CreateDirectory(_folder);
        _database = new AppDatabase(_folder);
    }

    [Fact]
    public async Task InstancesStartedAtOnce_OnANewDatabase_AllStart_AndItIsFullyMigrated()
    {
        var factories = Enumerable.Range(0, Instances).Select(_ => new GrundschutzWebFactory()).ToList();
        try
        {
            foreach (var factory in factories)
            {
                factory.Settings["ConnectionStrings:Grundschutz"] = _database.ConnectionString;
            }

            using var go = new ManualResetEventSlim();
            var starts = factories.Select(f => Task.Run(() =>
            {
                go.Wait();
                return f.Services;
            })).ToList();
            go.Set();
            await Task.WhenAll(starts);

            foreach (var factory in factories)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            }
        }
        finally
        {
            factories.ForEach(f => f.Dispose());
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }
}
