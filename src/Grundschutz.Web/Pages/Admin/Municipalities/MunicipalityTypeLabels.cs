using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>German labels (resource keys) of the municipality types, in the order the form offers them.</summary>
public static class MunicipalityTypeLabels
{
    public static IReadOnlyList<(MunicipalityType Type, string Label)> All => MunicipalityTypeNames.All;

    public static string Of(MunicipalityType type) => MunicipalityTypeNames.Of(type);
}
