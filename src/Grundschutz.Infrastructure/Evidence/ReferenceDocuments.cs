using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Evidence;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Export.Excel;
using Grundschutz.Infrastructure.Markdown;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// The reference documents of the package, generated from the data: A.1 Strukturanalyse, A.3 Modellierung, the
/// reference document list (each as XLSX and printable HTML) and the HTML versions of A.4 and A.6 (their XLSX are
/// the existing workbooks). HTML goes through the one Markdown pipeline (raw HTML disabled, user text escaped) and
/// embeds the report style sheet, so every file is self-contained and prints on A4. The HTML is written straight to
/// the output, its table a few rows at a time (<see cref="MarkdownRenderer.WriteTableAsync"/>): A.4 has a row per
/// requirement and target object, and rendering it as one string took a gigabyte for a full Kompendium assessment.
/// </summary>
internal sealed class ReferenceDocuments(EvidencePackageData data, MarkdownRenderer markdown, string css)
{
    public const string FileContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private ExportHeader Header => data.Export.Header;

    private string ModuleName(string groupId) => ExportTexts.IdAndTitle(groupId, data.Export.Catalog.GroupTitle(groupId));

    // ---- A.1 Strukturanalyse -------------------------------------------------------------------------------

    public static IReadOnlyList<ExcelColumn> StrukturColumns { get; } =
    [
        new("Zielobjekt", 32, Wrap: true),
        new("Art", 30, Wrap: true),
        new("Anzahl Bausteine", 12, ExcelCellKind.Integer),
        new("Angewendete Bausteine/Praktiken", 70, Wrap: true),
    ];

    private IReadOnlyList<string?[]> StrukturRows()
    {
        var byName = StringComparer.Create(German, CompareOptions.IgnoreCase);
        return data.Assessment.TargetObjects
            .OrderBy(t => t.Name, byName).ThenBy(t => t.Id)
            .Select(t =>
            {
                var modules = data.Assessment.ModuleApplications.Where(m => m.TargetObjectId == t.Id)
                    .Select(m => m.GroupId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                return new string?[] { t.Name, t.Kind, modules.Count.ToString(CultureInfo.InvariantCulture), string.Join("; ", modules.Select(ModuleName)) };
            })
            .ToList();
    }

    public void WriteStrukturanalyseXlsx(Stream output) =>
        WriteTable(output, "A.1 Strukturanalyse", "Referenzdokument A.1: Strukturanalyse", StrukturColumns, StrukturRows(), info => info
            .Integer("Zielobjekte", data.Assessment.TargetObjects.Count));

    public Task WriteStrukturanalyseHtmlAsync(Stream output, CancellationToken cancellationToken) => WriteHtmlAsync(
        output,
        "A.1 Strukturanalyse",
        "Die Zielobjekte des Informationsverbunds mit den auf sie angewendeten Bausteinen.",
        StrukturColumns,
        StrukturRows(),
        cancellationToken);

    // ---- A.3 Modellierung ----------------------------------------------------------------------------------

    public static IReadOnlyList<ExcelColumn> ModellierungColumns { get; } =
    [
        new("Baustein/Praktik", 40, Wrap: true),
        new("Zielobjekt", 32, Wrap: true),
        new("Angewendet", 14),
        new("Begründung", 60, Wrap: true),
    ];

    private IReadOnlyList<string?[]> ModellierungRows()
    {
        var byName = StringComparer.Create(German, CompareOptions.IgnoreCase);
        var targets = data.Assessment.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        var rows = data.Assessment.ModuleApplications
            .OrderBy(m => m.GroupId, StringComparer.Ordinal)
            .ThenBy(m => targets.GetValueOrDefault(m.TargetObjectId, ""), byName)
            .Select(m => new string?[] { ModuleName(m.GroupId), targets.GetValueOrDefault(m.TargetObjectId, ""), "ja", null })
            .ToList();
        rows.AddRange(data.Assessment.ModuleExclusions
            .OrderBy(e => e.GroupId, StringComparer.Ordinal)
            .Select(e => new string?[] { ModuleName(e.GroupId), "–", "nein", e.Reason }));
        var withModule = data.Assessment.ModuleApplications.Select(m => m.TargetObjectId).ToHashSet();
        rows.AddRange(data.Assessment.TargetObjects
            .Where(t => !withModule.Contains(t.Id))
            .OrderBy(t => t.Name, byName)
            .Select(t => new string?[] { "–", t.Name, "kein Baustein", "Zielobjekt ohne angewendeten Baustein" }));
        return rows;
    }

    public void WriteModellierungXlsx(Stream output) =>
        WriteTable(output, "A.3 Modellierung", "Referenzdokument A.3: Modellierung", ModellierungColumns, ModellierungRows(), info => info
            .Integer("Anwendungen (Baustein × Zielobjekt)", data.Assessment.ModuleApplications.Count)
            .Integer("Nicht angewendete Bausteine (mit Begründung)", data.Assessment.ModuleExclusions.Count));

    public Task WriteModellierungHtmlAsync(Stream output, CancellationToken cancellationToken) => WriteHtmlAsync(
        output,
        "A.3 Modellierung",
        "Jeder Baustein mit den Zielobjekten, auf die er angewendet ist; nicht angewendete Bausteine mit ihrer Begründung; Zielobjekte ohne Baustein.",
        ModellierungColumns,
        ModellierungRows(),
        cancellationToken);

    // ---- A.4 / A.6 as HTML ---------------------------------------------------------------------------------

    public Task WriteGrundschutzCheckHtmlAsync(Stream output, CancellationToken cancellationToken)
    {
        var columns = new ExcelColumn[]
        {
            new("Zielobjekt", 0), new("Baustein/Praktik", 0), new("Anforderung", 0), new("Titel", 0), new("Stufe", 0),
            new("Status", 0), new("Begründung", 0), new("Umsetzung", 0), new("Datum der Erhebung", 0),
        };
        var rows = data.Export.GrundschutzCheckRows()
            .Select(r => new string?[]
            {
                r.TargetObject, r.Module, r.RequirementId, r.Title, r.Level is null ? null : $"{r.Level} {r.ModalVerb}".Trim(), r.Status,
                r.Justification, r.ImplementationDescription, Date(r.AssessedOn),
            });
        return WriteHtmlAsync(output, "A.4 IT-Grundschutz-Check", "Der Umsetzungsstatus jeder anwendbaren Anforderung je Zielobjekt.", columns, rows, cancellationToken);
    }

    public Task WriteRealisierungsplanHtmlAsync(Stream output, CancellationToken cancellationToken)
    {
        var columns = new ExcelColumn[]
        {
            new("Priorität", 0), new("Zielobjekt", 0), new("Baustein/Praktik", 0), new("Anforderung", 0), new("Status", 0),
            new("Maßnahme", 0), new("Verantwortlich", 0), new("Umsetzung bis", 0), new("Kosten", 0), new("Überfällig", 0),
        };
        var rows = data.Export.Report.ActionPlan.Items
            .Select(i => new string?[]
            {
                i.Rank.ToString(CultureInfo.InvariantCulture), i.TargetObjectName, ModuleName(i.GroupId), i.RequirementId,
                ExportTexts.Status(i.Status, Header.Framework), i.Measure, i.Owner, Date(i.DueDate),
                i.CostEstimate?.ToString("#,##0.00 €", German), i.IsOverdue ? "ja" : "nein",
            });
        return WriteHtmlAsync(output, "A.6 Realisierungsplan", "Jede Anforderung mit Status „teilweise“ oder „nein“ in der Reihenfolge der Priorität.", columns, rows, cancellationToken);
    }

    // ---- Reference document list -----------------------------------------------------------------------------

    public static IReadOnlyList<ExcelColumn> ReferenceColumns { get; } =
    [
        new("Nummer", 10),
        new("Kurzbezeichnung", 40, Wrap: true),
        new("Datei", 45, Wrap: true),
        new("Version/Datum", 45, Wrap: true),
        new("Änderungen", 45, Wrap: true),
    ];

    /// <summary>The rows of the list: A.0 policies with their metadata, then the generated documents.</summary>
    public IReadOnlyList<string?[]> ReferenceRows(IReadOnlyDictionary<Guid, string> policyPaths)
    {
        ArgumentNullException.ThrowIfNull(policyPaths);
        var rows = new List<string?[]>();
        foreach (var p in data.Policies)
        {
            var version = $"Version {p.Version} vom {Date(p.ApprovedOn)}, freigegeben von {p.ApprovedBy}; Autor/in {p.Author}"
                + (p.NextReview is { } review ? $"; nächste Überprüfung {Date(review)}" : "");
            rows.Add([p.Number, p.Title, policyPaths.GetValueOrDefault(p.Id, ""), version, p.Changes]);
        }

        var generated = $"erzeugt am {Date(DateOnly.FromDateTime(Header.ExportedAtLocal))} aus der Bewertung „{Header.AssessmentTitle}“ (freigegeben am {Date(DateOnly.FromDateTime(ExportTexts.GermanTime(data.ApprovedAt)))})";
        const string fresh = "für das Audit neu erstellt";
        rows.Add(["A.1", "Strukturanalyse", $"{PackagePaths.Strukturanalyse}.xlsx, {PackagePaths.Strukturanalyse}.html", generated, fresh]);
        rows.Add(["A.3", "Modellierung", $"{PackagePaths.Modellierung}.xlsx, {PackagePaths.Modellierung}.html", generated, fresh]);
        rows.Add(["A.4", "Ergebnis des IT-Grundschutz-Checks", $"{PackagePaths.GrundschutzCheck}.xlsx, {PackagePaths.GrundschutzCheck}.html", generated, fresh]);
        rows.Add(["A.6", "Realisierungsplan", $"{PackagePaths.Realisierungsplan}.xlsx, {PackagePaths.Realisierungsplan}.html", generated, fresh]);
        return rows;
    }

    public void WriteReferenceListXlsx(Stream output, IReadOnlyDictionary<Guid, string> policyPaths) =>
        WriteTable(output, "Referenzdokumente", "Liste der Referenzdokumente", ReferenceColumns, ReferenceRows(policyPaths), info =>
        {
            info.Heading("Hinweise zur Aktualität");
            if (data.Freshness.Count == 0)
            {
                info.Text("Aktualität", "Keine Hinweise: A.4 ist innerhalb von 12 Monaten erhoben, die Leitlinie ist aktuell.");
            }

            var n = 0;
            foreach (var warning in data.Freshness)
            {
                info.Text($"Hinweis {++n}", warning.Message);
            }
        });

    public Task WriteReferenceListHtmlAsync(Stream output, IReadOnlyDictionary<Guid, string> policyPaths, CancellationToken cancellationToken)
    {
        var intro = new StringBuilder("Die Referenzdokumente des Nachweispakets (Anlage 7.1 des Auditberichts).");
        intro.Append("\n\n## Hinweise zur Aktualität\n\n");
        if (data.Freshness.Count == 0)
        {
            intro.Append("Keine Hinweise: A.4 ist innerhalb von 12 Monaten erhoben, die Leitlinie ist aktuell.\n");
        }

        foreach (var warning in data.Freshness)
        {
            intro.Append("- ").Append(MarkdownRenderer.Escape(warning.Message)).Append('\n');
        }

        intro.Append("\n## Liste");
        return WriteHtmlAsync(output, "Referenzdokumente", intro.ToString(), ReferenceColumns, ReferenceRows(policyPaths), cancellationToken, introIsMarkdown: true);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static string? Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private void WriteTable(Stream output, string sheetName, string title, IReadOnlyList<ExcelColumn> columns, IReadOnlyList<string?[]> rows, Action<InfoSheet> describe)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        StreamedTableWorkbook.LayOut(sheet, columns, rows.Count, $"{sheetName} – {Header.MunicipalityName}");
        var info = new InfoSheet(workbook, title);
        GrundschutzCheckWorkbook.Describe(info, Header);
        describe(info);
        sheet.SetTabActive();
        StreamedTableWorkbook.Save(workbook, sheet, columns, rows.Count, output, writer =>
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].Kind == ExcelCellKind.Integer)
                    {
                        writer.Integer(int.TryParse(row[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null);
                    }
                    else
                    {
                        writer.Text(row[i]);
                    }
                }

                writer.EndRow();
            }
        });
    }

    /// <summary>
    /// Writes a document (UTF-8): the HTML head with the style sheet, the title and facts of the assessment, the intro,
    /// then the table of <paramref name="rows"/> streamed (or „Keine Einträge.“). The head and the table are rendered
    /// separately; the pipeline renders a document's blocks one after another, so this is the same HTML as rendering
    /// them as one Markdown source.
    /// </summary>
    private async Task WriteHtmlAsync(
        Stream output,
        string title,
        string intro,
        IReadOnlyList<ExcelColumn> columns,
        IEnumerable<string?[]> rows,
        CancellationToken cancellationToken,
        bool introIsMarkdown = false)
    {
        var md = new StringBuilder(1024);
        md.Append("# ").Append(MarkdownRenderer.Escape(title)).Append("\n\n");
        md.Append("- Kommune: ").Append(MarkdownRenderer.Escape(Header.MunicipalityName)).Append(" (AGS ").Append(MarkdownRenderer.Escape(Header.Ags)).Append(")\n");
        md.Append("- Bewertung: ").Append(MarkdownRenderer.Escape(Header.AssessmentTitle)).Append('\n');
        md.Append("- Katalog: ").Append(MarkdownRenderer.Escape($"{Header.CatalogTitle} {Header.CatalogVersion}".Trim())).Append('\n');
        md.Append("- Vorgehensweise: ").Append(MarkdownRenderer.Escape(AssessmentTexts.ApproachName(Header.Approach))).Append('\n');
        md.Append("- Freigegeben am: ").Append(MarkdownRenderer.Escape(ExportTexts.GermanTime(data.ApprovedAt).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)))
            .Append(" von ").Append(MarkdownRenderer.Escape(data.UserName(data.ApprovedByUserId))).Append('\n');
        md.Append("- Erstellt am: ").Append(MarkdownRenderer.Escape(Header.ExportedAtLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture))).Append("\n\n");
        md.Append(introIsMarkdown ? intro : MarkdownRenderer.Escape(intro)).Append("\n\n");

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true);
        await writer.WriteAsync("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
        await writer.WriteAsync("<meta http-equiv=\"Content-Security-Policy\" content=\"" + FileContentSecurityPolicy + "\">\n");
        await writer.WriteAsync("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        await writer.WriteAsync("<title>" + HtmlEncoder.Default.Encode($"{title} – {Header.MunicipalityName}") + "</title>\n");
        await writer.WriteAsync("<style>\n" + css.Replace("</", "<\\/", StringComparison.Ordinal) + "\n</style>\n</head>\n<body>\n<main>\n");
        await writer.WriteAsync(markdown.ToHtml(md.ToString()).AsMemory(), cancellationToken);
        if (await markdown.WriteTableAsync(writer, columns.Select(c => c.Header).ToList(), rows, cancellationToken) == 0)
        {
            await writer.WriteAsync(markdown.ToHtml("Keine Einträge.\n").AsMemory(), cancellationToken);
        }

        await writer.WriteAsync("</main>\n</body>\n</html>\n");
        await writer.FlushAsync(cancellationToken);
    }
}
