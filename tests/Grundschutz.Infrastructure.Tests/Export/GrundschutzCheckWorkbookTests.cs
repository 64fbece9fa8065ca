using System.Diagnostics;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Export.Excel;
using Xunit.Abstractions;

namespace Grundschutz.Infrastructure.Tests.Export;

public sealed class GrundschutzCheckWorkbookTests(ITestOutputHelper output)
{
    private static MemoryStream Write(AssessmentExport export)
    {
        var file = new MemoryStream();
        export.WriteGrundschutzCheck(file);
        return file;
    }

    [Fact]
    public void Write_HandBuiltAssessment_TableLayoutAsSpecified()
    {
        using var file = Write(ExportTestData.Export());
        using var workbook = WorkbookAssert.Reopen(file);

        Assert.Equal([GrundschutzCheckWorkbook.SheetName, "Angaben"], workbook.Worksheets.Select(w => w.Name));
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);
        Assert.Equal(
            ["Zielobjekt", "Baustein/Praktik", "Anforderung", "Titel", "Stufe", "Modalverb", "Status", "Begründung", "Umsetzung", "Datum der Erhebung", "Befragte Personen"],
            GrundschutzCheckWorkbook.Columns.Select(c => c.Header));
        WorkbookAssert.Table(sheet, GrundschutzCheckWorkbook.Columns, dataRows: 10);
        Assert.True(sheet.TabActive);
    }

    [Fact]
    public void Write_HandBuiltAssessment_OneRowPerPairPerTargetModuleRequirement()
    {
        using var file = Write(ExportTestData.Export());
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);

        string[][] expected =
        [
            ["Informationsverbund", "ISMS.1 Sicherheitsmanagement", "ISMS.1.A1", "Titel ISMS.1.A1", "B", "MUSS", "ja", "", "Leitlinie vom Rat beschlossen.", "Frau Schmidt (ISB)"],
            ["Informationsverbund", "ISMS.1 Sicherheitsmanagement", "ISMS.1.A2", "Titel ISMS.1.A2", "S", "SOLLTE", "nein", ExportTestData.Hyperlink, "", ""],
            ["Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A1", "Titel SYS.2.1.A1", "B", "MUSS", "ja", "", "", ""],
            ["Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A2", "Titel SYS.2.1.A2", "B", "MUSS", "nein", "+1+1", "", "@Herr Meier"],
            ["Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A3", "Titel SYS.2.1.A3", "S", "SOLLTE", "ja", "", "", ""],
            ["Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A4", "Titel SYS.2.1.A4", "S", "SOLLTE", "teilweise", "Begründung < & > \"Zeichen\"", "@SUM(A1)", ""],
            ["Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A5", "Titel SYS.2.1.A5", "S", "SOLLTE", "entbehrlich", "Kein WLAN vorhanden.", "", ""],
            ["Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A6", "Titel SYS.2.1.A6", "H", "SOLLTE", "ja", "", "", ""],
            ["Clients Bürgeramt", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A1", "Titel SYS.2.1.A1", "B", "MUSS", "ja", "", "", ""],
            ["Clients Bürgeramt", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A3", "Titel SYS.2.1.A3", "S", "SOLLTE", "offen", "", "", ""],
        ];
        for (var r = 0; r < expected.Length; r++)
        {
            var row = r + 2;
            string[] actual =
            [
                .. Enumerable.Range(1, 9).Select(c => sheet.Cell(row, c).GetString()),
                sheet.Cell(row, 11).GetString(),
            ];
            Assert.Equal(expected[r], actual);
        }

        Assert.True(sheet.Row(12).IsEmpty());
    }

    [Fact]
    public void Write_AssessedOn_IsADateCellAndEmptyWhenOpen()
    {
        using var file = Write(ExportTestData.Export());
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);

        WorkbookAssert.Date(sheet.Cell(2, 10), new DateOnly(2026, 10, 1));
        WorkbookAssert.Date(sheet.Cell(3, 10), new DateOnly(2026, 10, 2));
        WorkbookAssert.Date(sheet.Cell(4, 10), ExportTestData.Today);
        Assert.True(sheet.Cell(11, 10).IsEmpty());
    }

    [Theory]
    [InlineData(ExportTestData.Hyperlink)]
    [InlineData("+1+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    [InlineData("=1+1")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Write_FormulaLikeUserText_StaysTextInEveryTextColumn(string text)
    {
        var pair = ExportTestData.Pairs()[0] with
        {
            TargetObjectName = text,
            Title = text,
            Justification = text,
            ImplementationDescription = text,
        };
        using var file = new MemoryStream();
        GrundschutzCheckWorkbook.Write(file, ExportTestData.Header(title: text), [GrundschutzCheckRow.From(pair, CatalogFramework.ItGrundschutz, null, text)]);
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);

        foreach (var column in new[] { 1, 4, 8, 9, 11 })
        {
            WorkbookAssert.Text(sheet.Cell(2, column), text);
        }

        WorkbookAssert.Text(WorkbookAssert.Info(workbook)["Bewertung"], text);
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public void Write_MarkupLineBreaksAndSpaces_RoundTrip()
    {
        const string text = "Zeile 1\nZeile 2 <b>&amp;</b> \"Ende\"";
        var pair = ExportTestData.Pairs()[0] with { Justification = text, ImplementationDescription = " führende und folgende Leerzeichen " };
        using var file = new MemoryStream();
        GrundschutzCheckWorkbook.Write(file, ExportTestData.Header(), [GrundschutzCheckRow.From(pair, CatalogFramework.ItGrundschutz, null, "A\u0001B")]);
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);

        WorkbookAssert.Text(sheet.Cell(2, 8), text);
        WorkbookAssert.Text(sheet.Cell(2, 9), " führende und folgende Leerzeichen ");
        // A control character cannot appear in XML; it travels as _x0001_, which Excel and ClosedXML decode.
        WorkbookAssert.Text(sheet.Cell(2, 11), "A\u0001B");
    }

    /// <summary>
    /// Rows with wrapped text carry a height for all their lines (LibreOffice and printing drew the further lines over
    /// the next rows); one-line rows keep the default. The estimate: one line per column-width of characters, plus one
    /// per line break, 15 points a line.
    /// </summary>
    [Fact]
    public void Write_WrappedText_RowsTallEnoughForAllLines()
    {
        var implementation = string.Join(" ", Enumerable.Repeat("Die Datensicherung läuft täglich.", 6)); // 6 × 33 + 5 = 203 characters
        var pair = ExportTestData.Pairs()[0] with { Justification = "Zeile 1\nZeile 2\nZeile 3", ImplementationDescription = implementation };
        var plain = ExportTestData.Pairs()[1] with { Justification = null, ImplementationDescription = "kurz" };
        using var file = new MemoryStream();
        GrundschutzCheckWorkbook.Write(file, ExportTestData.Header(), [GrundschutzCheckRow.From(pair, CatalogFramework.ItGrundschutz, null, null), GrundschutzCheckRow.From(plain, CatalogFramework.ItGrundschutz, null, null)]);
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);

        var width = GrundschutzCheckWorkbook.Columns[8].Width;
        Assert.True(GrundschutzCheckWorkbook.Columns[8].Wrap);
        var lines = (int)Math.Ceiling(implementation.Length / Math.Floor(width));
        Assert.True(lines > 3, $"the text should need more lines than the three of the justification, not {lines}");
        Assert.Equal(lines * 15, sheet.Row(2).Height);
        Assert.Equal(sheet.RowHeight, sheet.Row(3).Height);

        // The header's „Datum der Erhebung“ does not fit in one line of its column either.
        Assert.True(sheet.Row(1).Height >= 30, $"header row {sheet.Row(1).Height} pt");
    }

    [Fact]
    public void Write_GrundschutzPlusPlus_UsesItsStatusWordsAndSecLevel()
    {
        static ScoredPair Control(string id, string? secLevel, AnswerStatus status) => new()
        {
            RequirementId = id,
            GroupId = "BER.6",
            TopGroupId = "BER",
            SecLevel = secLevel,
            ModalVerb = "MUSS",
            TargetObjectId = ExportTestData.Verbund,
            TargetObjectName = "Informationsverbund",
            Status = status,
            AssessedOn = ExportTestData.Today,
        };
        var report = ExportTestData.Report(
            [Control("BER.6.1", null, AnswerStatus.Ja), Control("BER.6.2", "erhöht", AnswerStatus.Nein), Control("BER.6.3", "normal-SdT", AnswerStatus.Entbehrlich)],
            CatalogFramework.GrundschutzPlusPlus);
        using var file = Write(ExportTestData.Export(report, ExportTestData.Header(CatalogFramework.GrundschutzPlusPlus)));
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);

        Assert.Equal(["normal-SdT", "erhöht", "normal-SdT"], Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 5).GetString()));
        Assert.Equal(["umgesetzt", "nicht umgesetzt", "entbehrlich"], Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 7).GetString()));
        Assert.Equal("BER.6", sheet.Cell(2, 2).GetString());
        Assert.Equal("Grundschutz++", WorkbookAssert.Info(workbook)["Rahmenwerk"].GetString());
    }

    [Fact]
    public void Write_InfoSheet_NamesMunicipalityAssessmentCatalogueApproachAndDates()
    {
        using var file = Write(ExportTestData.Export());
        using var workbook = WorkbookAssert.Reopen(file);
        var info = WorkbookAssert.Info(workbook);

        WorkbookAssert.Text(info["Kommune"], "Köln");
        WorkbookAssert.Text(info["Amtlicher Gemeindeschlüssel (AGS)"], "05315000");
        WorkbookAssert.Text(info["Bewertung"], "IT-Grundschutz-Check 2026");
        WorkbookAssert.Text(info["Katalog"], "IT-Grundschutz-Kompendium");
        WorkbookAssert.Text(info["Katalogversion"], "Edition 2023");
        WorkbookAssert.Text(info["Vorgehensweise"], "Standard-Absicherung");
        WorkbookAssert.Text(info["Zustand"], "In Bearbeitung");
        WorkbookAssert.Date(info["Stichtag"], ExportTestData.Today);
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), info["Exportiert am"].GetDateTime());
        Assert.Equal(ExcelFormats.DateTime, info["Exportiert am"].Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 11, 20, 15, 30, 0), info["Letzte inhaltliche Änderung"].GetDateTime());
        Assert.Equal(10, info["Zeilen (Anforderung × Zielobjekt)"].GetValue<int>());
        Assert.Equal("A4-Grundschutz-Check-05315000-2026-11-23.xlsx", ExportTestData.Export().GrundschutzCheckFileName);
    }

    [Fact]
    public void Write_NoPairs_HeaderOnlyWithFilterOnTheHeader()
    {
        var export = ExportTestData.Export(ExportTestData.Report([]));
        using var file = Write(export);
        using var workbook = WorkbookAssert.Reopen(file);

        WorkbookAssert.Table(workbook.Worksheet(GrundschutzCheckWorkbook.SheetName), GrundschutzCheckWorkbook.Columns, dataRows: 0);
    }

    [Fact]
    public void Write_FullKompendiumAssessment_73400RowsAllThere()
    {
        var rows = SyntheticRows(73_400);
        using var file = new MemoryStream();
        var watch = Stopwatch.StartNew();
        GrundschutzCheckWorkbook.Write(file, ExportTestData.Header(), rows);
        output.WriteLine($"73,400 rows: {watch.ElapsedMilliseconds} ms, {file.Length:N0} bytes (timing on a test machine, see the benchmark)");

        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(GrundschutzCheckWorkbook.SheetName);
        WorkbookAssert.Table(sheet, GrundschutzCheckWorkbook.Columns, dataRows: 73_400);
        Assert.Equal(rows[^1].RequirementId, sheet.Cell(73_401, 3).GetString());
        Assert.Equal(rows[^1].TargetObject, sheet.Cell(73_401, 1).GetString());
        WorkbookAssert.Date(sheet.Cell(73_401, 10), rows[^1].AssessedOn!.Value);
    }

    private static List<GrundschutzCheckRow> SyntheticRows(int count)
    {
        var rows = new List<GrundschutzCheckRow>(count);
        for (var i = 0; i < count; i++)
        {
            var requirement = i / 40;
            rows.Add(new GrundschutzCheckRow(
                $"Zielobjekt {(i % 40) + 1:00}",
                $"SYS.{requirement / 17}.1 Baustein",
                $"SYS.{requirement / 17}.1.A{(requirement % 17) + 1}",
                "Titel der Anforderung",
                "B",
                "MUSS",
                "ja",
                i % 7 == 0 ? "=Begründung" : null,
                "Beschreibung der Umsetzung",
                ExportTestData.Today.AddDays(-(i % 400)),
                "IT-Leitung"));
        }

        return rows;
    }
}
