using System.Globalization;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Oscal;

/// <summary>
/// The application with the NIST OSCAL schemas from ../shared and a small import limit (<see cref="MaxImportBytes"/>),
/// so that the size test needs no large file.
/// </summary>
public sealed class OscalWebFactory : GrundschutzWebFactory
{
    public const long MaxImportBytes = 512 * 1024;

    public OscalWebFactory()
    {
        Settings["Oscal:MaxImportBytes"] = MaxImportBytes.ToString(CultureInfo.InvariantCulture);
        try
        {
            Settings["Oscal:SchemaDirectory"] = SharedFiles.Require(Path.Combine("oscal-schemas", "v1.1.3"));
        }
#pragma warning disable CA1031 // Missing data: the tests themselves call SharedFiles.Require and skip (or fail under CI).
        catch (Exception)
#pragma warning restore CA1031
        {
            Settings["Oscal:SchemaDirectory"] = Path.Combine(Path.GetTempPath(), "no-oscal-schemas");
        }
    }

    public static string SchemaDirectory => SharedFiles.Require(Path.Combine("oscal-schemas", "v1.1.3"));

    /// <summary>Imports files from ../shared/catalogs/grundschutz-plusplus (no-op when imported) and returns their ids in order.</summary>
    public async Task<IReadOnlyList<int>> ImportGsPlusPlusAsync(params string[] fileNames)
    {
        var files = fileNames.Select(f => CatalogImportFile.FromPath(SharedFiles.GsPlusPlus(f))).ToList();
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var results = await importer.ImportAsync(files, "test", CancellationToken.None);
        return results.Select(r => r.CatalogVersionId).ToList();
    }

    /// <summary>Imports the official Kompendium 2023 (a no-op when already imported) and returns its version id.</summary>
    public async Task<int> KompendiumVersionIdAsync()
    {
        var path = SharedFiles.Kompendium2023;
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
        var results = await importer.ImportAsync([CatalogImportFile.FromPath(path)], "test", CancellationToken.None);
        return results[0].CatalogVersionId;
    }
}
