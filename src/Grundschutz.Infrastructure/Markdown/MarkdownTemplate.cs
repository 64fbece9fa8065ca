using System.Text;
using System.Text.RegularExpressions;

namespace Grundschutz.Infrastructure.Markdown;

/// <summary>
/// A deliberately small template language for the Markdown report templates in <c>templates/</c>:
/// <list type="bullet">
/// <item><c>{{ municipality.name }}</c> inserts a value; plain text is escaped (<see cref="MarkdownRenderer.Escape"/>),
/// so user input renders literally; <see cref="MarkdownText"/> values are inserted as they are.</item>
/// <item><c>{{#each modules}} … {{/each}}</c> repeats for every item of a list; inside, names are looked up in the
/// item first, then outside.</item>
/// <item><c>{{#if comparison}} … {{else}} … {{/if}}</c>: true for <c>true</c>, a non-empty text or list, any other
/// value that is set; false for <c>false</c>, null, empty and unknown names.</item>
/// <item><c>{{! a comment }}</c> is dropped.</item>
/// </list>
/// A block tag alone on its line takes its line with it, so that loops can produce table rows. Values are inserted
/// once and never parsed again: a user who types <c>{{ x }}</c> gets exactly that text. Unknown names insert nothing.
/// </summary>
public sealed partial class MarkdownTemplate
{
    private readonly List<Node> _nodes;

    private MarkdownTemplate(List<Node> nodes) => _nodes = nodes;

    /// <summary>Parses a template; throws <see cref="TemplateException"/> naming the line of a malformed block.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="name">File name for messages.</param>
    public static MarkdownTemplate Parse(string template, string name = "template")
    {
        ArgumentNullException.ThrowIfNull(template);
        var tokens = Tokenize(template);
        StripStandaloneLines(tokens);
        var position = 0;
        var nodes = ParseBlock(tokens, ref position, name, closing: null);
        return new MarkdownTemplate(nodes);
    }

    /// <summary>Fills the template.</summary>
    public string Render(TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var output = new StringBuilder();
        var scopes = new List<TemplateModel> { model };
        Render(_nodes, scopes, output);
        return output.ToString();
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex TagPattern();

    private static List<Token> Tokenize(string template)
    {
        var tokens = new List<Token>();
        var last = 0;
        foreach (Match match in TagPattern().Matches(template))
        {
            if (match.Index > last)
            {
                tokens.Add(new Token(null, template[last..match.Index], LineOf(template, last)));
            }

            tokens.Add(new Token(match.Groups[1].Value.Trim(), null, LineOf(template, match.Index)));
            last = match.Index + match.Length;
        }

        if (last < template.Length)
        {
            tokens.Add(new Token(null, template[last..], LineOf(template, last)));
        }

        return tokens;
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private static bool IsBlockTag(string tag) =>
        tag.StartsWith('#') || tag.StartsWith('/') || tag.StartsWith('!') || tag == "else";

    /// <summary>Removes the indentation before and the line break after a block tag that stands alone on its line.</summary>
    private static void StripStandaloneLines(List<Token> tokens)
    {
        // Decide on the original text first: stripping one tag's line must not change the verdict for the next.
        var standalone = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Tag is not { } tag || !IsBlockTag(tag))
            {
                continue;
            }

            var before = i > 0 ? tokens[i - 1] : null;
            var after = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (before is { Tag: not null } || after is { Tag: not null })
            {
                continue;
            }

            var beforeText = before?.Text ?? "";
            var lineStart = beforeText.LastIndexOf('\n') + 1;
            var startsLine = before is null || ((lineStart > 0 || i == 1) && string.IsNullOrWhiteSpace(beforeText[lineStart..]));
            var afterText = after?.Text ?? "";
            var lineEnd = afterText.IndexOf('\n');
            var endsLine = after is null
                || (lineEnd >= 0 ? string.IsNullOrWhiteSpace(afterText[..lineEnd]) : string.IsNullOrWhiteSpace(afterText) && i + 2 == tokens.Count);
            if (startsLine && endsLine)
            {
                standalone.Add(i);
            }
        }

        foreach (var i in standalone)
        {
            if (i > 0 && tokens[i - 1].Text is { } beforeText)
            {
                tokens[i - 1] = tokens[i - 1] with { Text = beforeText[..(beforeText.LastIndexOf('\n') + 1)] };
            }

            if (i + 1 < tokens.Count && tokens[i + 1].Text is { } afterText)
            {
                var lineEnd = afterText.IndexOf('\n');
                tokens[i + 1] = tokens[i + 1] with { Text = lineEnd >= 0 ? afterText[(lineEnd + 1)..] : "" };
            }
        }
    }

    private static List<Node> ParseBlock(List<Token> tokens, ref int position, string name, string? closing)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            if (token.Text is { } text)
            {
                if (text.Length > 0)
                {
                    nodes.Add(new TextNode(text));
                }

                continue;
            }

            var tag = token.Tag!;
            if (tag.StartsWith('!'))
            {
                continue;
            }

            if (tag.StartsWith("#each ", StringComparison.Ordinal))
            {
                var body = ParseBlock(tokens, ref position, name, "each");
                nodes.Add(new EachNode(Path(tag[6..], token, name), body));
            }
            else if (tag.StartsWith("#if ", StringComparison.Ordinal))
            {
                var body = ParseBlock(tokens, ref position, name, "if");
                var split = body.FindIndex(n => n is ElseNode);
                nodes.Add(split < 0
                    ? new IfNode(Path(tag[4..], token, name), body, [])
                    : new IfNode(Path(tag[4..], token, name), body[..split], body[(split + 1)..]));
            }
            else if (tag == "else")
            {
                if (closing != "if")
                {
                    throw new TemplateException($"{name}, Zeile {token.Line}: {{{{else}}}} außerhalb von {{{{#if}}}}.");
                }

                nodes.Add(new ElseNode());
            }
            else if (tag.StartsWith('/'))
            {
                var kind = tag[1..].Trim();
                if (kind != closing)
                {
                    throw new TemplateException($"{name}, Zeile {token.Line}: {{{{/{kind}}}}} ohne passendes {{{{#{kind}}}}}.");
                }

                return nodes;
            }
            else if (tag.StartsWith('#'))
            {
                throw new TemplateException($"{name}, Zeile {token.Line}: unbekannter Block {{{{{tag}}}}} (erlaubt: #each, #if).");
            }
            else
            {
                nodes.Add(new ValueNode(Path(tag, token, name)));
            }
        }

        if (closing is not null)
        {
            throw new TemplateException($"{name}: {{{{#{closing}}}}} wird nicht mit {{{{/{closing}}}}} geschlossen.");
        }

        return nodes;
    }

    private static string[] Path(string text, Token token, string name)
    {
        var path = text.Trim();
        if (path.Length == 0 || path.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            throw new TemplateException($"{name}, Zeile {token.Line}: ungültiger Name „{path}“.");
        }

        return path.Split('.');
    }

    private static void Render(List<Node> nodes, List<TemplateModel> scopes, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ValueNode value:
                    switch (Resolve(value.Path, scopes))
                    {
                        case string s:
                            output.Append(MarkdownRenderer.Escape(s));
                            break;
                        case MarkdownText markdown:
                            output.Append(markdown.Value);
                            break;
                        case bool b:
                            output.Append(b ? "ja" : "nein");
                            break;
                    }

                    break;
                case EachNode each:
                    if (Resolve(each.Path, scopes) is IReadOnlyList<TemplateModel> items)
                    {
                        foreach (var item in items)
                        {
                            scopes.Add(item);
                            Render(each.Body, scopes, output);
                            scopes.RemoveAt(scopes.Count - 1);
                        }
                    }

                    break;
                case IfNode conditional:
                    Render(IsTrue(Resolve(conditional.Path, scopes)) ? conditional.Then : conditional.Else, scopes, output);
                    break;
            }
        }
    }

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        MarkdownText m => m.Value.Length > 0,
        IReadOnlyList<TemplateModel> list => list.Count > 0,
        _ => true,
    };

    private static object? Resolve(string[] path, List<TemplateModel> scopes)
    {
        for (var s = scopes.Count - 1; s >= 0; s--)
        {
            if (!scopes[s].TryGet(path[0], out var value))
            {
                continue;
            }

            for (var i = 1; i < path.Length; i++)
            {
                if (value is not TemplateModel nested || !nested.TryGet(path[i], out value))
                {
                    return null;
                }
            }

            return value;
        }

        return null;
    }

    private sealed record Token(string? Tag, string? Text, int Line);

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record ValueNode(string[] Path) : Node;

    private sealed record EachNode(string[] Path, List<Node> Body) : Node;

    private sealed record IfNode(string[] Path, List<Node> Then, List<Node> Else) : Node;

    private sealed record ElseNode : Node;
}
