using Grundschutz.Domain.Catalog;
using Grundschutz.TestSupport;

namespace Grundschutz.Domain.Tests.Catalog.Oscal;

/// <summary>Reads the small OSCAL fixtures and the official Grundschutz++ files through the real pipeline.</summary>
internal static class OscalFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Oscal", name);

    public static CatalogDocument Read(string name, IReadOnlyList<AvailableCatalog>? available = null, CatalogReadOptions? options = null)
    {
        using var stream = File.OpenRead(PathOf(name));
        return CatalogPipeline.Read(stream, name, available ?? [], options ?? new CatalogReadOptions());
    }

    public static CatalogFormatException ReadFails(string name, IReadOnlyList<AvailableCatalog>? available = null, CatalogReadOptions? options = null) =>
        Assert.Throws<CatalogFormatException>(() => Read(name, available, options));

    public static AvailableCatalog Available(string name) => new(name, Read(name));

    /// <summary>An official file from ../shared (skips the test when the data is absent).</summary>
    public static CatalogDocument Official(string relativePath, IReadOnlyList<AvailableCatalog>? available = null)
    {
        var path = SharedFiles.GsPlusPlus(relativePath);
        using var stream = File.OpenRead(path);
        return CatalogPipeline.Read(stream, Path.GetFileName(path), available ?? [], new CatalogReadOptions());
    }

    public static AvailableCatalog OfficialAvailable(string fileName) => new(fileName, Official(fileName));

    public static Requirement Requirement(this CatalogDocument document, string id) =>
        document.Requirements.Single(r => r.Id == id);

    public static int Depth(this CatalogDocument document, Requirement requirement)
    {
        var byId = document.Requirements.ToDictionary(r => r.Id);
        var depth = 0;
        for (var parent = requirement.ParentId; parent is not null; parent = byId[parent].ParentId)
        {
            depth++;
        }

        return depth;
    }

    public static Dictionary<string, int> CountBy(this IEnumerable<Requirement> requirements, Func<Requirement, string?> key) =>
        requirements.GroupBy(r => key(r) ?? "(null)").ToDictionary(g => g.Key, g => g.Count());
}
