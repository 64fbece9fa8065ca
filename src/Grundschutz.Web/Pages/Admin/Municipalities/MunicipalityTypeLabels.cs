using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>German labels (resource keys) of the municipality types, in the order the form offers them.</summary>
public static class MunicipalityTypeLabels
{
    public static IReadOnlyList<(MunicipalityType Type, string Label)> All { get; } =
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

    public static string Of(MunicipalityType type) => All.FirstOrDefault(t => t.Type == type).Label ?? type.ToString();
}
