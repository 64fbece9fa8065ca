using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Persistence.Catalog;

/// <summary>A catalogue (e.g. "BSI Stand der Technik Kernel") with all its imported versions.</summary>
public class StoredCatalog
{
    public int Id { get; set; }

    /// <summary>Stable key derived from the title (lower case, dashes), unique.</summary>
    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    public CatalogFramework Framework { get; set; }

    public List<StoredCatalogVersion> Versions { get; set; } = [];
}
