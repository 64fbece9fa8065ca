using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using Grundschutz.Infrastructure.Markdown;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Tests.Report;

/// <summary>
/// The help page „Wie wird das berechnet?“ in two languages: docs/scoring.en.md must stay in step with
/// docs/scoring.md (same headings and heading numbers, same tables and rows, every number of a German table also in
/// the English one), and the page picks the document by the UI language, falling back to the German one.
/// </summary>
public sealed partial class HelpDocumentTests
{
    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>The docs folder the application reads: the default <c>Reports:DocsDirectory</c> resolved against
    /// the web project (the content root of the web tests, which do not change that setting).</summary>
    private static string DocsDirectory =>
        ReportPaths.From(new ReportsOptions(), SharedFiles.InRepository("src/Grundschutz.Web")).DocsDirectory;

    private static string German => File.ReadAllText(Path.Combine(DocsDirectory, ReportTemplates.ScoringDocument));

    private static string English => File.ReadAllText(Path.Combine(DocsDirectory, ReportTemplates.EnglishFileName(ReportTemplates.ScoringDocument)));

    [Fact]
    public async Task ScoringDocuments_GermanAndEnglish_AreInStep()
    {
        var german = await OutlineAsync(German, "de");
        var english = await OutlineAsync(English, "en");

        var differences = Differences(german, english);
        Assert.True(differences.Count == 0, "docs/scoring.en.md is out of step with docs/scoring.md:\n" + string.Join("\n", differences));
        // Guard against outlines that are equal only because nothing was found.
        Assert.Contains(german.Headings, h => h.StartsWith("h3 ", StringComparison.Ordinal) && !h.EndsWith('–'));
        Assert.Contains(german.Tables, t => t.Rows > 1 && t.Numbers.Count > 0);
    }

    /// <summary>Breaks the English document in one place: (what, text to replace, replacement).</summary>
    public static TheoryData<string, string, string> BrokenTranslations => new()
    {
        { "a table row dropped", "| SYS.2.1.A3 × Clients Bürgeramt | S | offen |\n", "" },
        { "a number changed", "**standard share ≥ 80 %**", "**standard share ≥ 85 %**" },
        { "a heading dropped", "### 2.2 Exact fractions, no rounding\n", "" },
        { "a heading renumbered", "### 7.4 Limits of this derivation", "### 7.5 Limits of this derivation" },
        { "a code block dropped", "```\nStufe 3 (voll etabliert und dokumentiert): E_B = 100 % (2 von 2), E_BS ≥ 80 % (6 von 7),\njede entbehrliche Anforderung begründet (0 ohne Begründung)\n```\n", "" },
    };

    [Theory]
    [MemberData(nameof(BrokenTranslations))]
    public async Task Differences_BrokenTranslation_AreReported(string what, string original, string replacement)
    {
        var broken = English.Replace(original, replacement, StringComparison.Ordinal);
        Assert.True(broken != English, $"The English document no longer contains the text for „{what}“; adjust the test.");

        var differences = Differences(await OutlineAsync(German, "de"), await OutlineAsync(broken, "en"));

        Assert.NotEmpty(differences);
    }

    [Theory]
    [InlineData("0,85", "de", "0.85")]
    [InlineData("0.85", "en", "0.85")]
    [InlineData("0,5", "en", "0.5")]
    [InlineData("73.400", "de", "73400")]
    [InlineData("73,400", "en", "73400")]
    [InlineData("1.835", "de", "1835")]
    [InlineData("3.6.1", "de", "3.6.1")]
    [InlineData("9.2", "en", "9.2")]
    public void NormaliseNumber_DecimalAndThousandsSeparators(string token, string language, string expected) =>
        Assert.Equal(expected, NormaliseNumber(token, language));

    [Fact]
    public void Numbers_SplitsAtNonDigits() =>
        Assert.Equal(new[] { "200", "2", "9.2", "200", "6.3", "12" }, Numbers("200-2 Kap. 9.2 [S 200q]; [P BSI-6.3], älter als 12 Monate", "de"));

    [Theory]
    [InlineData("en", true, "scoring.en.md", "en")]
    [InlineData("en-GB", true, "scoring.en.md", "en")]
    [InlineData("en", false, "scoring.md", "de")]
    [InlineData("de-DE", true, "scoring.md", "de")]
    [InlineData("de", true, "scoring.md", "de")]
    [InlineData("fr-FR", true, "scoring.md", "de")]
    public void ChooseDocument_ByUiLanguage_EnglishOnlyWhenTheTranslationExists(string culture, bool englishExists, string expectedFile, string expectedLanguage)
    {
        var directory = Directory.CreateTempSubdirectory("grundschutz-help-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "scoring.md"), "# Wie wird das berechnet?");
            if (englishExists)
            {
                File.WriteAllText(Path.Combine(directory.FullName, "scoring.en.md"), "# How is this calculated?");
            }

            var templates = Templates(directory.FullName);

            var document = templates.ChooseDocument(ReportTemplates.ScoringDocument, CultureInfo.GetCultureInfo(culture));

            Assert.Equal(new HelpDocument(expectedFile, expectedLanguage), document);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("../scoring.md")]
    [InlineData("docs/scoring.md")]
    [InlineData(".scoring.md")]
    public void ChooseDocument_NotAPlainFileName_Throws(string fileName) =>
        Assert.Throws<ArgumentException>(() => Templates(DocsDirectory).ChooseDocument(fileName, CultureInfo.GetCultureInfo("en")));

    [Fact]
    public async Task HelpPage_EnglishUiWithoutTranslation_ShowsTheGermanDocumentMarkedGerman()
    {
        var directory = Directory.CreateTempSubdirectory("grundschutz-help-");
        try
        {
            File.Copy(Path.Combine(DocsDirectory, ReportTemplates.ScoringDocument), Path.Combine(directory.FullName, ReportTemplates.ScoringDocument));
            using var factory = new GrundschutzWebFactory();
            factory.Settings["Reports:DocsDirectory"] = directory.FullName;
            var client = factory.CreateBrowserClient();

            var page = await Html.GetDocumentAsync(client, "/Hilfe/Berechnung?culture=en");

            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            var doc = page.QuerySelector("#scoring-doc")!;
            Assert.Equal("de", doc.GetAttribute("lang"));
            Assert.Equal("Wie wird das berechnet? – Umsetzungsgrad, Ampeln, Reifegrad und Realisierungsplan", doc.QuerySelector("h1")!.TextContent.Trim());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static ReportTemplates Templates(string docsDirectory) =>
        new(Options.Create(new ReportsOptions()), new ReportPaths(docsDirectory, docsDirectory));

    /// <param name="Headings">Per heading its level and number, e.g. „h3 2.1“ (no number: „h1 –“).</param>
    /// <param name="Tables">Per table its number of rows (header included) and the numbers in its cells.</param>
    /// <param name="CodeBlocks">Number of code blocks (formulas and examples).</param>
    private sealed record Outline(IReadOnlyList<string> Headings, IReadOnlyList<TableOutline> Tables, int CodeBlocks);

    private sealed record TableOutline(int Rows, IReadOnlyList<string> Numbers);

    /// <summary>The document as the page renders it (the one Markdown pipeline), reduced to what must match.</summary>
    private static async Task<Outline> OutlineAsync(string markdown, string language)
    {
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content($"<!DOCTYPE html><html><body>{Renderer.ToHtml(markdown)}</body></html>"));
        var headings = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6")
            .Select(h => $"{h.LocalName} {HeadingNumber().Match(h.TextContent.Trim()) switch { { Success: true } m => m.Groups[1].Value, _ => "–" }}")
            .ToList();
        var tables = document.QuerySelectorAll("table")
            .Select(t => new TableOutline(
                t.QuerySelectorAll("tr").Length,
                t.QuerySelectorAll("th, td").SelectMany(cell => Numbers(cell.TextContent, language)).ToList()))
            .ToList();
        return new Outline(headings, tables, document.QuerySelectorAll("pre").Length);
    }

    /// <summary>Every way the English outline falls short of the German one, in words; empty when in step.</summary>
    private static List<string> Differences(Outline german, Outline english)
    {
        var differences = new List<string>();
        foreach (var level in new[] { "h1", "h2", "h3", "h4", "h5", "h6" })
        {
            var de = german.Headings.Count(h => h.StartsWith(level + " ", StringComparison.Ordinal));
            var en = english.Headings.Count(h => h.StartsWith(level + " ", StringComparison.Ordinal));
            if (de != en)
            {
                differences.Add($"{level}: {de} German headings, {en} English ones");
            }
        }

        if (!german.Headings.SequenceEqual(english.Headings))
        {
            differences.Add($"Headings differ: German [{string.Join(", ", german.Headings)}], English [{string.Join(", ", english.Headings)}]");
        }

        if (german.CodeBlocks != english.CodeBlocks)
        {
            differences.Add($"{german.CodeBlocks} German code blocks, {english.CodeBlocks} English ones");
        }

        if (german.Tables.Count != english.Tables.Count)
        {
            differences.Add($"{german.Tables.Count} German tables, {english.Tables.Count} English ones");
        }

        foreach (var (de, en, index) in german.Tables.Zip(english.Tables).Select((pair, i) => (pair.First, pair.Second, i + 1)))
        {
            if (de.Rows != en.Rows)
            {
                differences.Add($"Table {index}: {de.Rows} German rows, {en.Rows} English ones");
            }

            var missing = Missing(de.Numbers, en.Numbers);
            if (missing.Count > 0)
            {
                differences.Add($"Table {index}: numbers of the German table missing in the English one: {string.Join(", ", missing)}");
            }
        }

        return differences;
    }

    /// <summary>The numbers of <paramref name="german"/> not in <paramref name="english"/> (as a multiset: a number
    /// twice in German must be there twice in English).</summary>
    private static List<string> Missing(IReadOnlyList<string> german, IReadOnlyList<string> english)
    {
        var available = english.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var number in german)
        {
            if (available.TryGetValue(number, out var count) && count > 0)
            {
                available[number] = count - 1;
            }
            else
            {
                missing.Add(number);
            }
        }

        return missing;
    }

    /// <summary>The numbers in a text of <paramref name="language"/> („de“ or „en“): digit runs joined by „.“ or „,“,
    /// normalised so that „0,85“ → „0.85“ and German „73.400“ and English „73,400“ → „73400“.</summary>
    private static List<string> Numbers(string text, string language) =>
        NumberToken().Matches(text).Select(m => NormaliseNumber(m.Value, language)).ToList();

    private static string NormaliseNumber(string token, string language)
    {
        if (language == "de" && GermanThousands().IsMatch(token))
        {
            return token.Replace(".", "", StringComparison.Ordinal);
        }

        if (language == "en" && EnglishThousands().IsMatch(token))
        {
            return token.Replace(",", "", StringComparison.Ordinal);
        }

        return token.Replace(',', '.');
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex GermanThousands();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+$")]
    private static partial Regex EnglishThousands();

    [GeneratedRegex(@"^(\d+(?:\.\d+)*)")]
    private static partial Regex HeadingNumber();
}
