using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Tests.Catalog;

public class CatalogDiffTests
{
    private static Requirement Req(string id, string? title = null, string statement = "Text", RequirementLevel? level = RequirementLevel.Basis) =>
        new() { Id = id, Title = title ?? "Titel " + id, GroupId = "G", Statement = statement, Level = level };

    [Fact]
    public void Compare_IdenticalVersions_IsEmptyAndCountsUnchanged()
    {
        var requirements = new[] { Req("A.1"), Req("A.2"), Req("A.3") };

        var diff = CatalogDiff.Compare(requirements, requirements.Select(r => r with { }).ToList());

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.Equal(3, diff.UnchangedCount);
    }

    [Fact]
    public void Compare_NewId_IsAddedInNewOrder()
    {
        var diff = CatalogDiff.Compare([Req("A.1")], [Req("A.3"), Req("A.1"), Req("A.2")]);

        Assert.Equal(["A.3", "A.2"], diff.Added.Select(r => r.Id));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.Equal(1, diff.UnchangedCount);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Compare_MissingId_IsRemovedInOldOrder()
    {
        var diff = CatalogDiff.Compare([Req("A.2"), Req("A.1"), Req("A.3")], [Req("A.1")]);

        Assert.Equal(["A.2", "A.3"], diff.Removed.Select(r => r.Id));
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Changed);
    }

    public static TheoryData<Requirement, CatalogDiffFields> SingleFieldChanges => new()
    {
        { Req("A.1") with { Title = "Neuer Titel" }, CatalogDiffFields.Title },
        { Req("A.1") with { Statement = "Neuer Text" }, CatalogDiffFields.Statement },
        { Req("A.1") with { Level = RequirementLevel.Hoch }, CatalogDiffFields.Level },
        { Req("A.1") with { Level = null }, CatalogDiffFields.Level },
        { Req("A.1") with { SecLevel = "erhöht" }, CatalogDiffFields.SecLevel },
        { Req("A.1") with { ModalVerb = "SOLLTE" }, CatalogDiffFields.ModalVerb },
        { Req("A.1") with { Withdrawn = true }, CatalogDiffFields.Withdrawn },
        { Req("A.1") with { EffortLevel = 3 }, CatalogDiffFields.EffortLevel },
    };

    [Theory]
    [MemberData(nameof(SingleFieldChanges))]
    public void Compare_OneFieldDiffers_IsChangedWithExactlyThatField(Requirement changed, CatalogDiffFields expected)
    {
        var old = Req("A.1");

        var diff = CatalogDiff.Compare([old], [changed]);

        var change = Assert.Single(diff.Changed);
        Assert.Equal(expected, change.Fields);
        Assert.True(change.Has(expected));
        Assert.Equal("A.1", change.Id);
        Assert.Same(old, change.From);
        Assert.Same(changed, change.To);
        Assert.Equal(0, diff.UnchangedCount);
    }

    [Fact]
    public void Compare_FieldsNotCompared_CountAsUnchanged()
    {
        var old = Req("A.1") with { Guidance = "alt", Tags = ["x"], GroupId = "G" };
        var current = old with { Guidance = "neu", Tags = ["y"], GroupId = "H", Roles = ["IT-Betrieb"] };

        var diff = CatalogDiff.Compare([old], [current]);

        Assert.True(diff.IsEmpty);
        Assert.Equal(1, diff.UnchangedCount);
    }

    [Fact]
    public void Compare_WithdrawnToggled_BothDirectionsAreChanges()
    {
        // Kompendium style: a withdrawn requirement keeps its id and level, its title becomes ENTFALLEN.
        var active = Req("SYS.1.1.A4", "Schutz der Administrationsschnittstellen", "Die Schnittstellen MÜSSEN geschützt werden.");
        var withdrawn = active with { Title = "ENTFALLEN", Statement = "Diese Anforderung ist entfallen.", Withdrawn = true };

        var gone = Assert.Single(CatalogDiff.Compare([active], [withdrawn]).Changed);
        var back = Assert.Single(CatalogDiff.Compare([withdrawn], [active]).Changed);

        var expected = CatalogDiffFields.Title | CatalogDiffFields.Statement | CatalogDiffFields.Withdrawn;
        Assert.Equal(expected, gone.Fields);
        Assert.Equal(expected, back.Fields);
        Assert.True(gone.To.Withdrawn);
        Assert.False(back.To.Withdrawn);
        Assert.False(gone.Has(CatalogDiffFields.Level));
    }

    [Fact]
    public void Compare_Mixed_SortsEveryRequirementIntoExactlyOneList()
    {
        var from = new[] { Req("A.1"), Req("A.2"), Req("A.3", level: RequirementLevel.Standard), Req("A.4") };
        var to = new[] { Req("A.1"), Req("A.3", level: RequirementLevel.Hoch) with { ModalVerb = "MUSS" }, Req("A.4"), Req("A.5") };

        var diff = CatalogDiff.Compare(from, to);

        Assert.Equal(["A.5"], diff.Added.Select(r => r.Id));
        Assert.Equal(["A.2"], diff.Removed.Select(r => r.Id));
        var change = Assert.Single(diff.Changed);
        Assert.Equal("A.3", change.Id);
        Assert.Equal(CatalogDiffFields.Level | CatalogDiffFields.ModalVerb, change.Fields);
        Assert.Equal(2, diff.UnchangedCount);
    }

    [Fact]
    public void Compare_IdsDifferOnlyInCase_AreDifferentRequirements()
    {
        var diff = CatalogDiff.Compare([Req("a.1")], [Req("A.1")]);

        Assert.Equal(["A.1"], diff.Added.Select(r => r.Id));
        Assert.Equal(["a.1"], diff.Removed.Select(r => r.Id));
    }

    [Fact]
    public void Compare_RepeatedId_CountsFirstOccurrenceOnly()
    {
        var diff = CatalogDiff.Compare([Req("A.1"), Req("A.1", "anders")], [Req("A.1"), Req("A.2"), Req("A.2", "anders")]);

        Assert.Equal(["A.2"], diff.Added.Select(r => r.Id));
        Assert.Empty(diff.Changed);
        Assert.Equal(1, diff.UnchangedCount);
    }

    [Fact]
    public void Compare_EmptyLists_AreEmpty()
    {
        Assert.True(CatalogDiff.Compare([], []).IsEmpty);
        Assert.Equal(2, CatalogDiff.Compare([], [Req("A.1"), Req("A.2")]).Added.Count);
        Assert.Equal(2, CatalogDiff.Compare([Req("A.1"), Req("A.2")], []).Removed.Count);
    }
}
