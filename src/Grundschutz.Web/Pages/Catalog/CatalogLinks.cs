namespace Grundschutz.Web.Pages.Catalog;

/// <summary>URLs of the catalogue browser; ids are data and therefore escaped.</summary>
internal static class CatalogLinks
{
    public static string Version(int versionId) => $"/Catalog/Versions/{versionId}";

    public static string Group(int versionId, string groupId) =>
        $"/Catalog/Versions/{versionId}/Groups/{Uri.EscapeDataString(groupId)}";

    public static string Requirement(int versionId, string requirementId) =>
        $"/Catalog/Versions/{versionId}/Requirements/{Uri.EscapeDataString(requirementId)}";

    public static string Diff(int fromVersionId, int toVersionId) => $"/Catalog/Diff?from={fromVersionId}&to={toVersionId}";

    public static string Search(int versionId) => $"/Catalog/Search?version={versionId}";
}
