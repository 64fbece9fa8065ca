using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Oscal;

namespace Grundschutz.Domain.Tests.Catalog.Oscal;

public class OscalCatalogReaderTests
{
    private const string BsiSecLevelNs = "https://github.com/BSI-Bund/Stand-der-Technik-Bibliothek/tree/main/documentation/namespaces/security_level.csv";

    [Fact]
    public void Read_MiniCatalog_TakesMetadata()
    {
        var doc = OscalFixtures.Read("mini-catalog.json");

        Assert.Equal(CatalogFormat.OscalCatalog, doc.Format);
        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, doc.Framework);
        Assert.Equal("Testkatalog Kommune", doc.Title);
        Assert.Equal("0.9.1", doc.Version);
        Assert.Equal("1.1.3", doc.OscalVersion);
        Assert.Equal("2026-01-15T00:00:00+01:00", doc.Published);
        Assert.Equal("0b6f2c1e-5d7a-4c2b-9f1e-2a3b4c5d6e7f", doc.SourceUuid);
    }

    [Fact]
    public void Read_MiniCatalog_GroupsArePracticesAndTopicsInSourceOrder()
    {
        var doc = OscalFixtures.Read("mini-catalog.json");

        Assert.Equal(
            [
                ("ORG", (string?)null, GroupKind.Practice, 0, "ORG"),
                ("ORG.1", "ORG", GroupKind.Topic, 0, "1"),
                ("TEC", null, GroupKind.Practice, 1, null),
                ("TEC.1", "TEC", GroupKind.Topic, 0, null),
            ],
            doc.Groups.Select(g => (g.Id, g.ParentId, g.Kind, g.Order, g.Label)));
        Assert.Equal("Die Praktik Organisation regelt Zuständigkeiten in der Verwaltung.", doc.Groups[0].Description);
        Assert.Equal("Technische Anforderungen an die IT der Kommune.", doc.Groups[2].Description);
        Assert.Equal(["label", "alt-identifier"], doc.Groups[0].Props.Select(p => p.Name));
    }

    [Fact]
    public void Read_MiniCatalog_NestedControlsBecomeRequirementsWithParent()
    {
        var doc = OscalFixtures.Read("mini-catalog.json");

        Assert.Equal(
            [
                ("ORG.1.1", "ORG.1", (string?)null, 0),
                ("ORG.1.1.1", "ORG.1", "ORG.1.1", 0),
                ("ORG.1.1.1.1", "ORG.1", "ORG.1.1.1", 0),
                ("ORG.1.2", "ORG.1", null, 1),
                ("ORG.1.3", "ORG.1", null, 2),
                ("TEC.1.1", "TEC.1", null, 0),
            ],
            doc.Requirements.Select(r => (r.Id, r.GroupId, r.ParentId, r.Order)));
    }

    [Fact]
    public void Read_MiniCatalog_MapsUnderstoodProps()
    {
        var r = OscalFixtures.Read("mini-catalog.json").Requirement("ORG.1.1");

        Assert.Equal("Benennung einer verantwortlichen Stelle", r.Title);
        Assert.Equal("BSI-Testkatalog", r.Class);
        Assert.Equal("11111111-0000-4000-8000-000000000011", r.AltIdentifier);
        Assert.Equal("normal-SdT", r.SecLevel);
        Assert.Equal(2, r.EffortLevel);
        Assert.Equal("MUSS", r.ModalVerb);
        Assert.Equal("benennen", r.ActionWord);
        Assert.Equal("eine verantwortliche Stelle", r.Result);
        Assert.Equal("Organigramm", r.Documentation);
        Assert.Equal(["Daten", "Anwendungen"], r.TargetObjectCategories);
        Assert.Equal(["Rathaus", "Schulen", "Bauhof"], r.Tags);
        Assert.Equal("Die Stelle wird schriftlich festgehalten.", r.Guidance);
        Assert.False(r.Withdrawn);
    }

    [Fact]
    public void Read_MiniCatalog_KeepsControlAndStatementPropsVerbatim()
    {
        var r = OscalFixtures.Read("mini-catalog.json").Requirement("ORG.1.1");
        var source = r.Props.Where(p => !OscalImportProps.IsImportProp(p)).ToList();

        Assert.Equal(
            ["alt-identifier", "sec_level", "effort_level", "tags", "target_object_categories", "documentation", "result", "action_word", "modal_verb"],
            source.Select(p => p.Name));
        Assert.Equal(new CatalogProperty("sec_level", "normal-SdT", BsiSecLevelNs), source[1]);
        Assert.Equal(new CatalogProperty("tags", "Rathaus, Schulen ,Bauhof"), source[3]);
        Assert.Equal(new CatalogProperty("modal_verb", "MUSS", null, "verbindlich"), source[8]);
    }

    [Fact]
    public void Read_MiniCatalog_OnlyControlLinksBecomeRequirementLinks()
    {
        var r = OscalFixtures.Read("mini-catalog.json").Requirement("ORG.1.1");

        Assert.Equal([new RequirementLink("related", "ORG.1.2"), new RequirementLink("required", "ORG.1.2")], r.Links);
        Assert.Equal(
            [
                ("#7c9e0a55-3f21-4a7b-8d44-0f6e1c2b3a4d", "reference"),
                ("https://example.org/leitfaden", "reference"),
            ],
            r.Props.Where(p => p.Name == OscalImportProps.Link && OscalImportProps.IsImportProp(p)).Select(p => (p.Value, p.Remarks)));
    }

    [Fact]
    public void Read_ParamWithLabel_InsertsLabelAndRecordsTemplate()
    {
        var r = OscalFixtures.Read("mini-catalog.json").Requirement("ORG.1.1");

        Assert.Equal("Organisation MUSS durch die Verwaltungsleitung eine verantwortliche Stelle benennen.", r.Statement);
        var imported = r.Props.Where(OscalImportProps.IsImportProp).Where(p => p.Name != OscalImportProps.Link).ToList();
        Assert.Equal(
            [
                new CatalogProperty(OscalImportProps.StatementTemplate, "Organisation MUSS durch {{ insert: param, org.1.1-prm1 }} eine verantwortliche Stelle benennen.", OscalImportProps.Namespace),
                new CatalogProperty(OscalImportProps.Param, "org.1.1-prm1", OscalImportProps.Namespace, "die Verwaltungsleitung"),
            ],
            imported);
    }

    [Fact]
    public void Read_NestedControlUsingParentParam_ResolvesIt()
    {
        var r = OscalFixtures.Read("mini-catalog.json").Requirement("ORG.1.1.1");

        Assert.Equal("Organisation KANN eine Vertretung für die Verwaltungsleitung festlegen.", r.Statement);
        Assert.Equal("erhöht", r.SecLevel);
        Assert.Equal("KANN", r.ModalVerb);
    }

    [Fact]
    public void Read_StatementWithItems_JoinsLabelledItemsAndPrefersValuesOverLabel()
    {
        var r = OscalFixtures.Read("mini-catalog.json").Requirement("ORG.1.2");

        Assert.Equal(
            "Organisation SOLLTE die Aufgaben beschreiben:\na. Zuständigkeiten schriftlich oder elektronisch festhalten,\nb. die Beschreibung alle zwei Jahre prüfen.",
            r.Statement);
        Assert.Null(r.Guidance);
    }

    [Fact]
    public void Read_EffortLevelNotAnInteger_WarnsAndLeavesItEmpty()
    {
        var doc = OscalFixtures.Read("mini-catalog.json");

        Assert.Null(doc.Requirement("ORG.1.1.1").EffortLevel);
        Assert.Equal(["Control ORG.1.1.1: effort_level „hoch“ ist keine ganze Zahl und wurde nicht übernommen."], doc.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Read_StatusWithdrawn_MarksRequirementWithdrawn()
    {
        var doc = OscalFixtures.Read("mini-catalog.json");

        Assert.True(doc.Requirement("ORG.1.3").Withdrawn);
        Assert.Equal(1, doc.WithdrawnCount);
    }

    [Fact]
    public void Read_CatalogWithoutBsiMarkers_IsOtherWithPlainGroups()
    {
        var doc = OscalFixtures.Read("generic-catalog.json");

        Assert.Equal(CatalogFramework.Other, doc.Framework);
        Assert.Equal(
            [("K1", GroupKind.Group, 0, "Kapitel eins"), (OscalCatalogReader.UngroupedGroupId, GroupKind.Group, 1, "Ohne Gruppe")],
            doc.Groups.Select(g => (g.Id, g.Kind, g.Order, g.Title)));
        Assert.Equal(
            [("1.1", "K1", "allgemein"), ("1.2", "K1", (string?)null), ("lose-1", OscalCatalogReader.UngroupedGroupId, null)],
            doc.Requirements.Select(r => (r.Id, r.GroupId, r.Class)));
        Assert.Null(doc.Requirement("1.1").SecLevel);
        Assert.Empty(doc.Requirement("1.1").Props);
    }

    [Fact]
    public void Read_ControlsOutsideGroupsAndNumericIds_Warn()
    {
        var doc = OscalFixtures.Read("generic-catalog.json");

        Assert.Equal(
            [
                "1 Control steht ohne Gruppe im Katalog; es wurde der Gruppe „Ohne Gruppe“ zugeordnet.",
                "2 IDs entsprechen nicht dem OSCAL-Token-Muster, z. B. 1.1, 1.2",
            ],
            doc.Warnings.Select(w => w.ToString()));
    }
}
