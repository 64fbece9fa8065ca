using ClosedXML.Excel;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// Referenzdokument A.6 „Realisierungsplan“ as an Excel workbook: every pair with status teilweise or nein from the
/// scorer's <see cref="ActionPlan"/>, in its ranking order, with the fields of BSI-Standard 200-2 Kap. 9.4 (target
/// object, module, requirement, measure, schedule, budget, owner) plus priority and the overdue flag; and the sheet
/// „Angaben“ with the plan's totals.
/// </summary>
public static class RealisierungsplanWorkbook
{
    /// <summary>Name of the table sheet.</summary>
    public const string SheetName = "A.6 Realisierungsplan";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<ExcelColumn> Columns { get; } =
    [
        new("Priorität", 10, ExcelCellKind.Integer),
        new("Stufe", 11),
        new("Modalverb", 11),
        new("Zielobjekt", 26, Wrap: true),
        new("Baustein/Praktik", 32, Wrap: true),
        new("Anforderung", 16),
        new("Titel", 36, Wrap: true),
        new("Status", 15),
        new("Maßnahme", 50, Wrap: true),
        new("Verantwortlich", 22, Wrap: true),
        new("Umsetzung bis", 13, ExcelCellKind.Date),
        new("Kosten", 14, ExcelCellKind.Currency),
        new("Überfällig", 11),
    ];

    /// <summary>Writes the workbook (.xlsx) to <paramref name="output"/>.</summary>
    /// <param name="output">Where the file goes; left open.</param>
    /// <param name="header">Facts about the assessment.</param>
    /// <param name="plan">The scorer's Realisierungsplan; its items are written in rank order.</param>
    /// <param name="moduleTitle">Title of a module/topic by id, or null when unknown.</param>
    public static void Write(Stream output, ExportHeader header, ActionPlan plan, Func<string, string?> moduleTitle)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(moduleTitle);
        var items = plan.Items;
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        StreamedTableWorkbook.LayOut(sheet, Columns, items.Count, $"A.6 Realisierungsplan – {header.MunicipalityName}");

        var info = new InfoSheet(workbook, "Referenzdokument A.6: Realisierungsplan");
        GrundschutzCheckWorkbook.Describe(info, header)
            .Heading("Zusammenfassung")
            .Integer("Maßnahmen (Status teilweise oder nein)", items.Count)
            .Integer("davon überfällig", plan.Overdue)
            .Integer("davon ohne Verantwortliche", plan.MissingOwner)
            .Integer("davon ohne Termin („Umsetzung bis“)", plan.MissingDueDate)
            .Currency(plan.MissingCost > 0 ? "Bekannte Kosten (Untergrenze)" : "Kosten", plan.KnownCost)
            .Integer("davon ohne Kostenschätzung", plan.MissingCost)
            .Integer("Unbeantwortete Paare (nicht im Plan)", plan.Unanswered.Count)
            .Heading("Hinweise")
            .Text("Reihenfolge", "Priorität 1 zuerst: Stufe (B vor S vor H; normal-SdT vor erhöht), Modalverb (MUSS vor SOLLTE vor KANN), Aufwand, Bearbeitungsreihenfolge R1–R3, Anforderungsnummer, Zielobjekt. Ein Vorschlag, den die oder der ISB anpassen kann.")
            .Text("Überfällig", "„Umsetzung bis“ liegt vor dem Stichtag; ein Termin am Stichtag ist nicht überfällig.")
            .Text("Maßnahme", "Die Umsetzungsbeschreibung der Antwort, ersatzweise ihre Begründung.");
        sheet.SetTabActive();

        StreamedTableWorkbook.Save(workbook, sheet, Columns, items.Count, output, writer =>
        {
            foreach (var item in items)
            {
                var pair = item.Pair;
                writer.Integer(item.Rank);
                writer.Text(ExportTexts.Level(pair.Level, pair.SecLevel, header.Framework));
                writer.Text(pair.ModalVerb);
                writer.Text(item.TargetObjectName);
                writer.Text(ExportTexts.IdAndTitle(item.GroupId, moduleTitle(item.GroupId)));
                writer.Text(item.RequirementId);
                writer.Text(item.Title);
                writer.Text(ExportTexts.Status(item.Status, header.Framework));
                writer.Text(item.Measure);
                writer.Text(item.Owner);
                writer.Date(item.DueDate);
                writer.Currency(item.CostEstimate);
                writer.Text(item.IsOverdue ? "Ja" : "Nein");
                writer.EndRow();
            }
        });
    }
}
