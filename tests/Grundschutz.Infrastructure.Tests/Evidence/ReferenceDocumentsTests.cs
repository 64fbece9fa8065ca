using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Markdown;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Grundschutz.Infrastructure.Tests.Export;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Evidence;

/// <summary>
/// The A.4 and A.6 HTML of the evidence package are written a chunk of table rows at a time. They must be the bytes the
/// whole-string rendering (one Markdown source for the document, rendered at once) produced, and user text must stay
/// inert text in its own cell.
/// </summary>
public sealed class ReferenceDocumentsTests : IDisposable
{
    // The HTML documents never read the answer history; the package data needs a stream of it, on a context that is
    // never opened.
    private readonly SqliteGrundschutzDbContext _noDatabase =
        new(new DbContextOptionsBuilder<SqliteGrundschutzDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static readonly DateTimeOffset ApprovedAt = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    private static readonly string[] Nasty =
    [
        "<script>alert(1)</script>",
        "Spalte | geteilt || doppelt",
        "*fett* _kursiv_ **stark** `code`",
        "Pfad C:\\Temp\\ und \\| und am Ende \\",
        "Zeile 1\nZeile 2\r\n\tZeile 3",
        "# keine Überschrift",
        "[Link](http://evil.example) www.evil.example <http://evil.example>",
        "<img src=x onerror=alert(1)>",
        "&amp; &lt; & < > \" '",
        "| --- |",
        "",
        "Ärger über „Anführungszeichen“ – 😀",
    ];

    private static readonly (Guid Id, string Name)[] Targets =
    [
        (ExportTestData.Verbund, "Informationsverbund <Rathaus>"),
        (ExportTestData.Server, "Server | *Rathaus*"),
        (ExportTestData.Clients, "Clients \\Bürgeramt\\"),
    ];

    private static ScoredPair Pair(string module, int number, (Guid Id, string Name) target, AnswerStatus status) => new()
    {
        RequirementId = $"{module}.A{number}",
        GroupId = module,
        TopGroupId = module[..module.IndexOf('.', StringComparison.Ordinal)],
        Level = number % 3 == 0 ? RequirementLevel.Standard : RequirementLevel.Basis,
        ModalVerb = number % 3 == 0 ? "SOLLTE" : "MUSS",
        ProcessingOrder = "R2",
        Title = $"Titel {module}.A{number}",
        TargetObjectId = target.Id,
        TargetObjectName = target.Name,
        Status = status,
    };

    /// <summary>
    /// ISMS.1 on the Informationsverbund and SYS.2.1 on all three target objects, in questionnaire order, with every
    /// status and the texts above in Begründung, Umsetzung and Verantwortlich: more rows than one chunk.
    /// </summary>
    private static List<ScoredPair> ManyPairs()
    {
        AnswerStatus[] statuses = [AnswerStatus.Ja, AnswerStatus.Teilweise, AnswerStatus.Nein, AnswerStatus.Entbehrlich, AnswerStatus.Open];
        var pairs = new List<ScoredPair>();
        var n = 0;
        foreach (var (module, count, targets) in new[] { ("ISMS.1", 20, Targets[..1]), ("SYS.2.1", 100, Targets) })
        {
            for (var number = 1; number <= count; number++)
            {
                foreach (var target in targets)
                {
                    n++;
                    var status = statuses[n % statuses.Length];
                    pairs.Add(Pair(module, number, target, status) with
                    {
                        Justification = Nasty[n % Nasty.Length],
                        ImplementationDescription = n % 4 == 0 ? null : Nasty[(n * 5) % Nasty.Length],
                        Owner = status is AnswerStatus.Teilweise or AnswerStatus.Nein ? Nasty[(n * 7) % Nasty.Length] : null,
                        DueDate = status is AnswerStatus.Teilweise or AnswerStatus.Nein ? new DateOnly(2026, 1 + (n % 12), 1 + (n % 28)) : null,
                        CostEstimate = n % 2 == 0 ? 1000.5m + n : null,
                        AssessedOn = status == AnswerStatus.Open ? null : new DateOnly(2026, 10, 1 + (n % 30)),
                    });
                }
            }
        }

        Assert.True(pairs.Count > 3 * MarkdownRenderer.TableRowsPerChunk, "rows for more than three chunks");
        return pairs;
    }

    public void Dispose() => _noDatabase.Dispose();

    private EvidencePackageData Data(IReadOnlyList<ScoredPair> pairs)
    {
        var header = new ExportHeader(
            "Köln <b>am</b> | Rhein",
            "05315000",
            "Check *2026* <script>x</script>",
            AssessmentState.Approved,
            "IT-Grundschutz-Kompendium",
            "Edition 2023",
            CatalogFramework.ItGrundschutz,
            Approach.Standard,
            ExportTestData.Today,
            ExportTestData.ExportedAt,
            ApprovedAt);
        var export = ExportTestData.Export(ExportTestData.Report(pairs), header);
        var assessment = Assessment.Create(1, 1, CatalogFramework.ItGrundschutz, Approach.Standard, header.AssessmentTitle, "isb-1", ApprovedAt.AddDays(-30));
        return new EvidencePackageData(
            assessment,
            export,
            [],
            new Dictionary<string, string> { ["auditor-1"] = "Prüferin <i>Meier</i> | *Amt*" },
            ApprovedAt,
            "auditor-1",
            [],
            ExportTestData.ExportedAt,
            new AnswerHistoryStream(_noDatabase, assessment.Id));
    }

    private static string Css() => File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "templates", ReportTemplates.ReportStyleSheet));

    private static async Task<byte[]> WriteAsync(Func<Stream, Task> write)
    {
        using var output = new MemoryStream();
        await write(output);
        return output.ToArray();
    }

    // ---- the oracle: how A.4 and A.6 were rendered before streaming (one Markdown source, rendered at once) ----------

    private static string? Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string WholeStringDocument(EvidencePackageData data, MarkdownRenderer markdown, string css, string title, string intro, string[] headers, List<string?[]> rows)
    {
        var h = data.Export.Header;
        var md = new StringBuilder()
            .Append("# ").Append(MarkdownRenderer.Escape(title)).Append("\n\n")
            .Append("- Kommune: ").Append(MarkdownRenderer.Escape(h.MunicipalityName)).Append(" (AGS ").Append(MarkdownRenderer.Escape(h.Ags)).Append(")\n")
            .Append("- Bewertung: ").Append(MarkdownRenderer.Escape(h.AssessmentTitle)).Append('\n')
            .Append("- Katalog: ").Append(MarkdownRenderer.Escape($"{h.CatalogTitle} {h.CatalogVersion}".Trim())).Append('\n')
            .Append("- Vorgehensweise: ").Append(MarkdownRenderer.Escape(AssessmentTexts.ApproachName(h.Approach))).Append('\n')
            .Append("- Freigegeben am: ").Append(MarkdownRenderer.Escape(ExportTexts.GermanTime(data.ApprovedAt).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)))
            .Append(" von ").Append(MarkdownRenderer.Escape(data.UserName(data.ApprovedByUserId))).Append('\n')
            .Append("- Erstellt am: ").Append(MarkdownRenderer.Escape(h.ExportedAtLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture))).Append("\n\n")
            .Append(MarkdownRenderer.Escape(intro)).Append("\n\n");
        if (rows.Count == 0)
        {
            md.Append("Keine Einträge.\n");
        }
        else
        {
            md.Append('|').AppendJoin("", headers.Select(c => $" {MarkdownRenderer.Escape(c)} |")).Append("\n|");
            md.AppendJoin("", headers.Select(_ => " --- |")).Append('\n');
            foreach (var row in rows)
            {
                md.Append('|').AppendJoin("", row.Select(c => $" {MarkdownRenderer.Escape(c)} |")).Append('\n');
            }
        }

        return "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + ReferenceDocuments.FileContentSecurityPolicy + "\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + HtmlEncoder.Default.Encode($"{title} – {h.MunicipalityName}") + "</title>\n"
            + "<style>\n" + css.Replace("</", "<\\/", StringComparison.Ordinal) + "\n</style>\n</head>\n<body>\n<main>\n"
            + markdown.ToHtml(md.ToString())
            + "</main>\n</body>\n</html>\n";
    }

    private static readonly string[] GrundschutzCheckHeaders =
        ["Zielobjekt", "Baustein/Praktik", "Anforderung", "Titel", "Stufe", "Status", "Begründung", "Umsetzung", "Datum der Erhebung"];

    private static string OldGrundschutzCheck(EvidencePackageData data, MarkdownRenderer markdown, string css) => WholeStringDocument(
        data, markdown, css, "A.4 IT-Grundschutz-Check", "Der Umsetzungsstatus jeder anwendbaren Anforderung je Zielobjekt.", GrundschutzCheckHeaders,
        data.Export.GrundschutzCheckRows()
            .Select(r => new[]
            {
                r.TargetObject, r.Module, r.RequirementId, r.Title, r.Level is null ? null : $"{r.Level} {r.ModalVerb}".Trim(), r.Status,
                r.Justification, r.ImplementationDescription, Date(r.AssessedOn),
            })
            .ToList());

    private static string OldRealisierungsplan(EvidencePackageData data, MarkdownRenderer markdown, string css) => WholeStringDocument(
        data, markdown, css, "A.6 Realisierungsplan", "Jede Anforderung mit Status „teilweise“ oder „nein“ in der Reihenfolge der Priorität.",
        ["Priorität", "Zielobjekt", "Baustein/Praktik", "Anforderung", "Status", "Maßnahme", "Verantwortlich", "Umsetzung bis", "Kosten", "Überfällig"],
        data.Export.Report.ActionPlan.Items
            .Select(i => new[]
            {
                i.Rank.ToString(CultureInfo.InvariantCulture), i.TargetObjectName, ExportTexts.IdAndTitle(i.GroupId, data.Export.Catalog.GroupTitle(i.GroupId)),
                i.RequirementId, ExportTexts.Status(i.Status, CatalogFramework.ItGrundschutz), i.Measure, i.Owner, Date(i.DueDate),
                i.CostEstimate?.ToString("#,##0.00 €", CultureInfo.GetCultureInfo("de-DE")), i.IsOverdue ? "ja" : "nein",
            })
            .ToList());

    // ---- tests ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task WriteGrundschutzCheckHtmlAsync_SeveralTargetsAndSpecialCharacters_SameBytesAsTheWholeStringRendering()
    {
        var data = Data(ManyPairs());
        var markdown = new MarkdownRenderer();
        var css = Css();
        var documents = new ReferenceDocuments(data, markdown, css);

        var streamed = await WriteAsync(s => documents.WriteGrundschutzCheckHtmlAsync(s, CancellationToken.None));

        var expected = OldGrundschutzCheck(data, markdown, css);
        Assert.Equal(expected, Encoding.UTF8.GetString(streamed));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), streamed);
        Assert.Equal(data.Export.GrundschutzCheckRows().Count, new HtmlParser().ParseDocument(expected).QuerySelectorAll("table tbody tr").Length);
    }

    [Fact]
    public async Task WriteRealisierungsplanHtmlAsync_SeveralTargetsAndSpecialCharacters_SameBytesAsTheWholeStringRendering()
    {
        var data = Data(ManyPairs());
        var markdown = new MarkdownRenderer();
        var css = Css();
        var documents = new ReferenceDocuments(data, markdown, css);

        var streamed = await WriteAsync(s => documents.WriteRealisierungsplanHtmlAsync(s, CancellationToken.None));

        var expected = OldRealisierungsplan(data, markdown, css);
        Assert.Equal(expected, Encoding.UTF8.GetString(streamed));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), streamed);
        Assert.True(data.Export.Report.ActionPlan.Items.Count > MarkdownRenderer.TableRowsPerChunk, "the action plan spans more than one chunk");
    }

    [Fact]
    public async Task WriteGrundschutzCheckHtmlAsync_NoPairs_SaysNoEntriesLikeTheWholeStringRendering()
    {
        var data = Data([]);
        var markdown = new MarkdownRenderer();
        var documents = new ReferenceDocuments(data, markdown, "main { color: black; }");

        var streamed = await WriteAsync(s => documents.WriteGrundschutzCheckHtmlAsync(s, CancellationToken.None));

        Assert.Equal(OldGrundschutzCheck(data, markdown, "main { color: black; }"), Encoding.UTF8.GetString(streamed));
        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(streamed));
        Assert.Empty(html.QuerySelectorAll("table"));
        Assert.Equal("Keine Einträge.", html.QuerySelectorAll("main p").Last().TextContent);
    }

    [Fact]
    public async Task WriteGrundschutzCheckHtmlAsync_ScriptAndPipeInUserText_InertTextInItsOwnCell()
    {
        var target = Targets[1];
        IReadOnlyList<ScoredPair> pairs =
        [
            Pair("SYS.2.1", 1, target, AnswerStatus.Nein) with
            {
                Justification = "<script>alert(1)</script> | zweite | Spalte",
                ImplementationDescription = "a|b\n*c* <img src=x onerror=alert(2)>",
                AssessedOn = new DateOnly(2026, 10, 2),
            },
            Pair("SYS.2.1", 2, target, AnswerStatus.Ja) with { Justification = "||", ImplementationDescription = "\\|\\", AssessedOn = new DateOnly(2026, 10, 3) },
        ];
        var documents = new ReferenceDocuments(Data(pairs), new MarkdownRenderer(), Css());

        var bytes = await WriteAsync(s => documents.WriteGrundschutzCheckHtmlAsync(s, CancellationToken.None));

        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes));
        Assert.Empty(html.QuerySelectorAll("script, img, a, em, strong, code"));
        Assert.Single(html.QuerySelectorAll("head style"));
        Assert.Equal(ReferenceDocuments.FileContentSecurityPolicy, html.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content"));
        Assert.Equal(GrundschutzCheckHeaders, html.QuerySelectorAll("table thead th").Select(c => c.TextContent));
        var rows = html.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(GrundschutzCheckHeaders.Length, r.Count));
        Assert.Equal(
            ["Server | *Rathaus*", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A1", "Titel SYS.2.1.A1", "B MUSS", "nein",
                "<script>alert(1)</script> | zweite | Spalte", "a|b *c* <img src=x onerror=alert(2)>", "02.10.2026"],
            rows[0]);
        Assert.Equal(["||", "\\|\\"], rows[1].Skip(6).Take(2));
    }
}
