namespace Grundschutz.Domain.Municipalities;

/// <summary>German names of the municipality types (also the resource keys of the UI), in the order forms offer them.</summary>
public static class MunicipalityTypeNames
{
    public static IReadOnlyList<(MunicipalityType Type, string Name)> All { get; } =
    [
        (MunicipalityType.Gemeinde, "Gemeinde"),
        (MunicipalityType.Stadt, "Stadt"),
        (MunicipalityType.Markt, "Markt"),
        (MunicipalityType.GrosseKreisstadt, "Große Kreisstadt"),
        (MunicipalityType.KreisfreieStadt, "Kreisfreie Stadt"),
        (MunicipalityType.Stadtkreis, "Stadtkreis"),
        (MunicipalityType.Kreis, "Kreis"),
        (MunicipalityType.Landkreis, "Landkreis"),
        (MunicipalityType.Regionalverband, "Regionalverband"),
    ];

    /// <summary>The German name, e.g. „Große Kreisstadt“ (never the enum identifier).</summary>
    public static string Of(MunicipalityType type) => All.FirstOrDefault(t => t.Type == type).Name ?? type.ToString();
}
