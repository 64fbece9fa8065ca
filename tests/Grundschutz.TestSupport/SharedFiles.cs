using System.Runtime.CompilerServices;
using Xunit;

namespace Grundschutz.TestSupport;

/// <summary>
/// Locates the official data in <c>../shared</c> beside the checkout. Tests that need it call
/// <see cref="Require"/>: on a machine without the data the test is skipped with a visible reason,
/// but with <c>CI=true</c> it fails instead, so CI always runs everything.
/// </summary>
public static class SharedFiles
{
    private static readonly Lazy<string?> SharedRoot = new(FindSharedRoot);

    /// <summary>The repository root (the folder holding Grundschutz.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>True when running under CI (environment variable CI=true).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Full path of a file below ../shared, or skip (fail under CI) when it is absent.</summary>
    public static string Require(string relativePath)
    {
        var root = SharedRoot.Value;
        var path = root is null ? null : Path.Combine(root, relativePath);
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        var reason = $"Official data not found: ../shared/{relativePath} (checked beside {RepositoryRoot}).";
        if (IsCi)
        {
            throw new InvalidOperationException(reason + " CI=true: tests must not skip for missing data.");
        }

        Skip.If(true, reason);
        return "";
    }

    /// <summary>The Kompendium 2023 XML.</summary>
    public static string Kompendium2023 => Require("catalogs/kompendium-2023/XML_Kompendium_2023.xml");

    /// <summary>A file in catalogs/grundschutz-plusplus.</summary>
    public static string GsPlusPlus(string fileName) => Require(Path.Combine("catalogs", "grundschutz-plusplus", fileName));

    /// <summary>A repository file (e.g. catalog/demo-catalog.json).</summary>
    public static string InRepository(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    private static string FindRepositoryRoot()
    {
        // Test binaries normally sit below the checkout; with --artifacts-path they may not, so fall back to
        // the folder this source file was compiled from.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), SourceDirectory() })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Grundschutz.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is not null)
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Grundschutz.sln not found above " + AppContext.BaseDirectory);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";

    private static string? FindSharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("GRUNDSCHUTZ_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
