namespace Grundschutz.Infrastructure.Persistence.Catalog;

/// <summary>A link between two requirements of one catalogue version (both directions are queried).</summary>
public class StoredRequirementLink
{
    public int Id { get; set; }

    public int CatalogVersionId { get; set; }

    public string FromRequirementId { get; set; } = "";

    public string ToRequirementId { get; set; } = "";

    /// <summary>required, related, …</summary>
    public string Rel { get; set; } = "";
}
