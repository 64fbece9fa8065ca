namespace Grundschutz.Web.Pages.Catalog;

/// <summary>A catalogue text with the language of its catalogue, for <see cref="CatalogText.Sentence"/>.</summary>
/// <param name="Text">The text, verbatim from the catalogue.</param>
/// <param name="Language">BCP 47 tag of the catalogue version.</param>
public sealed record InLanguage(string Text, string Language);
