using System.Buffers.Binary;
using System.Xml.Linq;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Charts;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grundschutz.Infrastructure.Tests.Report;

/// <summary>
/// The report charts: the PNG decodes (signature, IHDR with the requested size), the SVG is well-formed XML, the alt
/// text states every number in German and the table holds the same numbers.
/// </summary>
public sealed class ReportChartsTests
{
    private static readonly ReportCharts Charts = new(NullLogger<ReportCharts>.Instance);

    private static readonly CatalogFacts Facts = new(
        new Dictionary<string, RequirementFacts>(),
        new Dictionary<string, string> { ["ISMS"] = "Sicherheitsmanagement", ["SYS"] = "IT-Systeme", ["APP"] = "Anwendungen & <Dienste>" });

    /// <summary>ISMS: B 3 ja + 1 nein, S 1 ja + 1 teilweise; SYS: B 1 ja + 1 nein, S 1 entbehrlich + 1 offen; APP: B 1 ja.</summary>
    private static ScoreReport Report()
    {
        var target = Guid.NewGuid();
        var today = new DateOnly(2026, 11, 23);
        ScoredPair Pair(string id, string top, RequirementLevel level, AnswerStatus status) => new()
        {
            RequirementId = id,
            GroupId = id[..id.LastIndexOf(".A", StringComparison.Ordinal)],
            TopGroupId = top,
            Level = level,
            ModalVerb = level == RequirementLevel.Basis ? "MUSS" : "SOLLTE",
            TargetObjectId = target,
            TargetObjectName = "Server & Co <1>",
            Status = status,
            Justification = "Begründung",
            AssessedOn = status == AnswerStatus.Open ? null : today,
        };

        return AssessmentScorer.Score(new ScoringInput(CatalogFramework.ItGrundschutz, Approach.Standard,
        [
            Pair("ISMS.1.A1", "ISMS", RequirementLevel.Basis, AnswerStatus.Ja),
            Pair("ISMS.1.A2", "ISMS", RequirementLevel.Basis, AnswerStatus.Ja),
            Pair("ISMS.1.A3", "ISMS", RequirementLevel.Basis, AnswerStatus.Ja),
            Pair("ISMS.1.A4", "ISMS", RequirementLevel.Basis, AnswerStatus.Nein),
            Pair("ISMS.1.A5", "ISMS", RequirementLevel.Standard, AnswerStatus.Ja),
            Pair("ISMS.1.A6", "ISMS", RequirementLevel.Standard, AnswerStatus.Teilweise),
            Pair("SYS.2.1.A1", "SYS", RequirementLevel.Basis, AnswerStatus.Ja),
            Pair("SYS.2.1.A2", "SYS", RequirementLevel.Basis, AnswerStatus.Nein),
            Pair("SYS.2.1.A3", "SYS", RequirementLevel.Standard, AnswerStatus.Entbehrlich),
            Pair("SYS.2.1.A4", "SYS", RequirementLevel.Standard, AnswerStatus.Open),
            Pair("APP.1.1.A1", "APP", RequirementLevel.Basis, AnswerStatus.Ja),
        ], today));
    }

    [Fact]
    public void Layers_AltTextAndTable_StateTheNumbersInGerman()
    {
        var chart = ReportCharts.Layers(Report(), Facts);

        Assert.Equal(["ISMS", "SYS", "APP"], chart.Categories);
        Assert.Equal([75m, 50m, 100m], chart.Series[0].Values);
        Assert.Equal([66.6m, 33.3m, 100m], chart.Series[1].Values);
        Assert.Contains("ISMS: E_B 75 %, E_BS 66,6 %", chart.AltText, StringComparison.Ordinal);
        Assert.Contains("SYS: E_B 50 %, E_BS 33,3 %", chart.AltText, StringComparison.Ordinal);
        Assert.Contains("APP: E_B 100 %, E_BS 100 %", chart.AltText, StringComparison.Ordinal);
        Assert.Equal(["Schicht", "Titel", "E_B", "E_BS"], chart.Table.Headers);
        Assert.Equal(["ISMS", "Sicherheitsmanagement", "75 % (3 von 4)", "66,6 % (4 von 6)"], chart.Table.Rows[0]);
    }

    [Fact]
    public void Maturity_NotAssessedPractices_AreNamedInAltText()
    {
        var chart = ReportCharts.Maturity(Report());

        Assert.Equal(["ISMS", "ORP", "CON", "OPS", "DER"], chart.Categories);
        Assert.Null(chart.Series[0].Values[1]);
        Assert.Contains("ORP: nicht bewertet", chart.AltText, StringComparison.Ordinal);
        Assert.Contains("Gesamt-Reifegrad (Minimum)", chart.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Modules_MoreThanTop_KeepsTheLowest()
    {
        var chart = ReportCharts.Modules(Report(), Facts, top: 2);

        Assert.Equal(["SYS.2.1", "ISMS.1"], chart.Categories);
        Assert.StartsWith("Die 2 Bausteine", chart.Title, StringComparison.Ordinal);
    }

    public static TheoryData<string> ChartNames => [.. ReportCharts.Names];

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void RenderPng_EveryChart_DecodesWithRequestedSize(string name)
    {
        var chart = Charts.Find(name, Report(), Facts, 15)!;

        var png = Charts.RenderPng(chart, 640, 480);

        Assert.NotNull(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(480, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 2000, "A chart with bars, labels and axes is more than a blank image.");
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void RenderSvg_EveryChart_IsWellFormedSvgWithoutStyleAttributes(string name)
    {
        var chart = Charts.Find(name, Report(), Facts, 15)!;

        var svg = Charts.RenderSvg(chart);

        var xml = XDocument.Parse(svg!);
        Assert.Equal("svg", xml.Root!.Name.LocalName);
        Assert.DoesNotContain(xml.Descendants(), e => e.Attribute("style") is not null);
        Assert.Contains(xml.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains(chart.Categories[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ReportCharts.LayersChart)]
    [InlineData(ReportCharts.ModulesChart)]
    public void RenderSvg_TwoSeriesBars_SecondSeriesIsHatchedByAPattern(string name)
    {
        var chart = Charts.Find(name, Report(), Facts, 15)!;

        var xml = XDocument.Parse(Charts.RenderSvg(chart)!);

        // One pattern: diagonal dark stripes on the orange of the second series.
        var pattern = Assert.Single(xml.Descendants(), e => e.Name.LocalName == "pattern");
        var id = pattern.Attribute("id")!.Value;
        Assert.Equal("defs", pattern.Parent!.Name.LocalName);
        Assert.Equal("rotate(45)", pattern.Attribute("patternTransform")!.Value);
        Assert.Equal(["#E69F00", "#5A3E00"], pattern.Elements().Select(e => e.Attribute("fill")!.Value));
        // Every bar of the second series (one per category) and its legend swatch use it; none is left plain orange.
        var shapes = xml.Descendants().Where(e => e.Name.LocalName is "rect" or "path" && e.Parent!.Name.LocalName != "pattern").ToList();
        Assert.Equal(chart.Categories.Count + 1, shapes.Count(e => e.Attribute("fill")?.Value == $"url(#{id})"));
        Assert.DoesNotContain(shapes, e => string.Equals(e.Attribute("fill")?.Value, "#E69F00", StringComparison.OrdinalIgnoreCase));
        // The first series stays solid blue.
        Assert.Equal(chart.Categories.Count + 1, shapes.Count(e => string.Equals(e.Attribute("fill")?.Value, "#0072B2", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData(ReportCharts.MaturityChart)]
    [InlineData(ReportCharts.LayersRadarChart)]
    public void RenderSvg_SingleSeriesOrRadar_HasNoHatching(string name)
    {
        var chart = Charts.Find(name, Report(), Facts, 15)!;

        var xml = XDocument.Parse(Charts.RenderSvg(chart)!);

        Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName == "pattern");
    }

    [Fact]
    public void SvgHatching_Apply_ReplacesOnlyTheGivenFill()
    {
        const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"#e69f00\" width=\"1\" height=\"1\"/><rect fill=\"#0072B2\" width=\"1\" height=\"1\"/></svg>";

        var xml = XDocument.Parse(SvgHatching.Apply(Svg, "#E69F00", "#5A3E00"));

        var rects = xml.Root!.Elements(XName.Get("rect", "http://www.w3.org/2000/svg")).ToList();
        Assert.Equal(["url(#schraffur-e69f00)", "#0072B2"], rects.Select(r => r.Attribute("fill")!.Value));
        Assert.Equal("schraffur-e69f00", xml.Descendants().Single(e => e.Name.LocalName == "pattern").Attribute("id")!.Value);
        Assert.Equal(Svg, SvgHatching.Apply(Svg, "#123456", "#000000"));
    }

    [Fact]
    public void Find_UnknownOrEmpty_ReturnsNull()
    {
        var report = Report();

        Assert.Null(Charts.Find("gibt-es-nicht", report, Facts, 15));
        var empty = AssessmentScorer.Score(new ScoringInput(CatalogFramework.ItGrundschutz, Approach.Standard, [], new DateOnly(2026, 11, 23)));
        Assert.Null(Charts.Find(ReportCharts.LayersChart, empty, Facts, 15));
        Assert.DoesNotContain(Charts.All(empty, Facts, 15), c => c.Name == ReportCharts.LayersRadarChart);
    }
}
