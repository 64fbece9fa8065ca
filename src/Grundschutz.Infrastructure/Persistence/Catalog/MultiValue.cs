namespace Grundschutz.Infrastructure.Persistence.Catalog;

/// <summary>Encodes multi-valued text fields as "|a|b|" and back.</summary>
public static class MultiValue
{
    public static string Encode(IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().Replace("|", "/", StringComparison.Ordinal)).ToList();
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }

    public static IReadOnlyList<string> Decode(string? encoded) =>
        string.IsNullOrEmpty(encoded)
            ? []
            : encoded.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The LIKE/Contains needle that matches one value exactly.</summary>
    public static string Needle(string value) => "|" + value.Trim() + "|";
}
