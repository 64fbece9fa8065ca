namespace Grundschutz.Domain.Municipalities;

/// <summary>
/// Kind of municipality. The numbers are the Destatis GV100AD Textkennzeichen: 60–64 and 67 for Gemeinden
/// (Satzart 60), 43–45 for Kreise (Satzart 40), which can be created by hand for Kreisverwaltungen. The
/// gemeindefreie Gebiete (Textkennzeichen 65/66) are not municipalities and are never imported.
/// </summary>
public enum MunicipalityType
{
    /// <summary>Markt (Textkennzeichen 60).</summary>
    Markt = 60,

    /// <summary>Kreisfreie Stadt (61).</summary>
    KreisfreieStadt = 61,

    /// <summary>Stadtkreis, the Baden-Württemberg term for a kreisfreie Stadt (62).</summary>
    Stadtkreis = 62,

    /// <summary>Stadt (kreisangehörig) (63).</summary>
    Stadt = 63,

    /// <summary>Kreisangehörige Gemeinde (64).</summary>
    Gemeinde = 64,

    /// <summary>Große Kreisstadt (67).</summary>
    GrosseKreisstadt = 67,

    /// <summary>Kreis (Satzart 40, Textkennzeichen 43); not in the import, for manual entries.</summary>
    Kreis = 43,

    /// <summary>Landkreis (Satzart 40, Textkennzeichen 44); not in the import, for manual entries.</summary>
    Landkreis = 44,

    /// <summary>Regionalverband (Satzart 40, Textkennzeichen 45); not in the import, for manual entries.</summary>
    Regionalverband = 45,
}
