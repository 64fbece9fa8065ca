using System.Text;

using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Domain.Tests.Municipalities;

public class Gv100AdReaderTests
{
    private static List<Gv100AdMunicipality> ReadFixture(bool all = false)
    {
        using var stream = File.OpenRead(Gv100AdLines.FixturePath(Gv100AdLines.MiniFixture));
        return all ? [.. Gv100AdReader.ReadAll(stream)] : [.. Gv100AdReader.ReadMunicipalities(stream)];
    }

    private static Gv100AdFormatException ReadBroken(params string[] lines)
    {
        using var stream = Gv100AdLines.Stream(lines);
        return Assert.Throws<Gv100AdFormatException>(() => Gv100AdReader.ReadAll(stream).ToList());
    }

    [Fact]
    public void ReadMunicipalities_Fixture_YieldsTheFiveGemeindenInFileOrder()
    {
        var result = ReadFixture();

        Assert.Equal(["05199001", "05199002", "05199003", "12098000", "12097001"], result.Select(m => m.Ags.Value));
        Assert.Equal(130_304, result.Sum(m => m.Population));
        Assert.All(result, m => Assert.Equal(new DateOnly(2025, 11, 30), m.Gebietsstand));
    }

    [Fact]
    public void ReadMunicipalities_Fixture_JoinsLandAndKreisAndMapsTheType()
    {
        var result = ReadFixture().ToDictionary(m => m.Ags.Value);

        var stadt = result["05199001"];
        Assert.Equal("Musterstadt, Stadt", stadt.Name);
        Assert.Equal("Nordrhein-Westfalen", stadt.LandName);
        Assert.Equal("Kreis Musterland", stadt.KreisName);
        Assert.Equal(MunicipalityType.Stadt, stadt.Type);
        Assert.Equal(63, stadt.Textkennzeichen);
        Assert.Equal(23_456, stadt.Population);
        Assert.Equal(5, stadt.LineNumber);

        Assert.Equal(MunicipalityType.Gemeinde, result["05199002"].Type);
        Assert.Equal("Kleinöde", result["05199002"].Name);
        Assert.Equal(MunicipalityType.Markt, result["05199003"].Type);
        Assert.Equal(4_999, result["05199003"].Population);

        var kreisfrei = result["12098000"];
        Assert.Equal(MunicipalityType.KreisfreieStadt, kreisfrei.Type);
        Assert.Equal("Brandenburg", kreisfrei.LandName);
        Assert.Equal("Beispielstadt an der Spree, Stadt", kreisfrei.KreisName);
        Assert.Equal(100_000, kreisfrei.Population);
    }

    [Fact]
    public void ReadMunicipalities_SorbianName_IsDecodedAndTheColumnsAfterItStillFit()
    {
        var line = File.ReadAllLines(Gv100AdLines.FixturePath(Gv100AdLines.MiniFixture), Encoding.UTF8)[16];
        Assert.True(Encoding.UTF8.GetByteCount(line) > 220, "the fixture line must hold multi-byte characters");

        var sorbian = ReadFixture().Single(m => m.Ags.Value == "12097001");

        Assert.Equal("Wjeska/Wěska Šćěrjo", sorbian.Name);
        Assert.Equal("Landkreis Lausitzer Beispiel", sorbian.KreisName);
        Assert.Equal(MunicipalityType.Gemeinde, sorbian.Type);
        Assert.Equal(615, sorbian.Population);
    }

    [Fact]
    public void ReadAll_Fixture_AlsoYieldsTheGemeindefreienGebiete()
    {
        var all = ReadFixture(all: true);

        Assert.Equal(7, all.Count);
        var free = all.Where(m => m.IsGemeindefreiesGebiet).ToList();
        Assert.Equal(["05199999", "12097002"], free.Select(m => m.Ags.Value));
        Assert.Equal([66, 65], free.Select(m => m.Textkennzeichen));
        Assert.All(free, m => Assert.Null(m.Type));
        Assert.Equal(130_311, all.Sum(m => m.Population));
    }

    [Fact]
    public void ReadMunicipalities_LfLineEndingsAndStrippedTrailingBlanks_GiveTheSameResult()
    {
        var lines = File.ReadAllLines(Gv100AdLines.FixturePath(Gv100AdLines.MiniFixture), Encoding.UTF8);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(l => l.TrimEnd())) + "\n"));

        var result = Gv100AdReader.ReadMunicipalities(stream).ToList();

        Assert.Equal(ReadFixture(), result);
    }

    [Fact]
    public void ReadMunicipalities_ByteOrderMarkAndBlankLines_AreTolerated()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            Gv100AdLines.Land("05", "Nordrhein-Westfalen") + "\r\n\r\n" + Gv100AdLines.Gemeinde("05111000", "Beispiel, Stadt", "61") + "\r\n")).ToArray();
        using var stream = new MemoryStream(bytes);

        var m = Assert.Single(Gv100AdReader.ReadMunicipalities(stream));

        Assert.Equal("05111000", m.Ags.Value);
        Assert.Equal(3, m.LineNumber);
    }

    [Fact]
    public void ReadMunicipalities_NoLandOrKreisRecord_FallsBackToTheLandTableAndNoKreis()
    {
        using var stream = Gv100AdLines.Stream(Gv100AdLines.Gemeinde("16077052", "Beispieldorf"));

        var m = Assert.Single(Gv100AdReader.ReadMunicipalities(stream));

        Assert.Equal("Thüringen", m.LandName);
        Assert.Null(m.KreisName);
    }

    [Fact]
    public void ReadAll_CsvInsteadOfFixedWidth_NamesLineOneAndTheSatzart()
    {
        var ex = ReadBroken("AGS;Name;Einwohner", "05315000;Köln;1024621");

        Assert.Equal(1, ex.LineNumber);
        Assert.Contains("Unbekannte Satzart „AG“", ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Zeile 1: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_InvalidAgs_NamesLineAndReason()
    {
        var ex = ReadBroken(Gv100AdLines.Land("05", "Nordrhein-Westfalen"), Gv100AdLines.Gemeinde("0511100X", "Kaputt"));

        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("genau 8 Ziffern", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("0511100X", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_UnknownLandInAgs_IsRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("17111000", "Nirgendwo"));

        Assert.Equal(1, ex.LineNumber);
        Assert.Contains("„17“", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_UnknownLandRecord_IsRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Land("20", "Atlantis"));

        Assert.Equal(1, ex.LineNumber);
        Assert.Contains("Landesschlüssel „20“", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_PopulationNotANumber_NamesTheColumns()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", "A"), Gv100AdLines.Gemeinde("05111001", "B", population: "0000000abc0"));

        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("Spalten 140–150", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_TruncatedGemeindeRecord_IsRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", "A")[..145]);

        Assert.Equal(1, ex.LineNumber);
        Assert.Contains("Bevölkerungszahl", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  ")]
    [InlineData("70")]
    [InlineData("41")]
    public void ReadAll_UnknownTextkennzeichen_IsRefused(string textkennzeichen)
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", "A", textkennzeichen));

        Assert.Contains("Textkennzeichen", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_MissingName_IsRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", ""));

        Assert.Contains("Gemeindename", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_LineLongerThan220Characters_IsRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", "A") + "X");

        Assert.Contains("221 Zeichen", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_DuplicateAgs_NamesBothLines()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", "A"), Gv100AdLines.Kreis("05111", "K"), Gv100AdLines.Gemeinde("05111000", "B"));

        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("05111000 kommt doppelt vor (zuerst in Zeile 1)", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_TwoGebietsstaende_AreRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", "A"), Gv100AdLines.Gemeinde("05111001", "B", gebietsstand: "20241231"));

        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("31.12.2024 weicht vom Gebietsstand 30.11.2025 in Zeile 1 ab", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_GebietsstandNotADate_IsRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Gemeinde("05111000", "A", gebietsstand: "20251331"));

        Assert.Contains("Spalten 3–10", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_Latin1InsteadOfUtf8_NamesTheLine()
    {
        var latin1 = Encoding.Latin1;
        var bytes = latin1.GetBytes(Gv100AdLines.Land("05", "Nordrhein-Westfalen") + "\r\n" + Gv100AdLines.Gemeinde("05111000", "Kleinöde") + "\r\n");
        using var stream = new MemoryStream(bytes);

        var ex = Assert.Throws<Gv100AdFormatException>(() => Gv100AdReader.ReadAll(stream).ToList());

        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("UTF-8", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void ReadAll_NoGemeindeRecord_IsRefusedForTheWholeFile(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        var ex = Assert.Throws<Gv100AdFormatException>(() => Gv100AdReader.ReadAll(stream).ToList());

        Assert.Null(ex.LineNumber);
        Assert.Contains("keine Gemeinde-Datensätze", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_OnlyLandAndKreisRecords_IsRefused()
    {
        var ex = ReadBroken(Gv100AdLines.Land("05", "Nordrhein-Westfalen"), Gv100AdLines.Kreis("05111", "Düsseldorf, Stadt", "41"));

        Assert.Null(ex.LineNumber);
    }
}
