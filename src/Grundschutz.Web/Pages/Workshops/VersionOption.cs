namespace Grundschutz.Web.Pages.Workshops;

/// <summary>A catalogue version to choose.</summary>
public sealed record VersionOption(int Id, string Label);
