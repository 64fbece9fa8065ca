using System.Diagnostics;

using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Oscal;

namespace Grundschutz.Domain.Tests.Catalog.Oscal;

/// <summary>
/// The reader against the official BSI Stand-der-Technik-Bibliothek files in ../shared (expected
/// numbers from catalogs/README.md §1, counted independently from the JSON).
/// </summary>
public class OfficialGrundschutzPlusPlusTests
{
    private const string Kernel = "BSI-Stand-der-Technik-Kernel-catalog.json";
    private const string Methodik = "BSI-Methodik-Grundschutz++-catalog.json";
    private const string Risk = "BSI-Anforderungen-zum-Risikomanagement-catalog.json";
    private const string KernelG0 = "BSI-Stand-der-Technik-Kernel-G0-catalog.json";

    [SkippableFact]
    public void Kernel_HasPracticesTopicsAndNestedControls()
    {
        var doc = OscalFixtures.Official(Kernel);

        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, doc.Framework);
        Assert.Equal("BSI Stand der Technik Kernel", doc.Title);
        Assert.Equal("1.1.3", doc.OscalVersion);
        Assert.Equal(117, doc.Groups.Count);
        Assert.Equal(14, doc.Groups.Count(g => g.Kind == GroupKind.Practice));
        Assert.Equal(103, doc.Groups.Count(g => g.Kind == GroupKind.Topic));
        Assert.Equal(901, doc.Requirements.Count);
        Assert.Equal(
            new Dictionary<string, int> { ["0"] = 596, ["1"] = 292, ["2"] = 13 },
            doc.Requirements.CountBy(r => doc.Depth(r).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(doc.Requirements, r => Assert.Equal("BSI-Stand-der-Technik-Kernel", r.Class));
        Assert.Equal(0, doc.WithdrawnCount);
        Assert.Empty(doc.Warnings);
    }

    [SkippableFact]
    public void Kernel_TopicsAndControlsPerPractice()
    {
        var doc = OscalFixtures.Official(Kernel);
        var topicToPractice = doc.Groups.Where(g => g.Kind == GroupKind.Topic).ToDictionary(g => g.Id, g => g.ParentId!);

        var perPractice = doc.Groups.Where(g => g.Kind == GroupKind.Practice).Select(p => (
            p.Id,
            p.Title,
            Topics: topicToPractice.Count(t => t.Value == p.Id),
            Controls: doc.Requirements.Count(r => topicToPractice[r.GroupId] == p.Id)));

        Assert.Equal(
            [
                ("ASST", "Informationen und Assets", 7, 58), ("PERS", "Personal", 6, 30), ("BES", "Beschaffungsmanagement", 8, 109),
                ("DLS", "Dienstleistersteuerung", 4, 18), ("TEST", "Änderungen und Tests", 5, 36), ("GEB", "Gebäudemanagement", 10, 75),
                ("SENS", "Sensibilisierung", 12, 87), ("ARCH", "Architektur", 9, 63), ("BER", "Berechtigung", 7, 92),
                ("NOT", "Notfallplanung", 4, 37), ("DET", "Detektion", 6, 82), ("REA", "Sicherheitsvorfallsbehandlung", 3, 23),
                ("KONF", "Konfiguration", 15, 157), ("DEV", "Entwicklung", 7, 34),
            ],
            perPractice);
        Assert.All(doc.Groups.Where(g => g.Kind == GroupKind.Practice), p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [SkippableFact]
    public void Kernel_SecLevelModalVerbAndEffortDistributions()
    {
        var doc = OscalFixtures.Official(Kernel);

        Assert.Equal(new Dictionary<string, int> { ["normal-SdT"] = 674, ["erhöht"] = 227 }, doc.Requirements.CountBy(r => r.SecLevel));
        Assert.Equal(new Dictionary<string, int> { ["MUSS"] = 69, ["SOLLTE"] = 608, ["KANN"] = 224 }, doc.Requirements.CountBy(r => r.ModalVerb));
        Assert.Equal(
            new Dictionary<int, int> { [0] = 69, [1] = 44, [2] = 166, [3] = 275, [4] = 158, [5] = 189 },
            doc.Requirements.GroupBy(r => r.EffortLevel!.Value).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(["BES.1.4", "DET.4.12.1", "REA.2.5"], doc.Requirements.Where(r => r.SecLevel == "erhöht" && r.ModalVerb == "SOLLTE").Select(r => r.Id));
        Assert.Equal(461, doc.Requirements.Count(r => r.Tags.Count > 0));
        Assert.Equal(636, doc.Requirements.Count(r => r.TargetObjectCategories.Count > 0));
        Assert.All(doc.Requirements, r => Assert.NotNull(r.AltIdentifier));
    }

    [SkippableFact]
    public void Kernel_ParamsResolvedAndLinksCounted()
    {
        var doc = OscalFixtures.Official(Kernel);

        Assert.Equal(194, doc.Requirements.Count(r => r.Props.Any(p => OscalImportProps.IsImportProp(p) && p.Name == OscalImportProps.Param)));
        Assert.Equal(207, doc.Requirements.Sum(r => r.Props.Count(p => OscalImportProps.IsImportProp(p) && p.Name == OscalImportProps.Param)));
        Assert.All(doc.Requirements, r => Assert.DoesNotContain("{{", r.Statement, StringComparison.Ordinal));
        Assert.All(doc.Requirements, r => Assert.DoesNotContain("{{", r.Guidance ?? "", StringComparison.Ordinal));
        Assert.Equal(
            new Dictionary<string, int> { ["related"] = 164, ["required"] = 44 },
            doc.Requirements.SelectMany(r => r.Links).GroupBy(l => l.Rel).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(176, doc.Requirements.Count(r => r.Links.Count > 0));
        Assert.Equal(2, doc.Requirements.Count(r => r.Guidance is null));
    }

    [SkippableFact]
    public void Kernel_Asst310_ReadsStatementPropsAndTags()
    {
        var r = OscalFixtures.Official(Kernel).Requirement("ASST.3.10");

        Assert.Equal("Autorisierung von Datenlokationen", r.Title);
        Assert.Equal("ASST.3", r.GroupId);
        Assert.Equal("Informationen und Assets für Daten SOLLTE Datenlokationen durch eine zuständige Person oder Rolle autorisieren.", r.Statement);
        Assert.Equal(["Lieferketten", "Shadow IT"], r.Tags);
        Assert.Equal(["Daten"], r.TargetObjectCategories);
        Assert.Equal("Arbeitsanweisung", r.Documentation);
        Assert.Equal("Datenlokationen", r.Result);
        Assert.Equal("autorisieren", r.ActionWord);
        Assert.Equal("SOLLTE", r.ModalVerb);
        Assert.Equal("normal-SdT", r.SecLevel);
        Assert.Equal(3, r.EffortLevel);
        Assert.Equal("52eee4a3-f5cf-444d-ad0c-9c83c693481b", r.AltIdentifier);
        Assert.StartsWith("Autorisierte Datenlokationen sind", r.Guidance, StringComparison.Ordinal);
        Assert.Equal([new RequirementLink("related", "BES.2.2")], r.Links);
        Assert.Contains(r.Props, p => p.Name == "result_specification" && p.Value == "durch {{eine zuständige Person oder Rolle}}");
        Assert.Equal(10, r.Props.Count(p => !OscalImportProps.IsImportProp(p)));
    }

    [SkippableFact]
    public void Kernel_ReadsWellUnderOneSecond()
    {
        var path = Grundschutz.TestSupport.SharedFiles.GsPlusPlus(Kernel);
        var bytes = File.ReadAllBytes(path);
        _ = ReadFromMemory(bytes); // warm-up: JIT and regex construction are not what we measure

        var timings = Enumerable.Range(0, 3).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            var doc = ReadFromMemory(bytes);
            watch.Stop();
            Assert.Equal(901, doc.Requirements.Count);
            return watch.Elapsed;
        }).Order().ToList();

        Assert.True(timings[1] < TimeSpan.FromSeconds(1), $"Median {timings[1].TotalMilliseconds:0} ms");
    }

    [SkippableFact]
    public void Methodik_CountsMatchThePublishedFile()
    {
        var doc = OscalFixtures.Official(Methodik);

        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, doc.Framework);
        Assert.Equal(95, doc.Requirements.Count);
        Assert.Equal(["GC", "STM", "UMS", "VRB", "PERF"], doc.Groups.Where(g => g.Kind == GroupKind.Practice).Select(g => g.Id));
        Assert.Equal(36, doc.Groups.Count(g => g.Kind == GroupKind.Topic));
        Assert.Equal(new Dictionary<string, int> { ["MUSS"] = 76, ["SOLLTE"] = 19 }, doc.Requirements.CountBy(r => r.ModalVerb));
        Assert.Equal(
            new Dictionary<string, int> { ["related"] = 46, ["required"] = 23 },
            doc.Requirements.SelectMany(r => r.Links).GroupBy(l => l.Rel).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal("GC.9.1.1.1", doc.Requirement("GC.9.1.1.1.1").ParentId);
        Assert.Equal(
            "Governance und Compliance MUSS Verfahren und Regelungen zur Errichtung und Aufrechterhaltung eines ISMS nach einem anerkannten Standard verankern.",
            doc.Requirement("GC.1.1").Statement);
        Assert.Empty(doc.Warnings);
    }

    [SkippableFact]
    public void Risikomanagement_HasTenControlsInOneTopic()
    {
        var doc = OscalFixtures.Official(Risk);

        Assert.Equal(10, doc.Requirements.Count);
        Assert.Equal([("RISK", GroupKind.Practice), ("RISK.1", GroupKind.Topic)], doc.Groups.Select(g => (g.Id, g.Kind)));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"RISK.1.{i}"), doc.Requirements.Select(r => r.Id));
    }

    [SkippableFact]
    public void Iso27001AnnexA_ImportsWithTokenPatternWarning()
    {
        var doc = OscalFixtures.Official("ISO27001-AnnexA-catalog.json");

        Assert.Equal(CatalogFramework.Other, doc.Framework);
        Assert.Equal(93, doc.Requirements.Count);
        Assert.Equal(
            [("A5", 37), ("A6", 8), ("A7", 14), ("A8", 34)],
            doc.Groups.Select(g => (g.Id, doc.Requirements.Count(r => r.GroupId == g.Id))));
        Assert.All(doc.Groups, g => Assert.Equal(GroupKind.Group, g.Kind));
        Assert.Equal(["93 IDs entsprechen nicht dem OSCAL-Token-Muster, z. B. 5.1, 5.2, 5.3"], doc.Warnings.Select(w => w.ToString()));
        Assert.Contains(doc.Requirement("5.1").Props, p => p.Name == "source-standard" && p.Value == "ISO/IEC 27001:2022 Annex A");
        Assert.Contains(doc.Requirement("5.1").Props, p => p.Name == "de-title");
    }

    [SkippableFact]
    public void PreviousResolvedCatalog_UsesParamValues()
    {
        var doc = OscalFixtures.Official(Path.Combine("previous-2026-06-30", "Grundschutz++-catalog.json"));

        Assert.Equal(989, doc.Requirements.Count);
        Assert.Equal(20, doc.Groups.Count(g => g.Kind == GroupKind.Practice));
        Assert.Equal(139, doc.Groups.Count(g => g.Kind == GroupKind.Topic));
        Assert.Equal(
            "Governance und Compliance MUSS Verfahren und Regelungen zur Errichtung und Aufrechterhaltung eines ISMS nach BSI Grundschutz++ verankern.",
            doc.Requirement("GC.1.1").Statement);
        Assert.Empty(doc.Warnings);
    }

    [SkippableFact]
    public void Profile_WithoutKernelG0_NamesTheMissingCatalog()
    {
        var available = new[] { OscalFixtures.OfficialAvailable(Methodik), OscalFixtures.OfficialAvailable(Risk) };

        var ex = Assert.Throws<CatalogFormatException>(() => OscalFixtures.Official("Grundschutz++-profile.json", available));

        Assert.Equal(
            "Das Profil importiert den Katalog „BSI-Stand-der-Technik-Kernel-G0-catalog.json“, der nicht importiert ist. Importieren Sie ihn zuerst oder im selben Aufruf.",
            ex.Message);
        Assert.Equal("Grundschutz++-profile.json", ex.FileName);
    }

    [SkippableFact]
    public void Profile_WithKernelStandingInForG0_ResolvesThousandControls()
    {
        var kernel = OscalFixtures.Official(Kernel);
        var available = new[]
        {
            OscalFixtures.OfficialAvailable(Risk),
            OscalFixtures.OfficialAvailable(Methodik),
            new AvailableCatalog(KernelG0, kernel),
        };

        var doc = OscalFixtures.Official("Grundschutz++-profile.json", available);

        Assert.Equal(CatalogFormat.OscalProfile, doc.Format);
        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, doc.Framework);
        Assert.Equal("Anwenderkatalog Grundschutz++", doc.Title);
        Assert.Equal("28cc9ebd-4157-4fc3-9bfd-9342225eaf53", doc.SourceUuid);
        Assert.Equal(95 + 4 + 901, doc.Requirements.Count);
        Assert.Equal(
            ["GC", "STM", "UMS", "VRB", "PERF", "RISK", .. kernel.Groups.Where(g => g.Kind == GroupKind.Practice).Select(g => g.Id)],
            doc.Groups.Where(g => g.Kind == GroupKind.Practice).Select(g => g.Id));
        Assert.Equal(36 + 1 + 103, doc.Groups.Count(g => g.Kind == GroupKind.Topic));
        Assert.Equal(["RISK.1.1", "RISK.1.3", "RISK.1.5", "RISK.1.10"], doc.Requirements.Where(r => r.GroupId == "RISK.1").Select(r => r.Id));
        Assert.Equal([0, 1, 2, 3], doc.Requirements.Where(r => r.GroupId == "RISK.1").Select(r => r.Order));
        Assert.Equal(
            "Governance und Compliance MUSS Verfahren und Regelungen zur Errichtung und Aufrechterhaltung eines ISMS nach BSI Grundschutz++ verankern.",
            doc.Requirement("GC.1.1").Statement);
        // The profile was written for Kernel-G0, whose NOT.1.1.4 parameter reads differently; the value is applied verbatim.
        Assert.StartsWith("Notfallplanung KANN ein BSI-Standard 200-4BCMS nach ", doc.Requirement("NOT.1.1.4").Statement, StringComparison.Ordinal);
        Assert.Empty(doc.Warnings);
    }

    [SkippableFact]
    public void MappingCollection_IsRefusedForNow()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => OscalFixtures.Official("ITGS-to-GS++-mapping_collection.json"));

        Assert.Equal("Mapping-Dateien werden noch nicht als Katalog importiert.", ex.Message);
        Assert.Equal("ITGS-to-GS++-mapping_collection.json", ex.FileName);
    }

    private static CatalogDocument ReadFromMemory(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return CatalogPipeline.Read(stream, Kernel, [], new CatalogReadOptions());
    }
}
