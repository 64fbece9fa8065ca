using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Oscal;

namespace Grundschutz.Domain.Tests.Catalog.Oscal;

public class OscalProfileResolverTests
{
    private static AvailableCatalog[] MiniAndGeneric() =>
        [OscalFixtures.Available("mini-catalog.json"), OscalFixtures.Available("generic-catalog.json")];

    [Fact]
    public void Resolve_IncludeControls_TakesNamedControlsAndPatternMatchesInSourceOrder()
    {
        var doc = OscalFixtures.Read("profile-include.json", MiniAndGeneric());

        Assert.Equal(CatalogFormat.OscalProfile, doc.Format);
        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, doc.Framework);
        Assert.Equal("Auswahl für kleine Gemeinden", doc.Title);
        Assert.Equal("2026-02", doc.Version);
        Assert.Equal("2026-02-01T00:00:00Z", doc.Published);
        Assert.Equal("b0000000-0000-4000-8000-000000000001", doc.SourceUuid);
        Assert.Equal(
            [
                ("ORG.1.1", "ORG.1", (string?)null, 0),
                ("ORG.1.1.1.1", "ORG.1", "ORG.1.1", 0),
                ("TEC.1.1", "TEC.1", null, 0),
                ("1.1", "K1", null, 0),
                ("1.2", "K1", null, 1),
            ],
            doc.Requirements.Select(r => (r.Id, r.GroupId, r.ParentId, r.Order)));
    }

    [Fact]
    public void Resolve_IncludeControls_KeepsOnlyGroupsWithIncludedControls()
    {
        var doc = OscalFixtures.Read("profile-include.json", MiniAndGeneric());

        Assert.Equal(
            [
                ("ORG", (string?)null, GroupKind.Practice, 0),
                ("ORG.1", "ORG", GroupKind.Topic, 0),
                ("TEC", null, GroupKind.Practice, 1),
                ("TEC.1", "TEC", GroupKind.Topic, 0),
                ("K1", null, GroupKind.Group, 2),
            ],
            doc.Groups.Select(g => (g.Id, g.ParentId, g.Kind, g.Order)));
    }

    [Fact]
    public void Resolve_SetParameters_ReplacesTheInsertedText()
    {
        var doc = OscalFixtures.Read("profile-include.json", MiniAndGeneric());
        var r = doc.Requirement("ORG.1.1");

        Assert.Equal("Organisation MUSS durch den Bürgermeister eine verantwortliche Stelle benennen.", r.Statement);
        Assert.Contains(new CatalogProperty(OscalImportProps.Param, "org.1.1-prm1", OscalImportProps.Namespace, "den Bürgermeister"), r.Props);
        Assert.DoesNotContain(r.Props, p => p.Name == OscalImportProps.Param && p.Remarks == "die Verwaltungsleitung");
    }

    [Fact]
    public void Resolve_UnknownIdsUnusedParametersAndLinksToLeftOutControls_Warn()
    {
        var doc = OscalFixtures.Read("profile-include.json", MiniAndGeneric());

        Assert.Equal(
            [
                "Das Profil wählt „GIBT.ES.NICHT“ aus, das im Katalog „Testkatalog Kommune“ nicht vorkommt.",
                "Das Profil setzt den Parameter „org.1.2-prm1“, der in keiner übernommenen Anforderung vorkommt.",
                "2 Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. ORG.1.1 → ORG.1.2, ORG.1.1 → ORG.1.2.",
                "2 IDs entsprechen nicht dem OSCAL-Token-Muster, z. B. 1.1, 1.2",
            ],
            doc.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Resolve_WithChildControlsYes_TakesTheWholeSubtree()
    {
        var doc = OscalFixtures.Read("profile-children.json", [OscalFixtures.Available("mini-catalog.json")]);

        Assert.Equal(
            [("ORG.1.1", (string?)null), ("ORG.1.1.1", "ORG.1.1"), ("ORG.1.1.1.1", "ORG.1.1.1")],
            doc.Requirements.Select(r => (r.Id, r.ParentId)));
        Assert.Equal(["ORG", "ORG.1"], doc.Groups.Select(g => g.Id));
        Assert.Equal("Organisation MUSS durch die Verwaltungsleitung eine verantwortliche Stelle benennen.", doc.Requirement("ORG.1.1").Statement);
    }

    [Fact]
    public void Resolve_ExcludeControlsWithChildren_DropsTheSubtreeAndMatchesCatalogByTitle()
    {
        var doc = OscalFixtures.Read("profile-exclude.json", [OscalFixtures.Available("mini-catalog.json")]);

        Assert.Equal(["ORG.1.2", "ORG.1.3"], doc.Requirements.Where(r => r.GroupId == "ORG.1").Select(r => r.Id));
        Assert.Equal([("ORG.1.2", 0), ("ORG.1.3", 1), ("TEC.1.1", 0)], doc.Requirements.Select(r => (r.Id, r.Order)));
        Assert.Equal(["1 Verweis zeigt auf Anforderungen, die nicht im Katalog stehen, z. B. TEC.1.1 → ORG.1.1."], doc.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Resolve_ImportedCatalogMissing_NamesTheFile()
    {
        var ex = OscalFixtures.ReadFails("profile-missing-catalog.json", [OscalFixtures.Available("mini-catalog.json")]);

        Assert.Equal(
            "Das Profil importiert den Katalog „nicht-da-catalog.json“, der nicht importiert ist. Importieren Sie ihn zuerst oder im selben Aufruf.",
            ex.Message);
        Assert.Equal("#c0000000-0000-4000-8000-000000000009", ex.Location);
        Assert.Equal("profile-missing-catalog.json", ex.FileName);
    }

    [Fact]
    public void Resolve_SameControlFromTwoImports_Fails()
    {
        var ex = OscalFixtures.ReadFails("profile-duplicate.json", [OscalFixtures.Available("mini-catalog.json")]);

        Assert.Equal("Die Anforderung „ORG.1.2“ wird mehrfach importiert (aus „mini-catalog.json“ und „mini-catalog.json“).", ex.Message);
        Assert.Equal("ORG.1.2", ex.Location);
    }

    [Theory]
    [InlineData("../catalogs/Kernel/BSI-Stand-der-Technik-Kernel-G0-catalog.json", "BSI-Stand-der-Technik-Kernel-G0-catalog.json")]
    [InlineData("https://example.org/a/b%2B%2B.json?raw=true", "b++.json")]
    [InlineData("C:\\Kataloge\\datei.json", "datei.json")]
    [InlineData("datei.json#frag", "datei.json")]
    public void FileNameOf_Href_ReturnsLastSegment(string href, string expected)
    {
        Assert.Equal(expected, OscalProfileResolver.FileNameOf(href));
    }
}
