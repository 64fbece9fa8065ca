using System.Security.Cryptography;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Oscal;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Runs once per start: roles, the first administrator (one-time password printed to the console, never a
/// fixed default), the demo catalogue in Development and the catalogues listed in CatalogImport:ImportOnStart.
/// </summary>
public sealed class StartupSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    CatalogImportService importer,
    IOptions<StartupOptions> options,
    IOptions<CatalogImportOptions> importOptions,
    IWebHostEnvironment environment,
    IServiceProvider services,
    ILogger<StartupSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await EnsureAdministratorAsync();

        if (options.Value.DemoData ?? environment.IsDevelopment())
        {
            await ImportIfPresentAsync(options.Value.DemoCatalog, "Demo-Katalog", cancellationToken);
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).SeedAsync(cancellationToken);
        }

        foreach (var path in importOptions.Value.ImportOnStart.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            await ImportIfPresentAsync(path, "Katalog", cancellationToken);
        }

        // Not a reason to stop (the default points beside a checkout, and the upload is an optional feature), but the
        // operator should read it at start rather than from the first user whose upload is refused.
        var schemas = services.GetRequiredService<OscalSchemaValidator>();
        if (!schemas.IsAvailable(OscalSchemaKind.AssessmentResults))
        {
            logger.LogWarning(
                "Oscal:SchemaDirectory: {Directory} has no {File}; uploads of OSCAL assessment results are refused until it has.",
                schemas.SchemaDirectory,
                "oscal_assessment-results_schema.json");
        }
    }

    private async Task EnsureAdministratorAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var userName = options.Value.AdminUserName;
        var password = OneTimePassword();
        var admin = await users.FindByNameAsync(userName);
        if (admin is null)
        {
            admin = new ApplicationUser { UserName = userName, DisplayName = "Administration", MustChangePassword = true };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Administrator konnte nicht angelegt werden: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        else
        {
            admin.MustChangePassword = true;
            var token = await users.GeneratePasswordResetTokenAsync(admin);
            await users.ResetPasswordAsync(admin, token, password);
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        logger.LogWarning("First administrator '{UserName}' created; the one-time password was printed to the console.", userName);
        // Deliberately on the console only, never in a log sink: it is a secret that must be changed on first login.
        Console.WriteLine();
        Console.WriteLine("================================================================");
        Console.WriteLine($" Erste Anmeldung als Administrator: Benutzer „{userName}“");
        Console.WriteLine($" Einmal-Passwort: {password}");
        Console.WriteLine(" Das Passwort muss bei der ersten Anmeldung geändert werden.");
        Console.WriteLine("================================================================");
        Console.WriteLine();
    }

    private async Task ImportIfPresentAsync(string configuredPath, string what, CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(configuredPath) ? configuredPath : Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuredPath));
        if (!File.Exists(path))
        {
            logger.LogInformation("{What} {Path} not found; skipped.", what, path);
            return;
        }

        try
        {
            var results = await importer.ImportAsync([CatalogImportFile.FromPath(path)], "system", cancellationToken);
            foreach (var r in results.Where(r => !r.AlreadyImported))
            {
                logger.LogInformation("{What} imported: {Title} ({Requirements} requirements)", what, r.Title, r.Requirements);
            }
        }
        catch (CatalogImportException ex)
        {
            // A broken file must not stop the application; the administrator sees the reason in the log.
            logger.LogError("{What} could not be imported: {Message}", what, ex.Message);
        }
    }

    /// <summary>16 characters from an unambiguous alphabet, with upper, lower and digit guaranteed.</summary>
    public static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
