using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog;

/// <summary>
/// A whole catalogue as read from one file: flat lists of groups and requirements in source order,
/// plus the warnings the reader produced. Immutable.
/// </summary>
public sealed record CatalogDocument
{
    /// <summary>The format the document was read from.</summary>
    public required CatalogFormat Format { get; init; }

    /// <summary>The method family.</summary>
    public required CatalogFramework Framework { get; init; }

    /// <summary>Title, e.g. "BSI Stand der Technik Kernel" or "IT-Grundschutz-Kompendium".</summary>
    public required string Title { get; init; }

    /// <summary>Version as the source states it (OSCAL metadata.version; Kompendium "Edition 2023").</summary>
    public required string Version { get; init; }

    /// <summary>OSCAL version declared by the source, if any.</summary>
    public string? OscalVersion { get; init; }

    /// <summary>Publication date as the source states it, if any.</summary>
    public string? Published { get; init; }

    /// <summary>
    /// The language of the texts as the file states it or as its publisher is known to write (BCP 47, normalised, see
    /// <see cref="CatalogLanguage"/>): <c>xml:lang</c> or German for the Kompendium, a <c>metadata.props</c> entry or
    /// German for the BSI's Grundschutz++ catalogues, the profile's own or its catalogues' common language for a
    /// profile. Null when nothing says; the import then uses its default or the administrator's choice.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Source document uuid (OSCAL), if any.</summary>
    public string? SourceUuid { get; init; }

    /// <summary>All groups, parents before children.</summary>
    public required IReadOnlyList<CatalogGroup> Groups { get; init; }

    /// <summary>All requirements including nested and withdrawn ones, parents before children.</summary>
    public required IReadOnlyList<Requirement> Requirements { get; init; }

    /// <summary>
    /// Non-fatal findings, e.g. a normalised id or an id outside OSCAL's token pattern. Built from formats that are
    /// their resource keys (the pages translate them); <c>ToString()</c> gives the German text.
    /// </summary>
    public IReadOnlyList<MessageText> Warnings { get; init; } = [];

    /// <summary>Number of withdrawn requirements.</summary>
    public int WithdrawnCount => Requirements.Count(r => r.Withdrawn);
}
