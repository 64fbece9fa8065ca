namespace Grundschutz.Benchmarks;

/// <summary>Locates the official files in ../shared beside the checkout (never copied into the repository).</summary>
public static class BenchData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared(string relative)
    {
        var env = Environment.GetEnvironmentVariable("GRUNDSCHUTZ_SHARED");
        var root = string.IsNullOrEmpty(env) ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared")) : env;
        var path = Path.Combine(root, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException("Benchmark data not found (set GRUNDSCHUTZ_SHARED): " + path);
    }

    public static string Kernel => Shared("catalogs/grundschutz-plusplus/BSI-Stand-der-Technik-Kernel-catalog.json");

    public static string Kompendium => Shared("catalogs/kompendium-2023/XML_Kompendium_2023.xml");

    /// <summary>The report template and help folders of the checkout: the app refuses to start without them.</summary>
    public static string[] ReportFolders =>
    [
        $"--Reports:TemplateDirectory={Path.Combine(RepositoryRoot, "templates")}",
        $"--Reports:DocsDirectory={Path.Combine(RepositoryRoot, "docs")}",
    ];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Grundschutz.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
