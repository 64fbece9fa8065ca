namespace Grundschutz.Infrastructure.Importing;

/// <summary>Outcome for one imported document.</summary>
public sealed record CatalogImportResult(
    string FileName,
    int CatalogVersionId,
    string Title,
    string Version,
    int Groups,
    int Requirements,
    int Withdrawn,
    IReadOnlyList<string> Warnings,
    bool AlreadyImported);
