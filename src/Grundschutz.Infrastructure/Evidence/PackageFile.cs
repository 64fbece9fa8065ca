namespace Grundschutz.Infrastructure.Evidence;

/// <summary>One file listed in manifest.json.</summary>
/// <param name="Path">Path inside the ZIP ('/' separated).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
/// <param name="Size">Number of bytes.</param>
public sealed record PackageFile(string Path, string Sha256, long Size);
