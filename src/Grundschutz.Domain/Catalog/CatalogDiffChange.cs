namespace Grundschutz.Domain.Catalog;

/// <summary>A requirement present in both versions whose compared fields differ.</summary>
/// <param name="From">The requirement in the older version.</param>
/// <param name="To">The requirement in the newer version.</param>
/// <param name="Fields">Every compared field that differs (never <see cref="CatalogDiffFields.None"/>).</param>
public sealed record CatalogDiffChange(Requirement From, Requirement To, CatalogDiffFields Fields)
{
    /// <summary>The requirement id (the same in both versions).</summary>
    public string Id => To.Id;

    /// <summary>True when <paramref name="field"/> is among the changed fields.</summary>
    public bool Has(CatalogDiffFields field) => (Fields & field) == field && field != CatalogDiffFields.None;
}
