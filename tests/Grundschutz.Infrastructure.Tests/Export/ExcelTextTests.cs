using Grundschutz.Infrastructure.Export.Excel;

namespace Grundschutz.Infrastructure.Tests.Export;

public sealed class ExcelTextTests
{
    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+49 221 1234", true)]
    [InlineData("-2", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\t=1", true)]
    [InlineData("\r=1", true)]
    [InlineData("Leitlinie = beschlossen", false)]
    [InlineData("", false)]
    public void NeedsQuotePrefix_FormulaStarts(string text, bool expected) =>
        Assert.Equal(expected, ExcelText.NeedsQuotePrefix(text));

    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("Zeile\r\nZeile", "Zeile&#xD;\nZeile")]
    [InlineData("Tab\tTab", "Tab\tTab")]
    [InlineData("A\u0001B\u000BC", "A_x0001_B_x000B_C")]
    [InlineData("wörtlich _x0041_ bleibt", "wörtlich _x005F_x0041_ bleibt")]
    [InlineData("_x12_ ist keine Folge", "_x12_ ist keine Folge")]
    [InlineData("Emoji 😀 bleibt", "Emoji 😀 bleibt")]
    public void WriteXmlContent_EscapesWhatXmlAndOoxmlNeed(string text, string expected) =>
        Assert.Equal(expected, Content(text));

    [Fact]
    public void WriteXmlContent_LoneSurrogate_Escaped() =>
        Assert.Equal("halbes _xD800_ Paar", Content("halbes " + (char)0xD800 + " Paar"));

    [Fact]
    public void Limit_LongerThanExcelAllows_Cut()
    {
        var text = new string('x', ExcelText.MaxCellLength + 10);
        Assert.Equal(ExcelText.MaxCellLength, ExcelText.Limit(text).Length);
        Assert.Same("kurz", ExcelText.Limit("kurz"));
    }

    private static string Content(string text)
    {
        using var writer = new StringWriter();
        ExcelText.WriteXmlContent(writer, text);
        return writer.ToString();
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(11, "K")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(53, "BA")]
    public void ColumnLetters_AsExcelNamesThem(int column, string letters) =>
        Assert.Equal(letters, ExcelRowWriter.ColumnLetters(column));
}
