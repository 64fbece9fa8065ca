namespace Grundschutz.Domain.Catalog;

/// <summary>
/// The method family a catalogue belongs to. It decides which assessment approaches and which
/// verdict scale (ja/teilweise/nein/entbehrlich vs. binary umgesetzt) apply.
/// </summary>
public enum CatalogFramework
{
    /// <summary>Classic IT-Grundschutz (Kompendium, levels B/S/H).</summary>
    ItGrundschutz = 0,

    /// <summary>Grundschutz++ (Stand-der-Technik-Bibliothek, sec_level normal-SdT/erhöht).</summary>
    GrundschutzPlusPlus = 1,

    /// <summary>Any other OSCAL catalogue (e.g. ISO 27001 Annex A).</summary>
    Other = 2,
}
