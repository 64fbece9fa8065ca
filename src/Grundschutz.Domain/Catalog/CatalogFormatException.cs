namespace Grundschutz.Domain.Catalog;

/// <summary>
/// A catalogue file cannot be imported. The message is meant for the user; <see cref="Location"/>
/// names where in the file the problem is (line/position for XML and JSON, or an id).
/// </summary>
public sealed class CatalogFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogFormatException(string message, string? location = null, Exception? inner = null)
        : base(message, inner)
    {
        Location = location;
    }

    /// <summary>Creates the exception without details (serialization and tooling).</summary>
    public CatalogFormatException() : base("Der Katalog ist ungültig.") { }

    /// <summary>Creates the exception with a message only.</summary>
    public CatalogFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public CatalogFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Where in the file, e.g. "Zeile 12, Position 5" or "Control ASST.1.1"; null if unknown.</summary>
    public string? Location { get; }

    /// <summary>The file name, set by the import pipeline.</summary>
    public string? FileName { get; init; }
}
