namespace Grundschutz.Infrastructure.Markdown;

/// <summary>
/// The values a <see cref="MarkdownTemplate"/> is filled with. A value is one of: a <see cref="string"/> (plain text,
/// escaped on insertion so it renders literally), a <see cref="MarkdownText"/> (trusted Markdown, inserted as is),
/// a <see cref="bool"/> (for <c>{{#if}}</c>), a nested <see cref="TemplateModel"/> (reached with dotted paths such as
/// <c>municipality.name</c>) or a list of <see cref="TemplateModel"/>s (for <c>{{#each}}</c>).
/// </summary>
public sealed class TemplateModel
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>Sets a value (see the type description for the allowed kinds) and returns the model for chaining.</summary>
    public TemplateModel Set(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (value is not (null or string or MarkdownText or bool or TemplateModel or IReadOnlyList<TemplateModel>))
        {
            throw new ArgumentException($"Template value '{name}' has the unsupported type {value.GetType().Name}.", nameof(value));
        }

        _values[name] = value;
        return this;
    }

    /// <summary>Indexer form of <see cref="Set"/> and lookup.</summary>
    public object? this[string name]
    {
        get => _values.GetValueOrDefault(name);
        set => Set(name, value);
    }

    /// <summary>True when <paramref name="name"/> was set (even to null).</summary>
    public bool TryGet(string name, out object? value) => _values.TryGetValue(name, out value);
}
