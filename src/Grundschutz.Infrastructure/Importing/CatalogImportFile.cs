namespace Grundschutz.Infrastructure.Importing;

/// <summary>One file handed to the import: its name (for messages and profile resolution) and a way to open it.</summary>
/// <param name="FileName">File name as the user knows it (no directory needed).</param>
/// <param name="Length">Size in bytes if known (checked against the limit before reading), else null.</param>
/// <param name="Open">Opens the content for reading.</param>
public sealed record CatalogImportFile(string FileName, long? Length, Func<Stream> Open)
{
    /// <summary>A file on disk.</summary>
    public static CatalogImportFile FromPath(string path)
    {
        var info = new FileInfo(path);
        return new CatalogImportFile(info.Name, info.Exists ? info.Length : null, () => File.OpenRead(path));
    }
}
