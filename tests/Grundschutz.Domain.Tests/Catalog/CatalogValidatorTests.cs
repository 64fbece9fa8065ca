using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Tests.Catalog;

public class CatalogValidatorTests
{
    private static CatalogGroup Group(string id, string? parent = null) =>
        new() { Id = id, Title = "Gruppe " + id, ParentId = parent, Kind = GroupKind.Group };

    private static Requirement Req(string id, string group = "G", string? parent = null, params (string Rel, string Target)[] links) =>
        new()
        {
            Id = id,
            Title = "Titel " + id,
            GroupId = group,
            ParentId = parent,
            Links = links.Select(l => new RequirementLink(l.Rel, l.Target)).ToList(),
        };

    private static CatalogDocument Doc(IReadOnlyList<Requirement> requirements, IReadOnlyList<CatalogGroup>? groups = null, IReadOnlyList<MessageText>? warnings = null) =>
        new()
        {
            Format = CatalogFormat.OscalCatalog,
            Framework = CatalogFramework.Other,
            Title = "Test",
            Version = "1",
            Groups = groups ?? [Group("G")],
            Requirements = requirements,
            Warnings = warnings ?? [],
        };

    [Fact]
    public void Validate_ConsistentCatalog_ReturnsSameDocument()
    {
        var doc = Doc([Req("G.1", links: [("required", "G.2")]), Req("G.2"), Req("G.2.1", parent: "G.2", links: [("required", "G.1")])]);

        Assert.Same(doc, CatalogValidator.Validate(doc));
    }

    [Fact]
    public void Validate_RequirementWithoutId_FailsNamingItsTitle()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([Req("G.1"), Req("")])));

        Assert.Equal("Ein Control in der Gruppe „G“ hat keine ID (Titel „Titel “).", ex.Message);
        Assert.Equal("Control „Titel “", ex.Location);
    }

    [Fact]
    public void Validate_GroupWithoutId_Fails()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([], [Group("G"), Group(" ")])));

        Assert.Equal("Eine Gruppe hat keine ID (Titel „Gruppe  “).", ex.Message);
    }

    [Fact]
    public void Validate_DuplicateRequirementId_FailsWithTheId()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([Req("G.1"), Req("G.2"), Req("G.1")])));

        Assert.Equal("Die ID „G.1“ kommt mehrfach vor.", ex.Message);
        Assert.Equal("G.1", ex.Location);
    }

    [Fact]
    public void Validate_DuplicateGroupId_FailsWithTheId()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([], [Group("G"), Group("H"), Group("H", "G")])));

        Assert.Equal("Die Gruppen-ID „H“ kommt mehrfach vor.", ex.Message);
        Assert.Equal("H", ex.Location);
    }

    [Fact]
    public void Validate_UnknownGroupOrParent_Fails()
    {
        var unknownGroup = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([Req("X.1", group: "X")])));
        var unknownParent = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([Req("G.1.1", parent: "G.1")])));
        var unknownParentGroup = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([], [Group("G.1", "G")])));

        Assert.Equal("Die Anforderung „X.1“ gehört zur unbekannten Gruppe „X“.", unknownGroup.Message);
        Assert.Equal("Die Anforderung „G.1.1“ hängt an der unbekannten Anforderung „G.1“.", unknownParent.Message);
        Assert.Equal("Die Gruppe „G.1“ hängt an der unbekannten Gruppe „G“.", unknownParentGroup.Message);
    }

    [Fact]
    public void Validate_RequiredCycle_NamesTheCycle()
    {
        var doc = Doc(
        [
            Req("Start", links: [("required", "A")]),
            Req("A", links: [("related", "Start"), ("required", "B")]),
            Req("B", links: [("required", "C")]),
            Req("C", links: [("required", "A")]),
        ]);

        var ex = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(doc));

        Assert.Equal("Zyklische Abhängigkeit: A → B → C → A", ex.Message);
        Assert.Equal("A", ex.Location);
    }

    [Fact]
    public void Validate_RequirementRequiringItself_IsACycle()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogValidator.Validate(Doc([Req("A", links: [("required", "A")])])));

        Assert.Equal("Zyklische Abhängigkeit: A → A", ex.Message);
    }

    [Fact]
    public void Validate_RelatedLinksInACircle_AreNoCycle()
    {
        var doc = Doc([Req("A", links: [("related", "B")]), Req("B", links: [("related", "A")])]);

        Assert.Same(doc, CatalogValidator.Validate(doc));
    }

    [Fact]
    public void Validate_DiamondOfRequiredLinks_IsNoCycle()
    {
        var doc = Doc(
        [
            Req("A", links: [("required", "B"), ("required", "C")]),
            Req("B", links: [("required", "D")]),
            Req("C", links: [("required", "D")]),
            Req("D"),
        ]);

        Assert.Same(doc, CatalogValidator.Validate(doc));
    }

    [Fact]
    public void Validate_DanglingLinks_WarnWithExamplesAfterExistingWarnings()
    {
        var doc = Doc(
            [Req("A", links: [("required", "X"), ("related", "B")]), Req("B", links: [("related", "Y"), ("related", "Z"), ("related", "W")])],
            warnings: [MessageText.Verbatim("vorher")]);

        var result = CatalogValidator.Validate(doc);

        Assert.Equal(["vorher", "4 Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. A → X, B → Y, B → Z."], result.Warnings.Select(w => w.ToString()));
    }

    /// <summary>The pages translate the warnings: each keeps its format (the resource key) and its arguments.</summary>
    [Fact]
    public void Validate_DanglingLinks_WarningKeepsFormatAndArguments()
    {
        var one = CatalogValidator.Validate(Doc([Req("A", links: [("related", "X")])]));
        var many = CatalogValidator.Validate(Doc([Req("A", links: [("related", "X"), ("related", "Y")])]));

        var single = Assert.Single(one.Warnings);
        Assert.Equal("1 Verweis zeigt auf Anforderungen, die nicht im Katalog stehen, z. B. {0}.", single.Format);
        Assert.Equal(["A → X"], single.Arguments);
        var plural = Assert.Single(many.Warnings);
        Assert.Equal("{0} Verweise zeigen auf Anforderungen, die nicht im Katalog stehen, z. B. {1}.", plural.Format);
        Assert.Equal([2, "A → X, A → Y"], plural.Arguments);
    }

    [Fact]
    public void Validate_IdsOutsideTokenPattern_OneSummarisingWarning()
    {
        var doc = Doc([Req("5.1"), Req("5.2"), Req("_ok.1"), Req("Ä-1"), Req("5.3"), Req("5.4")], [Group("G"), Group("A 5")]);

        var result = CatalogValidator.Validate(doc);

        Assert.Equal(["5 IDs entsprechen nicht dem OSCAL-Token-Muster, z. B. A 5, 5.1, 5.2"], result.Warnings.Select(w => w.ToString()));
    }
}
