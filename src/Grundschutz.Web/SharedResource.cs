namespace Grundschutz.Web;

/// <summary>
/// Marker for the shared UI strings. Keys are the German texts (German first); Resources/SharedResource.en.resx
/// holds the English translations.
/// </summary>
public sealed class SharedResource;
