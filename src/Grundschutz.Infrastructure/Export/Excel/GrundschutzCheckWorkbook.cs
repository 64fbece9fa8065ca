using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Export.Excel;

/// <summary>
/// Referenzdokument A.4 „Ergebnis des IT-Grundschutz-Checks“ as an Excel workbook: the sheet
/// <see cref="SheetName"/> with one row per applicable requirement × target object (DOMAIN.md §2.2, §3.2) and the
/// sheet „Angaben“ with municipality, assessment, catalogue, approach and dates.
/// </summary>
public static class GrundschutzCheckWorkbook
{
    /// <summary>Name of the table sheet.</summary>
    public const string SheetName = "A.4 IT-Grundschutz-Check";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<ExcelColumn> Columns { get; } =
    [
        new("Zielobjekt", 28, Wrap: true),
        new("Baustein/Praktik", 36, Wrap: true),
        new("Anforderung", 16),
        new("Titel", 40, Wrap: true),
        new("Stufe", 11),
        new("Modalverb", 11),
        new("Status", 15),
        new("Begründung", 50, Wrap: true),
        new("Umsetzung", 50, Wrap: true),
        new("Datum der Erhebung", 13, ExcelCellKind.Date),
        new("Befragte Personen", 28, Wrap: true),
    ];

    /// <summary>Writes the workbook (.xlsx) to <paramref name="output"/>.</summary>
    /// <param name="output">Where the file goes; left open.</param>
    /// <param name="header">Facts about the assessment.</param>
    /// <param name="rows">The rows, in the order they are to appear.</param>
    public static void Write(Stream output, ExportHeader header, IReadOnlyList<GrundschutzCheckRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        StreamedTableWorkbook.LayOut(sheet, Columns, rows.Count, $"A.4 IT-Grundschutz-Check – {header.MunicipalityName}");

        var info = new InfoSheet(workbook, "Referenzdokument A.4: Ergebnis des IT-Grundschutz-Checks");
        Describe(info, header)
            .Integer("Zeilen (Anforderung × Zielobjekt)", rows.Count)
            .Heading("Hinweise")
            .Text("Umfang", "Eine Zeile je anwendbarer Anforderung und Zielobjekt nach der gewählten Vorgehensweise; entfallene Anforderungen fehlen.")
            .Text("Status „offen“", "Noch nicht erhoben (Arbeitsstand, kein Prüfergebnis).")
            .Text("Aktualität", "Jede Anforderung muss innerhalb der letzten 12 Monate (neu) bewertet worden sein (Datum der Erhebung).");
        sheet.SetTabActive();

        StreamedTableWorkbook.Save(workbook, sheet, Columns, rows.Count, output, writer =>
        {
            foreach (var row in rows)
            {
                writer.Text(row.TargetObject);
                writer.Text(row.Module);
                writer.Text(row.RequirementId);
                writer.Text(row.Title);
                writer.Text(row.Level);
                writer.Text(row.ModalVerb);
                writer.Text(row.Status);
                writer.Text(row.Justification);
                writer.Text(row.ImplementationDescription);
                writer.Date(row.AssessedOn);
                writer.Text(row.Interviewees);
                writer.EndRow();
            }
        });
    }

    /// <summary>The lines both exports share.</summary>
    internal static InfoSheet Describe(InfoSheet info, ExportHeader header) => info
        .Text("Kommune", header.MunicipalityName)
        .Text("Amtlicher Gemeindeschlüssel (AGS)", header.Ags)
        .Text("Bewertung", header.AssessmentTitle)
        .Text("Zustand", AssessmentTexts.StateName(header.State))
        .Text("Katalog", header.CatalogTitle)
        .Text("Katalogversion", header.CatalogVersion)
        .Text("Rahmenwerk", header.Framework == CatalogFramework.GrundschutzPlusPlus ? "Grundschutz++" : "IT-Grundschutz-Kompendium")
        .Text("Vorgehensweise", AssessmentTexts.ApproachName(header.Approach))
        .Date("Stichtag", header.ReferenceDate)
        .DateTime("Exportiert am", header.ExportedAtLocal)
        .DateTime("Letzte inhaltliche Änderung", header.LastChangedAt is { } changed ? ExportTexts.GermanTime(changed) : null);
}
