using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Export.Excel;

namespace Grundschutz.Infrastructure.Tests.Export;

public sealed class RealisierungsplanWorkbookTests
{
    private static MemoryStream Write(AssessmentExport export)
    {
        var file = new MemoryStream();
        export.WriteRealisierungsplan(file);
        return file;
    }

    [Fact]
    public void Write_HandBuiltAssessment_TableLayoutAsSpecified()
    {
        using var file = Write(ExportTestData.Export());
        using var workbook = WorkbookAssert.Reopen(file);

        Assert.Equal([RealisierungsplanWorkbook.SheetName, "Angaben"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(
            ["Priorität", "Stufe", "Modalverb", "Zielobjekt", "Baustein/Praktik", "Anforderung", "Titel", "Status", "Maßnahme", "Verantwortlich", "Umsetzung bis", "Kosten", "Überfällig"],
            RealisierungsplanWorkbook.Columns.Select(c => c.Header));
        WorkbookAssert.Table(workbook.Worksheet(RealisierungsplanWorkbook.SheetName), RealisierungsplanWorkbook.Columns, dataRows: 3);
    }

    [Fact]
    public void Write_HandBuiltAssessment_OpenItemsInTheScorersRankOrderWithOverdueFlag()
    {
        var report = ExportTestData.Report();
        using var file = Write(ExportTestData.Export(report));
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(RealisierungsplanWorkbook.SheetName);

        // By hand: B before S (SYS.2.1.A2 first), then R1 before R2 (ISMS.1.A2 before SYS.2.1.A4); the open
        // SYS.2.1.A3 × Clients is no plan item; SYS.2.1.A2 was due on 01.11.2026, before the 23.11.2026.
        Assert.Equal(["SYS.2.1.A2", "ISMS.1.A2", "SYS.2.1.A4"], report.ActionPlan.Items.Select(i => i.RequirementId));
        var items = report.ActionPlan.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var row = i + 2;
            Assert.Equal(items[i].Rank, sheet.Cell(row, 1).GetValue<int>());
            Assert.Equal(XLDataType.Number, sheet.Cell(row, 1).DataType);
            Assert.Equal(items[i].RequirementId, sheet.Cell(row, 6).GetString());
            Assert.Equal(items[i].TargetObjectName, sheet.Cell(row, 4).GetString());
            Assert.Equal(items[i].IsOverdue ? "Ja" : "Nein", sheet.Cell(row, 13).GetString());
        }

        string[][] expected =
        [
            ["1", "B", "MUSS", "Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A2", "Titel SYS.2.1.A2", "nein", "+1+1", "-2", "Ja"],
            ["2", "S", "SOLLTE", "Informationsverbund", "ISMS.1 Sicherheitsmanagement", "ISMS.1.A2", "Titel ISMS.1.A2", "nein", ExportTestData.Hyperlink, "IT-Leitung", "Nein"],
            ["3", "S", "SOLLTE", "Server Rathaus", "SYS.2.1 Allgemeiner Client", "SYS.2.1.A4", "Titel SYS.2.1.A4", "teilweise", "@SUM(A1)", "", "Nein"],
        ];
        for (var r = 0; r < expected.Length; r++)
        {
            var row = r + 2;
            string[] actual = [.. Enumerable.Range(1, 10).Select(c => sheet.Cell(row, c).GetString()), sheet.Cell(row, 13).GetString()];
            Assert.Equal(expected[r], actual);
        }

        Assert.True(sheet.Row(5).IsEmpty());
    }

    [Fact]
    public void Write_DueDateAndCost_AreDateAndEuroNumberCells()
    {
        using var file = Write(ExportTestData.Export());
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(RealisierungsplanWorkbook.SheetName);

        WorkbookAssert.Date(sheet.Cell(2, 11), new DateOnly(2026, 11, 1));
        WorkbookAssert.Date(sheet.Cell(3, 11), new DateOnly(2026, 12, 31));
        Assert.True(sheet.Cell(4, 11).IsEmpty());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 12).DataType);
        Assert.Equal(250d, sheet.Cell(2, 12).GetDouble());
        Assert.Equal(1500.5d, sheet.Cell(3, 12).GetDouble());
        Assert.Equal("#,##0.00 €_-", sheet.Cell(3, 12).Style.NumberFormat.Format);
        Assert.True(sheet.Cell(4, 12).IsEmpty());

        // The priority (a number) is centred so that it does not run into the level's text beside it.
        Assert.Equal(XLAlignmentHorizontalValues.Center, sheet.Cell(2, 1).Style.Alignment.Horizontal);
    }

    [Fact]
    public void Write_FormulaLikeMeasureAndOwner_StayText()
    {
        using var file = Write(ExportTestData.Export());
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(RealisierungsplanWorkbook.SheetName);

        WorkbookAssert.Text(sheet.Cell(2, 9), "+1+1");
        WorkbookAssert.Text(sheet.Cell(2, 10), "-2");
        WorkbookAssert.Text(sheet.Cell(3, 9), ExportTestData.Hyperlink);
        WorkbookAssert.Text(sheet.Cell(4, 9), "@SUM(A1)");
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public void Write_InfoSheet_PlanTotals()
    {
        var report = ExportTestData.Report();
        using var file = Write(ExportTestData.Export(report));
        using var workbook = WorkbookAssert.Reopen(file);
        var info = WorkbookAssert.Info(workbook);

        Assert.Equal(3, info["Maßnahmen (Status teilweise oder nein)"].GetValue<int>());
        Assert.Equal(1, info["davon überfällig"].GetValue<int>());
        Assert.Equal(1, info["davon ohne Verantwortliche"].GetValue<int>());
        Assert.Equal(1, info["davon ohne Termin („Umsetzung bis“)"].GetValue<int>());
        Assert.Equal(1750.5d, info["Bekannte Kosten (Untergrenze)"].GetDouble());
        Assert.Equal(1, info["davon ohne Kostenschätzung"].GetValue<int>());
        Assert.Equal(1, info["Unbeantwortete Paare (nicht im Plan)"].GetValue<int>());
        WorkbookAssert.Text(info["Kommune"], "Köln");
        Assert.Equal("A6-Realisierungsplan-05315000-2026-11-23.xlsx", ExportTestData.Export(report).RealisierungsplanFileName);
    }

    [Fact]
    public void Write_GrundschutzPlusPlus_StatusNichtUmgesetztAndSecLevel()
    {
        static ScoredPair Control(string id, string? secLevel) => new()
        {
            RequirementId = id,
            GroupId = "BER.6",
            TopGroupId = "BER",
            SecLevel = secLevel,
            ModalVerb = "SOLLTE",
            TargetObjectId = ExportTestData.Verbund,
            TargetObjectName = "Informationsverbund",
            Status = AnswerStatus.Nein,
            AssessedOn = ExportTestData.Today,
        };
        var report = ExportTestData.Report([Control("BER.6.2", "erhöht"), Control("BER.6.1", null)], CatalogFramework.GrundschutzPlusPlus);
        using var file = Write(ExportTestData.Export(report, ExportTestData.Header(CatalogFramework.GrundschutzPlusPlus)));
        using var workbook = WorkbookAssert.Reopen(file);
        var sheet = workbook.Worksheet(RealisierungsplanWorkbook.SheetName);

        Assert.Equal(["BER.6.1", "BER.6.2"], Enumerable.Range(2, 2).Select(r => sheet.Cell(r, 6).GetString()));
        Assert.Equal(["normal-SdT", "erhöht"], Enumerable.Range(2, 2).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.Equal(["nicht umgesetzt", "nicht umgesetzt"], Enumerable.Range(2, 2).Select(r => sheet.Cell(r, 8).GetString()));
    }
}
