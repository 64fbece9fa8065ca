namespace Grundschutz.Infrastructure.Importing;

/// <summary>
/// An import failed; nothing was saved. <see cref="Message"/> is one German sentence that names the file and,
/// where known, the position.
/// </summary>
public sealed class CatalogImportException : Exception
{
    public CatalogImportException() { }

    public CatalogImportException(string message) : base(message) { }

    public CatalogImportException(string message, Exception inner) : base(message, inner) { }

    public CatalogImportException(string fileName, string reason, string? location, Exception? inner)
        : base(Format(fileName, reason, location), inner)
    {
        FileName = fileName;
        Reason = reason;
        Location = location;
    }

    public string? FileName { get; }

    public string? Reason { get; }

    public string? Location { get; }

    private static string Format(string fileName, string reason, string? location) =>
        location is null ? $"{fileName}: {reason}" : $"{fileName} ({location}): {reason}";
}
