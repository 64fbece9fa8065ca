namespace Grundschutz.Infrastructure.Markdown;

/// <summary>Which file of a help document is shown, and the language it is written in.</summary>
/// <param name="FileName">A plain file name in the docs folder, e.g. „scoring.en.md“.</param>
/// <param name="Language">The language of the file as a BCP 47 tag for <c>lang</c>: „de“ or „en“.</param>
public sealed record HelpDocument(string FileName, string Language);
