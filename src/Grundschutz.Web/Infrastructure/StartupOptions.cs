namespace Grundschutz.Web.Infrastructure;

/// <summary>Bound from section "Startup".</summary>
public sealed class StartupOptions
{
    public const string SectionName = "Startup";

    /// <summary>
    /// Seed the demo catalogue (and, with later features, demo users and data). On by default in Development,
    /// off otherwise; set Startup:DemoData=false to turn it off.
    /// </summary>
    public bool? DemoData { get; set; }

    /// <summary>Path of the demo catalogue shipped in catalog/ (relative to the content root or absolute).</summary>
    public string DemoCatalog { get; set; } = "../../catalog/demo-katalog.json";

    /// <summary>User name of the first administrator, created on first start with a one-time password.</summary>
    public string AdminUserName { get; set; } = "admin";
}
