namespace Grundschutz.Infrastructure.Municipalities;

/// <summary>The GV100AD file handed to the import: its name (for messages), its size if known, and a way to open it.</summary>
/// <param name="FileName">File name as the user knows it.</param>
/// <param name="Length">Size in bytes if known (checked against the limit before reading), else null.</param>
/// <param name="Open">Opens the content for reading.</param>
public sealed record MunicipalityImportFile(string FileName, long? Length, Func<Stream> Open)
{
    /// <summary>A file on disk.</summary>
    public static MunicipalityImportFile FromPath(string path)
    {
        var info = new FileInfo(path);
        return new MunicipalityImportFile(info.Name, info.Exists ? info.Length : null, () => File.OpenRead(path));
    }
}
