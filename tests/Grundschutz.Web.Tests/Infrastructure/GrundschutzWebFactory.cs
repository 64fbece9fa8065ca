using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Grundschutz.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh SQLite file with the real migrations, a <see cref="FakeTimeProvider"/>,
/// no demo data and no catalogues imported on start. Each factory owns its own database and key folder.
/// </summary>
public class GrundschutzWebFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grundschutz-tests", Guid.NewGuid().ToString("N"));
    private readonly AppDatabase _database;

    public GrundschutzWebFactory() => _database = new AppDatabase(_directory, "test.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(_directory, "test.db");

    /// <summary>
    /// Set GRUNDSCHUTZ_TEST_POSTGRES to a PostgreSQL connection string without a database name (e.g.
    /// "Host=127.0.0.1;Username=grundschutz;Password=…") to run the web tests against PostgreSQL: each factory
    /// then gets its own database, created by the real migrations and dropped afterwards.
    /// </summary>
    public static string? PostgresBase => Environment.GetEnvironmentVariable("GRUNDSCHUTZ_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Leave the database (the SQLite file's folder, or the PostgreSQL database) behind on dispose, for a test that
    /// stops the app and goes on with its database; the test removes it with <see cref="DeleteDatabase"/>.
    /// </summary>
    public bool KeepDatabaseOnDispose { get; init; }

    /// <summary>Extra configuration, applied after the defaults (e.g. a smaller upload limit).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Grundschutz", _database.ConnectionString);
        builder.UseSetting("Database:Provider", _database.Provider);

        builder.UseSetting("Startup:DemoData", "false");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_directory, "keys"));
        // All test clients share one address; the login limit has its own test.
        builder.UseSetting("Security:LoginAttemptsPerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        GrundschutzApp.InitializeAsync(host.Services).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A client that keeps cookies, speaks https (cookies are Secure) and does not follow redirects.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Creates a user with a known password and the given roles.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string userName, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = userName };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    /// <summary>Creates an administrator and returns a client signed in through the real login form.</summary>
    public async Task<HttpClient> CreateAdminClientAsync(string userName = "test-admin")
    {
        const string password = "Test-Passwort-123";
        await CreateUserAsync(userName, password, Roles.Administrator);
        var client = CreateBrowserClient();
        await Html.LoginAsync(client, userName, password);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDatabaseOnDispose)
        {
            DeleteDatabase();
        }
    }

    /// <summary>Drops this factory's PostgreSQL database and deletes its folder (SQLite file, keys).</summary>
    public void DeleteDatabase()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect other tests.
        }
    }

    /// <summary>Drops a test database on the PostgreSQL server of <paramref name="connectionBase"/> (ends leftover sessions).</summary>
    public static void DropPostgresDatabase(string connectionBase, string database)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection($"{connectionBase};Database=postgres");
        connection.Open();
        using var command = connection.CreateCommand();
        // A plain DROP stops autovacuum workers on the database itself; WITH (FORCE) also ends our own leftover sessions
        // but fails (42501) while an autovacuum worker – a superuser process – is connected. So: plain first, FORCE when
        // sessions of ours are still open, and try again shortly when autovacuum was in the way.
        // The name is generated above (gs_test_ + hex), never user input.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\"";
                command.ExecuteNonQuery();
                return;
            }
            catch (Npgsql.PostgresException plain) when (plain.SqlState == Npgsql.PostgresErrorCodes.ObjectInUse)
            {
                try
                {
                    command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
                    command.ExecuteNonQuery();
                    return;
                }
                catch (Npgsql.PostgresException force) when (force.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
                {
                    Thread.Sleep(200);
                }
            }
        }
    }
}
