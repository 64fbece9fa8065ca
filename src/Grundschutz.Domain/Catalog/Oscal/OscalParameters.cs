using System.Text.Json;
using System.Text.RegularExpressions;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog.Oscal;

/// <summary>
/// Resolves OSCAL parameter placeholders (<c>{{ insert: param, id }}</c>) in statement and guidance
/// prose. The catalogue reader and the profile resolver share it so that a profile's
/// <c>set-parameters</c> produce exactly the text a resolved catalogue would.
/// </summary>
internal static partial class OscalParameters
{
    [GeneratedRegex(@"\{\{\s*insert:\s*param,\s*(?<id>[^\s}]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex InsertPattern();

    /// <summary>True when the text contains a placeholder worth resolving.</summary>
    public static bool HasPlaceholder(string? text) =>
        text is not null && text.Contains("{{", StringComparison.Ordinal);

    /// <summary>
    /// The text a parameter stands for: its first value, else its label, else its choices, else its id
    /// (OSCAL resolution order; a label is shown as plain text, without braces).
    /// </summary>
    public static string TextOf(JsonElement param, string id, MessageText location)
    {
        var values = OscalJson.Strings(param, "values", location);
        if (values.Count > 0)
        {
            return values[0];
        }

        var label = OscalJson.String(param, "label", location);
        if (!string.IsNullOrWhiteSpace(label))
        {
            return label;
        }

        if (OscalJson.TryObject(param, "select", location, out var select))
        {
            var choices = OscalJson.Strings(select, "choice", location);
            if (choices.Count > 0)
            {
                return string.Join(" oder ", choices);
            }
        }

        return id;
    }

    /// <summary>
    /// Returns <paramref name="requirement"/> with statement and guidance resolved from the templates and
    /// the import props (<see cref="OscalImportProps"/>) rewritten, so that a later resolution can start again.
    /// </summary>
    /// <param name="requirement">The requirement; its Statement/Guidance are replaced where a template is given.</param>
    /// <param name="statementTemplate">Raw statement prose, or null when it has no placeholders.</param>
    /// <param name="guidanceTemplate">Raw guidance prose, or null when it has no placeholders.</param>
    /// <param name="lookup">The text for a parameter id, or null when the id is unknown.</param>
    /// <param name="warnings">Receives one warning per unknown parameter.</param>
    public static Requirement Apply(
        Requirement requirement,
        string? statementTemplate,
        string? guidanceTemplate,
        Func<string, string?> lookup,
        List<MessageText> warnings)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        Collect(statementTemplate, texts, order, requirement.Id, lookup, warnings);
        Collect(guidanceTemplate, texts, order, requirement.Id, lookup, warnings);

        var props = new List<CatalogProperty>(requirement.Props.Count + order.Count + 2);
        foreach (var prop in requirement.Props)
        {
            if (!OscalImportProps.IsImportProp(prop) || prop.Name == OscalImportProps.Link)
            {
                props.Add(prop);
            }
        }

        if (statementTemplate is not null)
        {
            props.Add(new CatalogProperty(OscalImportProps.StatementTemplate, statementTemplate, OscalImportProps.Namespace));
        }

        if (guidanceTemplate is not null)
        {
            props.Add(new CatalogProperty(OscalImportProps.GuidanceTemplate, guidanceTemplate, OscalImportProps.Namespace));
        }

        foreach (var id in order)
        {
            props.Add(new CatalogProperty(OscalImportProps.Param, id, OscalImportProps.Namespace, texts[id]));
        }

        return requirement with
        {
            Statement = statementTemplate is null ? requirement.Statement : Replace(statementTemplate, texts),
            Guidance = guidanceTemplate is null ? requirement.Guidance : Replace(guidanceTemplate, texts),
            Props = props,
        };
    }

    /// <summary>The template props of a requirement read earlier, or nulls when it has none.</summary>
    public static (string? Statement, string? Guidance) Templates(Requirement requirement)
    {
        string? statement = null;
        string? guidance = null;
        foreach (var prop in requirement.Props)
        {
            if (!OscalImportProps.IsImportProp(prop))
            {
                continue;
            }

            if (prop.Name == OscalImportProps.StatementTemplate)
            {
                statement = prop.Value;
            }
            else if (prop.Name == OscalImportProps.GuidanceTemplate)
            {
                guidance = prop.Value;
            }
        }

        return (statement, guidance);
    }

    /// <summary>The parameter texts recorded on a requirement read earlier (param id → inserted text).</summary>
    public static IEnumerable<(string Id, string Text)> RecordedParams(Requirement requirement)
    {
        foreach (var prop in requirement.Props)
        {
            if (OscalImportProps.IsImportProp(prop) && prop.Name == OscalImportProps.Param)
            {
                yield return (prop.Value, prop.Remarks ?? prop.Value);
            }
        }
    }

    private static void Collect(
        string? template,
        Dictionary<string, string> texts,
        List<string> order,
        string requirementId,
        Func<string, string?> lookup,
        List<MessageText> warnings)
    {
        if (template is null)
        {
            return;
        }

        foreach (Match match in InsertPattern().Matches(template))
        {
            var id = match.Groups["id"].Value;
            if (texts.ContainsKey(id))
            {
                continue;
            }

            var text = lookup(id);
            if (text is null)
            {
                warnings.Add(MessageText.Of("Control {0}: Der Parameter „{1}“ ist nicht definiert; im Text steht seine ID.", requirementId, id));
                text = id;
            }

            texts.Add(id, text);
            order.Add(id);
        }
    }

    private static string Replace(string template, Dictionary<string, string> texts) =>
        InsertPattern().Replace(template, m => texts.TryGetValue(m.Groups["id"].Value, out var text) ? text : m.Groups["id"].Value);
}
