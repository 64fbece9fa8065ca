using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Kompendium;

namespace Grundschutz.Domain.Tests.Catalog.Kompendium;

/// <summary>The Kompendium reader against small hand-written fixtures.</summary>
public class KompendiumXmlReaderTests
{
    private const string Minimal = "minimal-kompendium.xml";

    [Fact]
    public void Read_MinimalKompendium_DescribesTheDocument()
    {
        var doc = KompendiumFixtures.Read(Minimal);

        Assert.Equal(CatalogFormat.KompendiumXml, doc.Format);
        Assert.Equal(CatalogFramework.ItGrundschutz, doc.Framework);
        Assert.Equal("IT-Grundschutz-Kompendium", doc.Title);
        Assert.Equal("Edition 2099", doc.Version);
        Assert.Null(doc.OscalVersion);
    }

    [Fact]
    public void Read_MinimalKompendium_LayersAndModulesInSourceOrderParentsFirst()
    {
        var doc = KompendiumFixtures.Read(Minimal);

        Assert.Equal(
            ["TST", "TST.1", "TST.2.1", "XMP", "XMP.1"],
            doc.Groups.Select(g => g.Id));
        Assert.Equal(
            [GroupKind.Layer, GroupKind.Module, GroupKind.Module, GroupKind.Layer, GroupKind.Module],
            doc.Groups.Select(g => g.Kind));
        Assert.Equal([null, "TST", "TST", null, "XMP"], doc.Groups.Select(g => g.ParentId));
        Assert.Equal([0, 0, 1, 1, 0], doc.Groups.Select(g => g.Order));
        Assert.Equal("Testschicht", doc.Groups[0].Title);
        Assert.Equal("Allgemeiner Prüfstand", doc.Groups[2].Title);
    }

    [Fact]
    public void Read_MinimalKompendium_ModuleCarriesDescriptionRolesAndModelling()
    {
        var module = KompendiumFixtures.Read(Minimal).Groups.Single(g => g.Id == "TST.1");

        Assert.Equal("Testmanagement", module.Title);
        Assert.Equal(
            "Einleitung\n\nTestmanagement plant, wie Prüfungen ablaufen.\n\n"
            + "Zielsetzung\n\nDer Baustein zeigt:\n\n- wer prüft und\n- wann geprüft wird.\n\n"
            + "Abgrenzung und Modellierung\n\nDer Baustein TST.1 Testmanagement ist einmal anzuwenden.",
            module.Description);
        Assert.Equal("Informationssicherheitsbeauftragte (ISB)", module.ResponsibleRole);
        Assert.Equal(["Mitarbeitende", "OT-Betrieb (Operational Technology, OT)"], module.FurtherRoles);
        Assert.Equal("R1", module.ProcessingOrder);
        Assert.Equal("Informationsverbund/übergeordnete Aspekte", module.TargetObjectType);
    }

    [Fact]
    public void Read_ResponsibilityTableWithExtraHeaderRowAndKeine_ReadsRoleAndNoFurtherRoles()
    {
        var module = KompendiumFixtures.Read(Minimal).Groups.Single(g => g.Id == "TST.2.1");

        Assert.Equal("IT-Betrieb", module.ResponsibleRole);
        Assert.Empty(module.FurtherRoles);
        Assert.Equal("R2", module.ProcessingOrder);
        Assert.Equal("IT-System", module.TargetObjectType);
    }

    [Fact]
    public void Read_ModuleMissingFromModellingTable_HasNoOrderOrTargetType()
    {
        var module = KompendiumFixtures.Read(Minimal).Groups.Single(g => g.Id == "XMP.1");

        Assert.Null(module.ProcessingOrder);
        Assert.Null(module.TargetObjectType);
        Assert.Null(module.Description);
        Assert.Null(module.ResponsibleRole);
    }

    [Fact]
    public void Read_MinimalKompendium_RequirementsInSourceOrderWithWithdrawnOnes()
    {
        var doc = KompendiumFixtures.Read(Minimal);

        Assert.Equal(
            ["TST.1.A1", "TST.1.A2", "TST.1.A3", "TST.1.A4", "TST.1.A5", "TST.1.A6", "TST.2.1.A1", "XMP.1.A1"],
            doc.Requirements.Select(r => r.Id));
        Assert.Equal([0, 1, 2, 3, 4, 5, 0, 0], doc.Requirements.Select(r => r.Order));
        Assert.Equal(1, doc.WithdrawnCount);
    }

    [Fact]
    public void Read_RequirementHeading_SplitsIdTitleLevelAndRoles()
    {
        var requirement = KompendiumFixtures.Read(Minimal).Requirements.Single(r => r.Id == "TST.1.A1");

        // The heading has a no-break space, a run of spaces and a trailing space.
        Assert.Equal("Erste Prüfpflicht", requirement.Title);
        Assert.Equal("TST.1", requirement.GroupId);
        Assert.Equal(RequirementLevel.Basis, requirement.Level);
        Assert.Equal(["Institutionsleitung"], requirement.Roles);
        Assert.Equal("MUSS", requirement.ModalVerb);
        Assert.False(requirement.Withdrawn);
        Assert.Equal(
            [new CatalogProperty("level", "B"), new CatalogProperty("role", "Institutionsleitung")],
            requirement.Props);
    }

    [Fact]
    public void Read_RequirementText_KeepsParagraphsListItemsAndLineBreaks()
    {
        var doc = KompendiumFixtures.Read(Minimal);

        Assert.Equal(
            "Die Institutionsleitung MUSS einen Prüfplan freigeben. Er SOLLTE jährlich\nüberarbeitet werden.\n\n"
            + "Der Prüfplan MUSS enthalten:\n\n- die Prüfgegenstände,\n- die Termine.",
            doc.Requirements.Single(r => r.Id == "TST.1.A1").Statement);
        Assert.Equal(
            "Der Prüfstand MUSS in dieser Reihenfolge aufgebaut werden:\n\n1. Strom anschließen,\n2. Netz anschließen.",
            doc.Requirements.Single(r => r.Id == "TST.2.1.A1").Statement);
    }

    [Fact]
    public void Read_RolesWithCommaInsideParentheses_AreNotSplitThere()
    {
        var requirement = KompendiumFixtures.Read(Minimal).Requirements.Single(r => r.Id == "TST.1.A3");

        Assert.Equal(["IT-Betrieb", "OT-Betrieb (Operational Technology, OT)"], requirement.Roles);
        Assert.Equal(RequirementLevel.Standard, requirement.Level);
    }

    [Theory]
    [InlineData("TST.1.A1", "MUSS")]
    [InlineData("TST.1.A3", "SOLLTE")]
    [InlineData("TST.1.A4", "MUSS")]
    [InlineData("TST.1.A6", null)]
    [InlineData("XMP.1.A1", "SOLLTE")]
    public void Read_ModalVerb_IsTheStrongestUpperCaseKeyword(string id, string? expected)
    {
        var requirement = KompendiumFixtures.Read(Minimal).Requirements.Single(r => r.Id == id);

        Assert.Equal(expected, requirement.ModalVerb);
    }

    [Fact]
    public void Read_WithdrawnRequirement_KeepsIdAndLevel()
    {
        var requirement = KompendiumFixtures.Read(Minimal).Requirements.Single(r => r.Id == "TST.1.A2");

        Assert.True(requirement.Withdrawn);
        Assert.Equal("ENTFALLEN", requirement.Title);
        Assert.Equal(RequirementLevel.Basis, requirement.Level);
        Assert.Null(requirement.ModalVerb);
        Assert.Equal("Diese Anforderung ist entfallen.", requirement.Statement);
    }

    [Fact]
    public void Read_IdWithoutDotBeforeA_IsNormalisedWithWarning()
    {
        var doc = KompendiumFixtures.Read(Minimal);
        var requirement = doc.Requirements.Single(r => r.Id == "TST.1.A5");

        Assert.Equal("Nummer ohne Punkt", requirement.Title);
        Assert.Contains(new CatalogProperty("source-id", "TST.1A5"), requirement.Props);
        var warning = Assert.Single(doc.Warnings).ToString();
        Assert.Contains("„TST.1A5“", warning, StringComparison.Ordinal);
        Assert.Contains("„TST.1.A5“", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedXml_ReportsLineAndPosition()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.Read("malformed.xml"));

        Assert.Equal("Die XML-Datei ist nicht wohlgeformt und kann nicht gelesen werden.", ex.Message);
        Assert.Equal("Zeile 7, Position 7", ex.Location);
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
    }

    [Fact]
    public void Read_EntityExpansionBomb_IsRefusedBeforeAnyExpansion()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.Read("billion-laughs.xml"));

        Assert.Equal(
            "Die XML-Datei enthält eine DTD/Entitätsdefinition; das ist aus Sicherheitsgründen nicht erlaubt.",
            ex.Message);
        Assert.Equal("Zeile 2, Position 1", ex.Location);
    }

    [Fact]
    public void Read_ExternalEntity_IsRefused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE book [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <book xmlns="http://docbook.org/ns/docbook"><chapter><title>&secret;</title></chapter></book>
            """;

        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.ReadXml(xml));

        Assert.StartsWith("Die XML-Datei enthält eine DTD/Entitätsdefinition", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Zeile 2, Position 1", ex.Location);
    }

    [Fact]
    public void Read_UndeclaredEntity_IsMalformedWithLocation()
    {
        var ex = Assert.Throws<CatalogFormatException>(
            () => KompendiumFixtures.ReadXml("<book xmlns=\"http://docbook.org/ns/docbook\">\n  <title>&lol;</title></book>"));

        Assert.Equal("Die XML-Datei ist nicht wohlgeformt und kann nicht gelesen werden.", ex.Message);
        Assert.Equal("Zeile 2, Position 11", ex.Location);
    }

    [Fact]
    public void Read_NotDocBook_SaysSoAndPointsAtTheRoot()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.Read("not-docbook.xml"));

        Assert.StartsWith("Die Datei ist kein IT-Grundschutz-Kompendium (DocBook-XML)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("<catalog>", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Zeile 2, Position 2", ex.Location);
    }

    [Fact]
    public void Read_BookWithoutDocBookNamespace_IsNotAKompendium()
    {
        var ex = Assert.Throws<CatalogFormatException>(
            () => KompendiumFixtures.ReadXml("<book version=\"5.0\"><chapter><title>TST Test</title></chapter></book>"));

        Assert.StartsWith("Die Datei ist kein IT-Grundschutz-Kompendium (DocBook-XML)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ohne Namensraum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocBookWithoutBausteine_IsNotAKompendium()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.Read("docbook-without-bausteine.xml"));

        Assert.StartsWith("Die Datei ist kein IT-Grundschutz-Kompendium (DocBook-XML)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("keine Bausteine", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Zeile 2, Position 2", ex.Location);
    }

    [Fact]
    public void Read_EmptyStream_IsMalformed()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.ReadXml(""));

        Assert.Equal("Die XML-Datei ist nicht wohlgeformt und kann nicht gelesen werden.", ex.Message);
    }

    [Fact]
    public void Read_RequirementHeadingWithoutLevel_FailsWithLocation()
    {
        var xml = KompendiumFixtures.BookWithRequirements("<section>\n<title>TST.1.A1 Ohne Stufe</title>\n</section>");

        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.ReadXml(xml));

        Assert.Contains("„TST.1.A1 Ohne Stufe“", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TST.1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Zeile 11, Position 2", ex.Location);
    }

    [Fact]
    public void Read_DuplicateRequirementId_FailsWithLocation()
    {
        var xml = KompendiumFixtures.BookWithRequirements(
            "<section><title>TST.1.A1 Eins (B)</title></section>\n<section><title>TST.1.A1 Nochmal (B)</title></section>");

        var ex = Assert.Throws<CatalogFormatException>(() => KompendiumFixtures.ReadXml(xml));

        Assert.Equal("Die Anforderungs-ID TST.1.A1 kommt mehrfach vor.", ex.Message);
        Assert.Equal("Zeile 12, Position 2", ex.Location);
    }

    [Fact]
    public void Read_RequirementFiledUnderAnotherModule_TakesTheModuleItStandsIn()
    {
        var xml = KompendiumFixtures.BookWithRequirements("<section><title>TST.9.A5 Verrutscht (B)</title></section>");

        var doc = KompendiumFixtures.ReadXml(xml);

        Assert.Equal("TST.1.A5", Assert.Single(doc.Requirements).Id);
        Assert.Single(doc.Warnings, w => w.ToString().Contains("„TST.9.A5“ wurde zu „TST.1.A5“", StringComparison.Ordinal));
        Assert.Equal("Edition unbekannt", doc.Version);
    }

    [Fact]
    public void Read_DoesNotCloseTheStream()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Kompendium", Minimal);
        using var stream = new MemoryStream(File.ReadAllBytes(path));

        KompendiumXmlReader.Read(stream);

        Assert.True(stream.CanRead);
    }
}
