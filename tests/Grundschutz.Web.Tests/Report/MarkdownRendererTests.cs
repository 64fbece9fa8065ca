using AngleSharp;
using AngleSharp.Dom;
using Grundschutz.Infrastructure.Markdown;

namespace Grundschutz.Web.Tests.Report;

/// <summary>
/// The one Markdown pipeline and the escaping of user text: whatever a user types into a target-object name or a
/// justification renders as the same literal text — no script, link, image or emphasis.
/// </summary>
public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> Hostile => new()
    {
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![](http://evil/x.png)",
        "**bold**",
        "<img src=x onerror=alert(1)>",
        "# Überschrift",
        "1. Liste",
        "- Punkt",
        "> Zitat",
        "| a | b |",
        "`code`",
        "_kursiv_ ~~weg~~ ==mark== ^hoch^ $x$",
        "http://evil.example/x www.evil.example",
        "&lt;script&gt; &#60;b&#62;",
        "{{ municipality.name }}",
        "[^1]: Fußnote",
        "*[HTML]: Abkürzung",
        "Zeile 1\n# Zeile 2\n\n    eingerückt\r\n- Liste",
    };

    private static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content($"<!DOCTYPE html><html><body>{html}</body></html>"));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Escape_HostileTextInParagraph_RendersLiterallyWithoutMarkup(string text)
    {
        var html = Renderer.ToHtml("Zielobjekt: " + MarkdownRenderer.Escape(text));

        var document = await ParseAsync(html);
        var body = document.Body!;
        Assert.Equal(["P"], body.Children.Select(c => c.TagName));
        Assert.Empty(body.QuerySelectorAll("*:not(p)"));
        Assert.Equal("Zielobjekt: " + Collapse(text), body.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Template_HostileTextInTableCellAndHeading_RendersLiterally(string text)
    {
        const string template = "## {{ name }}\n\n| Zielobjekt | Begründung |\n|---|---|\n{{#each rows}}\n| {{ name }} | {{ reason }} |\n{{/each}}\n\n{{ name }}\n";
        var model = new TemplateModel()
            .Set("name", text)
            .Set("rows", new List<TemplateModel> { new TemplateModel().Set("name", text).Set("reason", text) });

        var document = await ParseAsync(Renderer.RenderTemplate(template, model));

        Assert.Empty(document.QuerySelectorAll("script, img, a, strong, em, code, del, mark, sup, sub, span, blockquote, ol, ul, li, h1, h3, pre"));
        Assert.Equal(Collapse(text), document.QuerySelector("h2")!.TextContent.Trim());
        var cells = document.QuerySelectorAll("tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([Collapse(text), Collapse(text)], cells);
        Assert.Equal(Collapse(text), document.QuerySelector("p")!.TextContent.Trim());
    }

    [Fact]
    public void Pipeline_RawHtmlInTrustedMarkdown_IsNotRenderedAsHtml()
    {
        var html = Renderer.ToHtml("Text <script>alert(1)</script> und <b>fett</b>\n\n<div>block</div>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_ControlCharactersAndLineBreaks_BecomeSingleSpaces()
    {
        Assert.Equal("a b c", MarkdownRenderer.Escape("  a\r\n\tb\u2028\u0000c  "));
        Assert.Equal("", MarkdownRenderer.Escape(null));
        Assert.Equal("Köln \\- Süd", MarkdownRenderer.Escape("Köln - Süd"));
    }

    [Fact]
    public void Template_EachIfElseAndStandaloneLines_ProduceCleanTable()
    {
        const string template = """
            {{! Kommentar }}
            | A | B |
            |---|---|
            {{#each rows}}
            | {{ a }} | {{ b }} |
            {{/each}}

            {{#if flag}}
            ja: {{ outer.value }}
            {{else}}
            nein
            {{/if}}
            {{#if missing}}
            nie
            {{/if}}
            Ende {{ unknown }}
            """;
        var model = new TemplateModel()
            .Set("rows", new List<TemplateModel> { new TemplateModel().Set("a", "1").Set("b", "x"), new TemplateModel().Set("a", "2") })
            .Set("b", "außen")
            .Set("flag", true)
            .Set("outer", new TemplateModel().Set("value", "v"));

        var markdown = MarkdownTemplate.Parse(template).Render(model);

        Assert.Equal("| A | B |\n|---|---|\n| 1 | x |\n| 2 | außen |\n\nja: v\nEnde ", markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_ValueLookingLikeATag_IsNotEvaluated()
    {
        var model = new TemplateModel().Set("name", "{{#each x}}{{ secret }}").Set("secret", "geheim");

        var markdown = MarkdownTemplate.Parse("Name: {{ name }}").Render(model);

        Assert.Equal("Name: \\{\\{\\#each x\\}\\}\\{\\{ secret \\}\\}", markdown);
    }

    [Theory]
    [InlineData("{{#each rows}} ohne Ende", "wird nicht mit")]
    [InlineData("{{/if}}", "ohne passendes")]
    [InlineData("{{else}}", "außerhalb")]
    [InlineData("{{#with x}}{{/with}}", "unbekannter Block")]
    [InlineData("{{ a b }}", "ungültiger Name")]
    public void Parse_MalformedTemplate_ThrowsWithReason(string template, string reason)
    {
        var ex = Assert.Throws<TemplateException>(() => MarkdownTemplate.Parse(template, "vorlage.md"));

        Assert.Contains("vorlage.md", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedReportTemplate_Parses()
    {
        var path = Grundschutz.TestSupport.SharedFiles.InRepository("templates/bericht.de.md");

        var template = MarkdownTemplate.Parse(File.ReadAllText(path), "bericht.de.md");

        Assert.NotEmpty(template.Render(new TemplateModel()));
    }
}
