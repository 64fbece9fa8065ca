using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Workshops;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// The summary workbook of a workshop: „Übersicht“ (one row per participant: answered share and the two headline
/// Umsetzungsgrade, then one row per participant and layer), „Häufige Lücken“ (requirements most often nein or
/// teilweise) and one sheet per municipality (its layers and modules). A participant without consent appears in the
/// overview by name and AGS with „Zustimmung ausstehend“ only: no numbers, no layer rows, no sheet of its own. Percentages are truncated to one decimal like
/// everywhere in the app and written as numbers; an undefined share („nichts anwendbar“) stays empty. Small, so
/// ClosedXML writes it cell by cell with explicit widths.
/// </summary>
public static class WorkshopSummaryWorkbook
{
    public const string OverviewSheet = "Übersicht";

    public const string GapsSheet = "Häufige Lücken";

    /// <summary>What the overview says about a participant whose ISB has not agreed (yet).</summary>
    public const string PendingConsent = "Zustimmung ausstehend";

    private const string PercentFormat = "0.0";

    /// <summary>Writes the workbook (.xlsx) to <paramref name="output"/> (left open).</summary>
    public static void Write(Stream output, WorkshopSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        using var workbook = new XLWorkbook();
        WriteOverview(workbook, summary);
        WriteGaps(workbook, summary);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { OverviewSheet, GapsSheet };
        foreach (var participant in summary.Participants.Where(p => p.Consented))
        {
            WriteParticipant(workbook, summary, participant, SheetName(participant, used));
        }

        workbook.Worksheet(OverviewSheet).SetTabActive();
        workbook.SaveAs(output);
    }

    /// <summary>A unique sheet name for a municipality: „Name (AGS)“ without the characters Excel forbids, at most 31 characters.</summary>
    public static string SheetName(ParticipantProgress participant, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return SheetName(participant.Name, participant.Ags, used);
    }

    /// <summary>
    /// „Name (AGS)“ as a unique sheet name of at most 31 characters: a name too long for it is cut at a word, never
    /// inside a bracket (not „Beispielgemeinde (De (06439999)“), and marked with „…“.
    /// </summary>
    public static string SheetName(string municipalityName, string ags, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(municipalityName);
        ArgumentNullException.ThrowIfNull(used);
        var clean = new StringBuilder();
        foreach (var c in municipalityName)
        {
            clean.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c);
        }

        var suffix = $" ({ags})";
        var name = clean.ToString().Trim('\'').Trim();
        if (name.Length + suffix.Length > 31)
        {
            var cut = name[..(31 - suffix.Length - 1)];
            var open = cut.LastIndexOf('(');
            if (open > 0 && open > cut.LastIndexOf(')'))
            {
                cut = cut[..open];
            }
            else if (cut.LastIndexOf(' ') is var space and > 0 && name[cut.Length] != ' ')
            {
                cut = cut[..space];
            }

            name = cut.TrimEnd() + "…";
        }

        name += suffix;
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            var tag = $"~{i}";
            candidate = name[..Math.Min(name.Length, 31 - tag.Length)] + tag;
        }

        return candidate;
    }

    private static void WriteOverview(XLWorkbook workbook, WorkshopSummary summary)
    {
        var sheet = workbook.AddWorksheet(OverviewSheet);
        var row = Title(sheet, summary, "Workshop-Übersicht");
        string[] headers = ["Kommune", "AGS", "Bewertung", "Zustand", "Paare", "Beantwortet", "Beantwortet (%)", summary.FirstSliceLabel + " (%)", summary.SecondSliceLabel + " (%)"];
        double[] widths = [30, 11, 30, 16, 9, 12, 14, 16, 16];
        var headerRow = row;
        row = Header(sheet, row, headers, widths);
        foreach (var participant in summary.Participants)
        {
            var col = 1;
            ExcelText.SetText(sheet.Cell(row, col++), participant.Name);
            ExcelText.SetText(sheet.Cell(row, col++), participant.Ags);
            if (!participant.Consented)
            {
                ExcelText.SetText(sheet.Cell(row, col), PendingConsent);
                row++;
                continue;
            }

            ExcelText.SetText(sheet.Cell(row, col++), participant.AssessmentTitle ?? "keine Bewertung zu diesem Katalog");
            ExcelText.SetText(sheet.Cell(row, col++), participant.State is { } state ? AssessmentTexts.StateName(state) : "");
            Numbers(sheet, row, col, participant.Overall);
            row++;
        }

        Finish(sheet, headerRow);

        row += 2;
        ExcelText.SetText(sheet.Cell(row, 1), "Je Schicht bzw. Praktik");
        sheet.Cell(row, 1).Style.Font.Bold = true;
        row++;
        string[] layerHeaders = ["Kommune", "AGS", "Schicht/Praktik", "Titel", "Paare", "Beantwortet", "Beantwortet (%)", summary.FirstSliceLabel + " (%)", summary.SecondSliceLabel + " (%)"];
        row = Header(sheet, row, layerHeaders, null);
        foreach (var participant in summary.Participants)
        {
            foreach (var layer in participant.Layers)
            {
                ExcelText.SetText(sheet.Cell(row, 1), participant.Name);
                ExcelText.SetText(sheet.Cell(row, 2), participant.Ags);
                ExcelText.SetText(sheet.Cell(row, 3), layer.Id);
                ExcelText.SetText(sheet.Cell(row, 4), layer.Title);
                Numbers(sheet, row, 5, layer);
                row++;
            }
        }

        row += 1;
        ExcelText.SetText(sheet.Cell(row, 1), "Umsetzungsgrade streng (teilweise zählt 0), auf eine Nachkommastelle abgeschnitten; leer = nichts anwendbar. Nur Kennzahlen, keine Antworttexte.");

        // What the columns mean, for a reader of the file who never saw the page (a workshop's participants).
        row++;
        ExcelText.SetText(sheet.Cell(row, 1), summary.Framework == CatalogFramework.GrundschutzPlusPlus
            ? "Paare: je Anforderung und Zielobjekt gezählt. Umsetzungsgrad normal-SdT: Anteil der umgesetzten Anforderungen des normalen Stands der Technik; erhöht: ebenso bei erhöhtem Schutzbedarf (begründet entbehrliche zählen nicht mit)."
            : "Paare: je Anforderung und Zielobjekt gezählt. E_B: Anteil der Basis-Anforderungen mit „ja“; E_BS: ebenso über Basis- und Standard-Anforderungen (begründet entbehrliche zählen nicht mit).");
        if (summary.Participants.Any(p => !p.Consented))
        {
            row++;
            ExcelText.SetText(sheet.Cell(row, 1), "„" + PendingConsent + "“: Die Zahlen der Kommune erscheinen, sobald ihre Informationssicherheitsbeauftragten unter „Bewertungen → Workshop-Einladungen“ der Teilnahme zustimmen.");
        }
    }

    private static void WriteGaps(XLWorkbook workbook, WorkshopSummary summary)
    {
        var sheet = workbook.AddWorksheet(GapsSheet);
        var row = Title(sheet, summary, "Häufige Lücken (nein oder teilweise)");
        string[] headers = ["Anforderung", "Titel", "Baustein/Praktik", "Kommunen", "nein", "teilweise"];
        var headerRow = row;
        row = Header(sheet, row, headers, [16, 50, 14, 11, 9, 11]);
        foreach (var gap in summary.Gaps)
        {
            ExcelText.SetText(sheet.Cell(row, 1), gap.RequirementId);
            ExcelText.SetText(sheet.Cell(row, 2), gap.Title);
            ExcelText.SetText(sheet.Cell(row, 3), gap.GroupId);
            sheet.Cell(row, 4).SetValue(gap.Municipalities);
            sheet.Cell(row, 5).SetValue(gap.Nein);
            sheet.Cell(row, 6).SetValue(gap.Teilweise);
            row++;
        }

        Finish(sheet, headerRow);
    }

    private static void WriteParticipant(XLWorkbook workbook, WorkshopSummary summary, ParticipantProgress participant, string name)
    {
        var sheet = workbook.AddWorksheet(name);
        var row = Title(sheet, summary, $"{participant.Name} ({participant.Ags})");
        ExcelText.SetText(sheet.Cell(row, 1), "Bewertung");
        ExcelText.SetText(sheet.Cell(row++, 2), participant.AssessmentTitle ?? "keine Bewertung zu diesem Katalog");
        row++;
        string[] headers = ["Bereich", "Titel", "Paare", "Beantwortet", "Beantwortet (%)", summary.FirstSliceLabel + " (%)", summary.SecondSliceLabel + " (%)"];
        var headerRow = row;
        row = Header(sheet, row, headers, [16, 44, 9, 12, 14, 16, 16]);
        void Line(string id, string? title, ScopeProgress scope)
        {
            ExcelText.SetText(sheet.Cell(row, 1), id);
            ExcelText.SetText(sheet.Cell(row, 2), title);
            Numbers(sheet, row, 3, scope);
            row++;
        }

        Line("Gesamt", "Ausgewählte Bausteine", participant.Overall);
        foreach (var layer in participant.Layers)
        {
            Line(layer.Id, layer.Title, layer);
        }

        foreach (var module in participant.Modules)
        {
            Line(module.Id, module.Title, module);
        }

        Finish(sheet, headerRow);
    }

    private static int Title(IXLWorksheet sheet, WorkshopSummary summary, string title)
    {
        var cell = sheet.Cell(1, 1);
        ExcelText.SetText(cell, title);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 14;
        ExcelText.SetText(sheet.Cell(2, 1), $"Workshop „{summary.Topic}“ am {summary.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} – {summary.CatalogLabel}; Stichtag {summary.ReferenceDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}");
        ExcelText.SetText(sheet.Cell(3, 1), summary.Modules.Count == 0 ? "Bausteine: alle" : "Bausteine: " + string.Join(", ", summary.Modules));
        return 5;
    }

    private static int Header(IXLWorksheet sheet, int row, string[] headers, double[]? widths)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            ExcelText.SetText(cell, headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromArgb(0xD9, 0xE1, 0xF2);
            cell.Style.Alignment.WrapText = true;
            if (widths is not null)
            {
                sheet.Column(c + 1).Width = widths[c];
            }
        }

        return row + 1;
    }

    private static void Finish(IXLWorksheet sheet, int headerRow)
    {
        sheet.SheetView.FreezeRows(headerRow);

        var page = sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
    }

    private static void Numbers(IXLWorksheet sheet, int row, int col, ScopeProgress scope)
    {
        sheet.Cell(row, col).SetValue(scope.Pairs);
        sheet.Cell(row, col + 1).SetValue(scope.Answered);
        Percent(sheet.Cell(row, col + 2), scope.Coverage);
        Percent(sheet.Cell(row, col + 3), scope.First);
        Percent(sheet.Cell(row, col + 4), scope.Second);
    }

    private static void Percent(IXLCell cell, Ratio ratio)
    {
        if (ratio.Percent(1) is { } percent)
        {
            cell.SetValue(percent);
            cell.Style.NumberFormat.Format = PercentFormat;
        }
    }
}
