namespace Grundschutz.Web.Pages.Catalog;

/// <summary>One step of the breadcrumb trail; the last one (the current page) has no link.</summary>
/// <param name="Text">Already localised or data text.</param>
/// <param name="Href">Link target, or null for the current page.</param>
/// <param name="Language">The catalogue's language when the text is a catalogue title (WCAG 3.1.2); null for UI text.</param>
public sealed record BreadcrumbItem(string Text, string? Href, string? Language = null);
