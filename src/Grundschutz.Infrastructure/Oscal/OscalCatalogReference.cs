namespace Grundschutz.Infrastructure.Oscal;

/// <summary>The catalogue version an exported assessment is pinned to, as written into the back-matter.</summary>
/// <param name="Title">Catalogue title.</param>
/// <param name="Version">Version label.</param>
/// <param name="Sha256">SHA-256 of the imported file (lower-case hex).</param>
/// <param name="SourceFileName">File name it was imported from.</param>
public sealed record OscalCatalogReference(string Title, string Version, string Sha256, string SourceFileName);
