namespace Grundschutz.TestSupport;

/// <summary>
/// A small OSCAL catalogue that imports with warnings: no oscal-version, and two links to requirements it does not
/// contain. Used by the import tests of the service and of the upload page.
/// </summary>
public static class CatalogueWithWarnings
{
    /// <summary>The German warnings of an import of <see cref="Bytes"/>, in order.</summary>
    public static readonly string[] GermanWarnings =
    [
        "Die Datei gibt keine OSCAL-Version an (metadata.oscal-version); sie wurde wie OSCAL 1.1 gelesen.",
        "2 Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. W.1 → X.9, W.2 → Y.1.",
    ];

    /// <summary>The catalogue file (UTF-8 JSON) with the given catalogue UUID.</summary>
    public static byte[] Bytes(string uuid) => System.Text.Encoding.UTF8.GetBytes($$"""
        { "catalog": { "uuid": "{{uuid}}",
          "metadata": { "title": "Warnkatalog", "version": "1" },
          "groups": [ { "id": "W", "title": "Gruppe", "controls": [
            { "id": "W.1", "title": "Eins", "links": [ { "rel": "required", "href": "#X.9" } ] },
            { "id": "W.2", "title": "Zwei", "links": [ { "rel": "related", "href": "#Y.1" } ] } ] } ] } }
        """);
}
