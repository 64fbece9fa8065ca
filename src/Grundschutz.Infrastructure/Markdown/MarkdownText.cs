namespace Grundschutz.Infrastructure.Markdown;

/// <summary>
/// A Markdown fragment our own code built (a table row, a chart image) that a template inserts as it is. Anything
/// a user wrote must go through <see cref="MarkdownRenderer.Escape"/> before it becomes part of one; plain strings in
/// a <see cref="TemplateModel"/> are escaped automatically.
/// </summary>
/// <param name="Value">The Markdown.</param>
public readonly record struct MarkdownText(string Value)
{
    public override string ToString() => Value;
}
