using Grundschutz.Infrastructure.Export.Excel;

namespace Grundschutz.Infrastructure.Tests.Export;

/// <summary>Sheet names of the workshop workbook's municipality sheets: Excel allows 31 characters and no [ ] : * ? / \.</summary>
public sealed class WorkshopSheetNameTests
{
    [Theory]
    [InlineData("Musterstadt (Demo)", "09189999", "Musterstadt (Demo) (09189999)")]
    [InlineData("Beispielgemeinde (Demo)", "06439999", "Beispielgemeinde… (06439999)")]
    [InlineData("Neustadt an der Weinstraße", "07316000", "Neustadt an der… (07316000)")]
    [InlineData("Hansestadt Rostock", "13003000", "Hansestadt Rostock (13003000)")]
    [InlineData("Frankfurt am Main/Höchst: [Test]?", "06412000", "Frankfurt am… (06412000)")]
    [InlineData("Schleswig-Holsteinisch-Großgemeinde", "01001000", "Schleswig-Holsteini… (01001000)")]
    public void SheetName_CutAtAWordOrBeforeABracket_AtMost31Characters(string name, string ags, string expected)
    {
        var sheet = WorkshopSummaryWorkbook.SheetName(name, ags, new HashSet<string>());

        Assert.Equal(expected, sheet);
        Assert.True(sheet.Length <= 31, $"{sheet.Length} characters");
        Assert.DoesNotContain(sheet, c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\');
    }

    [Fact]
    public void SheetName_SameNameTwice_SecondGetsANumber()
    {
        var used = new HashSet<string>();

        Assert.Equal("Neustadt (07000000)", WorkshopSummaryWorkbook.SheetName("Neustadt", "07000000", used));
        Assert.Equal("Neustadt (07000000)~2", WorkshopSummaryWorkbook.SheetName("Neustadt", "07000000", used));
    }
}
