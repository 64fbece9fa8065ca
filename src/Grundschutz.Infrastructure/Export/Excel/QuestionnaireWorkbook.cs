using System.Globalization;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Dates;
using Grundschutz.Infrastructure.Workbooks;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// The questionnaire workbook of the offline round trip: an instructions sheet, the questions sheet (one row per
/// applicable requirement × target object with the stored answer) and a very hidden metadata sheet naming the
/// assessment, the catalogue version and a stamp. The id columns are locked through sheet protection without a
/// password — a guard against slips, not security: the import checks every row again. Status and reason are
/// drop-downs (list data validation) with the German words.
/// </summary>
public static class QuestionnaireWorkbook
{
    /// <summary>The columns of the questions sheet (see <see cref="QuestionnaireFormat"/> for positions).</summary>
    public static IReadOnlyList<ExcelColumn> Columns { get; } =
    [
        new("Anforderung", 16),
        new("Zielobjekt-ID", 12),
        new("Zielobjekt", 24, Wrap: true),
        new("Baustein/Praktik", 30, Wrap: true),
        new("Titel", 40, Wrap: true),
        new("Version", 9, ExcelCellKind.Integer),
        new("Status", 16, Editable: true),
        new("Grund für „entbehrlich“", 22, Editable: true),
        new("Begründung", 45, Wrap: true, Editable: true),
        new("Umsetzung", 45, Wrap: true, Editable: true),
        new("Verantwortlich", 22, Editable: true),
        new("Umsetzung bis", 13, ExcelCellKind.Date, Editable: true),
        new("Kosten (€)", 13, ExcelCellKind.Currency, Editable: true),
        new("Datum der Erhebung", 13, ExcelCellKind.Date, Editable: true),
        new("Befragte Personen", 28, Wrap: true, Editable: true),
    ];

    /// <summary>Writes the workbook (.xlsx) to <paramref name="output"/> (left open).</summary>
    public static void Write(Stream output, QuestionnaireHeader header, IReadOnlyList<QuestionnaireRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var workbook = new XLWorkbook();
        WriteInstructions(workbook, header, rows.Count);
        var sheet = workbook.AddWorksheet(QuestionnaireFormat.QuestionsSheet);
        StreamedTableWorkbook.LayOut(sheet, Columns, rows.Count, $"Fragebogen – {header.MunicipalityName}");
        var last = Math.Max(2, rows.Count + 1);
        var statusWords = QuestionnaireFormat.StatusWords(header.Framework);
        AddList(sheet.Range(2, QuestionnaireFormat.StatusColumn, last, QuestionnaireFormat.StatusColumn), statusWords,
            "Ungültiger Status", "Bitte einen Status aus der Liste wählen: " + string.Join(", ", statusWords) + ".");
        AddList(sheet.Range(2, QuestionnaireFormat.ReasonColumn, last, QuestionnaireFormat.ReasonColumn), QuestionnaireFormat.ReasonWords,
            "Ungültiger Grund", "Bitte einen Grund aus der Liste wählen (nur bei „entbehrlich“).");
        // No password: the lock keeps ids from being overwritten by mistake; the import validates everything anyway.
        var protection = sheet.Protect();
        protection.AllowElement(XLSheetProtectionElements.FormatColumns | XLSheetProtectionElements.FormatRows
            | XLSheetProtectionElements.AutoFilter | XLSheetProtectionElements.SelectEverything);

        var meta = workbook.AddWorksheet(QuestionnaireFormat.MetadataSheet);
        meta.Column(1).Width = 24;
        meta.Column(2).Width = 70;
        var exportedAt = header.ExportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        (string Label, string Value)[] lines =
        [
            (QuestionnaireFormat.FormatLabel, QuestionnaireFormat.FormatId),
            (QuestionnaireFormat.AssessmentLabel, header.AssessmentId.ToString("D")),
            (QuestionnaireFormat.CatalogVersionLabel, header.CatalogVersionId.ToString(CultureInfo.InvariantCulture)),
            (QuestionnaireFormat.CatalogLabel, header.CatalogLabel),
            (QuestionnaireFormat.ExportedAtLabel, exportedAt),
            (QuestionnaireFormat.StampLabel, QuestionnaireFormat.Stamp(header.AssessmentId, header.CatalogVersionId, exportedAt)),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            ExcelText.SetText(meta.Cell(i + 1, 1), lines[i].Label);
            ExcelText.SetText(meta.Cell(i + 1, 2), lines[i].Value);
        }

        meta.Protect();
        meta.Visibility = XLWorksheetVisibility.VeryHidden;
        sheet.SetTabActive();

        StreamedTableWorkbook.Save(workbook, sheet, Columns, rows.Count, output, writer =>
        {
            foreach (var row in rows)
            {
                writer.Text(row.RequirementId);
                writer.Text(row.TargetObjectId.ToString("D"));
                writer.Text(row.TargetObjectName);
                writer.Text(row.Module);
                writer.Text(row.Title);
                writer.Integer(row.Version);
                writer.Text(AssessmentTexts.StatusName(row.Status, header.Framework));
                writer.Text(row.EntbehrlichReason is { } reason ? AssessmentTexts.ReasonName(reason) : null);
                writer.Text(row.Justification);
                writer.Text(row.ImplementationDescription);
                writer.Text(row.Owner);
                writer.Date(row.DueDate);
                writer.Currency(row.CostEstimate);
                writer.Date(row.AssessedOn);
                writer.Text(row.Interviewees);
                writer.EndRow();
            }
        });
    }

    private static string Day(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static void AddList(IXLRange range, IReadOnlyList<string> words, string errorTitle, string error)
    {
        var validation = range.SetDataValidation();
        validation.List("\"" + string.Join(",", words) + "\"", true);
        validation.IgnoreBlanks = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = errorTitle;
        validation.ErrorMessage = error;
    }

    private static void WriteInstructions(XLWorkbook workbook, QuestionnaireHeader header, int rowCount)
    {
        var info = new InfoSheet(workbook, "Fragebogen zum Ausfüllen ohne Internetverbindung");
        info.Sheet.Name = QuestionnaireFormat.InstructionsSheet;
        var statusWords = string.Join(", ", QuestionnaireFormat.StatusWords(header.Framework));
        info.Text("Kommune", header.MunicipalityName)
            .Text("Bewertung", header.AssessmentTitle)
            .Text("Katalog", header.CatalogLabel)
            .Text("Vorgehensweise", AssessmentTexts.ApproachName(header.Approach))
            .DateTime("Exportiert am", Export.ExportTexts.GermanTime(header.ExportedAt))
            .Integer("Zeilen (Anforderung × Zielobjekt)", rowCount)
            .Heading("So geht es")
            .Text("1. Ausfüllen", "Im Blatt „Fragebogen“ die Spalten Status bis Befragte Personen ausfüllen. Die Spalten Anforderung bis Version sind gesperrt und dürfen nicht geändert werden; Zeilen nicht kopieren oder verschieben.")
            .Text("2. Status", $"Aus der Liste wählen: {statusWords}. „entbehrlich“ braucht einen Grund und eine Begründung.")
            .Text("3. Daten", $"„Umsetzung bis“ und „Datum der Erhebung“ als Datum zwischen {Day(PlausibleDates.Min)} und {Day(PlausibleDates.Max)} eingeben, z. B. 31.12.2026. Das Datum der Erhebung darf nicht in der Zukunft liegen.")
            .Text("4. Keine Formeln", "Zellen mit Formeln werden beim Hochladen abgelehnt; bitte nur Werte eintragen.")
            .Text("5. Hochladen", "Die Datei in der Bewertung unter „Excel-Fragebogen“ hochladen. Sie sehen zuerst eine Vorschau aller Änderungen und Fehler; übernommen wird erst nach Ihrer Bestätigung, und zwar alles oder nichts.")
            .Text("Gleichzeitige Änderungen", "Wurde eine Antwort seit dem Export im Portal geändert, wird die Zeile als Konflikt gezeigt und nicht überschrieben.")
            .Text("Blattschutz", "Der Blattschutz hat kein Kennwort. Er schützt vor versehentlichem Überschreiben, nicht vor Absicht – geprüft wird beim Hochladen.")
            .Text("Nur für diese Bewertung", "Die Datei gehört zu genau dieser Bewertung und Katalogversion; eine Datei einer anderen Bewertung wird abgelehnt.");
    }
}
