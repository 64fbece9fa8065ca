using Grundschutz.Domain.Municipalities;
using Grundschutz.TestSupport;

namespace Grundschutz.Domain.Tests.Municipalities;

/// <summary>
/// The reader against the official Destatis file (Gebietsstand 30.11.2025) in ../shared/reference-data. Expected
/// numbers from reference-data/README.md, the rest counted independently from the file (Python, by position).
/// </summary>
public class OfficialGv100AdTests
{
    private static List<Gv100AdMunicipality> ReadAll()
    {
        using var stream = File.OpenRead(SharedFiles.Require("reference-data/GV100AD_30112025.txt"));
        return [.. Gv100AdReader.ReadAll(stream)];
    }

    [SkippableFact]
    public void ReadMunicipalities_OfficialFile_Yields10751()
    {
        using var stream = File.OpenRead(SharedFiles.Require("reference-data/GV100AD_30112025.txt"));

        var municipalities = Gv100AdReader.ReadMunicipalities(stream).ToList();

        Assert.Equal(10_751, municipalities.Count);
        Assert.Equal(10_751, municipalities.Select(m => m.Ags).Distinct().Count());
        Assert.All(municipalities, m => Assert.Equal(new DateOnly(2025, 11, 30), m.Gebietsstand));
        Assert.All(municipalities, m => Assert.NotNull(m.KreisName));
    }

    [SkippableFact]
    public void ReadAll_OfficialFile_Has10953GemeindeRecordsWith83577140Inhabitants()
    {
        var all = ReadAll();

        Assert.Equal(10_953, all.Count);
        Assert.Equal(202, all.Count(m => m.IsGemeindefreiesGebiet));
        // README: "The total over all Gemeinde records is 83,577,140" – that includes the 917 inhabitants of the
        // bewohnte gemeindefreie Gebiete (Textkennzeichen 65); the 10,751 municipalities alone have 83,576,223.
        Assert.Equal(83_577_140L, all.Sum(m => (long)m.Population));
        Assert.Equal(83_576_223L, all.Where(m => !m.IsGemeindefreiesGebiet).Sum(m => (long)m.Population));
        Assert.All(all.Where(m => m.Textkennzeichen == 66), m => Assert.Equal(0, m.Population));
    }

    [SkippableFact]
    public void ReadMunicipalities_OfficialFile_CountsPerLandAndType()
    {
        var municipalities = ReadAll().Where(m => !m.IsGemeindefreiesGebiet).ToList();

        var perLand = municipalities.GroupBy(m => m.Ags.LandCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(396, perLand["05"]);
        Assert.Equal(1, perLand["02"]);
        Assert.Equal(2, perLand["04"]);
        Assert.Equal(2_056, perLand["09"]);
        Assert.Equal(2_300, perLand["07"]);
        Assert.Equal(16, perLand.Count);

        var nrw = municipalities.Where(m => m.Ags.LandCode == "05").GroupBy(m => m.Type).ToDictionary(g => g.Key!.Value, g => g.Count());
        Assert.Equal(22, nrw[MunicipalityType.KreisfreieStadt]);
        Assert.Equal(250, nrw[MunicipalityType.Stadt]);
        Assert.Equal(124, nrw[MunicipalityType.Gemeinde]);

        var perType = municipalities.GroupBy(m => m.Type!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8_305, perType[MunicipalityType.Gemeinde]);
        Assert.Equal(1_829, perType[MunicipalityType.Stadt]);
        Assert.Equal(386, perType[MunicipalityType.Markt]);
        Assert.Equal(125, perType[MunicipalityType.GrosseKreisstadt]);
        Assert.Equal(97, perType[MunicipalityType.KreisfreieStadt]);
        Assert.Equal(9, perType[MunicipalityType.Stadtkreis]);
    }

    [SkippableFact]
    public void ReadMunicipalities_OfficialFile_SizeClasses()
    {
        var classes = ReadAll().Where(m => !m.IsGemeindefreiesGebiet)
            .GroupBy(m => SizeClasses.Of(m.Population)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(7_808, classes[SizeClass.Under5000]);
        Assert.Equal(2_237, classes[SizeClass.From5000To20000]);
        Assert.Equal(626, classes[SizeClass.From20000To100000]);
        Assert.Equal(80, classes[SizeClass.From100000]);
    }

    [SkippableFact]
    public void ReadAll_OfficialFile_LandNamesMatchTheLandTable()
    {
        var names = ReadAll().Select(m => (m.Ags.LandCode, m.LandName)).Distinct().OrderBy(x => x.LandCode, StringComparer.Ordinal).ToList();

        Assert.Equal(Land.All.Select(l => (l.Code, l.Name)), names);
    }

    [SkippableFact]
    public void ReadMunicipalities_OfficialFile_SpotChecks()
    {
        var byAgs = ReadAll().ToDictionary(m => m.Ags.Value, StringComparer.Ordinal);

        var berlin = byAgs["11000000"];
        Assert.Equal("Berlin, Stadt", berlin.Name);
        Assert.Equal("Berlin", berlin.LandName);
        Assert.Equal("Berlin, Stadt", berlin.KreisName);
        Assert.Equal(MunicipalityType.KreisfreieStadt, berlin.Type);
        Assert.Equal(3_685_265, berlin.Population);
        Assert.Equal(12_607, berlin.LineNumber);

        var koeln = byAgs["05315000"];
        Assert.Equal("Köln, Stadt", koeln.Name);
        Assert.Equal(1_024_621, koeln.Population);

        var flensburg = byAgs["01001000"];
        Assert.Equal("Flensburg, Stadt", flensburg.Name);
        Assert.Equal(96_326, flensburg.Population);
        Assert.Equal(4, flensburg.LineNumber);

        var schlepzig = byAgs["12061428"];
        Assert.Equal("Schlepzig/Słopišća", schlepzig.Name);
        Assert.Equal("Dahme-Spreewald", schlepzig.KreisName);
        Assert.Equal("Brandenburg", schlepzig.LandName);
        Assert.Equal(MunicipalityType.Gemeinde, schlepzig.Type);
        Assert.Equal(615, schlepzig.Population);

        // The one name Destatis cuts at 50 characters.
        var bautzen = byAgs["14625020"];
        Assert.Equal("Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokoš", bautzen.Name);
        Assert.Equal(50, bautzen.Name.Length);
        Assert.Equal(37_566, bautzen.Population);

        var coast = byAgs["13000999"];
        Assert.True(coast.IsGemeindefreiesGebiet);
        Assert.Null(coast.KreisName);
    }
}
