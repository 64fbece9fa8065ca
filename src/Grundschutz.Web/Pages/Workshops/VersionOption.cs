namespace Grundschutz.Web.Pages.Workshops;

/// <summary>A catalogue version to choose: its label and how many requirements are in force.</summary>
public sealed record VersionOption(int Id, string Label, int Requirements);
