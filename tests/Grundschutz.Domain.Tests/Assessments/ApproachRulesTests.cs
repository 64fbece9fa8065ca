using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Tests.Assessments;

public class ApproachRulesTests
{
    // Kompendium: level (B/S/H), H adopted?, withdrawn? → expected for Basis, Kern, Standard, GsppNormal, GsppErhoeht.
    public static TheoryData<RequirementLevel, bool, bool, bool[]> KompendiumTable() => new()
    {
        { RequirementLevel.Basis, false, false, [true, true, true, false, false] },
        { RequirementLevel.Standard, false, false, [false, true, true, false, false] },
        { RequirementLevel.Hoch, false, false, [false, false, false, false, false] },
        { RequirementLevel.Hoch, true, false, [false, true, true, false, false] },
        { RequirementLevel.Basis, false, true, [false, false, false, false, false] },
        { RequirementLevel.Standard, false, true, [false, false, false, false, false] },
        { RequirementLevel.Hoch, true, true, [false, false, false, false, false] },
    };

    // Grundschutz++: sec_level, withdrawn? → expected for Basis, Kern, Standard, GsppNormal, GsppErhoeht.
    public static TheoryData<string?, bool, bool[]> GsppTable() => new()
    {
        { "normal-SdT", false, [false, false, false, true, true] },
        { "erhöht", false, [false, false, false, false, true] },
        { "erhoeht", false, [false, false, false, false, true] },
        { null, false, [false, false, false, true, true] },
        { "normal-SdT", true, [false, false, false, false, false] },
        { "erhöht", true, [false, false, false, false, false] },
    };

    [Theory]
    [MemberData(nameof(KompendiumTable))]
    public void IsApplicable_KompendiumLevel_MatchesTable(RequirementLevel level, bool adopted, bool withdrawn, bool[] expected)
    {
        var builder = RequirementBuilder.ItGs("SYS.2.1.A9", level);
        var requirement = (withdrawn ? builder.Withdrawn() : builder).Build();
        IReadOnlyCollection<string> adoptedIds = adopted ? ["SYS.2.1.A9"] : [];

        var actual = Enum.GetValues<Approach>().Select(a => ApproachRules.IsApplicable(requirement, a, adoptedIds));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(GsppTable))]
    public void IsApplicable_GsppSecLevel_MatchesTable(string? secLevel, bool withdrawn, bool[] expected)
    {
        var builder = RequirementBuilder.Gspp("BER.6.9").WithSecLevel(secLevel);
        var requirement = (withdrawn ? builder.Withdrawn() : builder).Build();

        var actual = Enum.GetValues<Approach>().Select(a => ApproachRules.IsApplicable(requirement, a, []));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(CatalogFramework.ItGrundschutz, new[] { Approach.Basis, Approach.Kern, Approach.Standard })]
    [InlineData(CatalogFramework.GrundschutzPlusPlus, new[] { Approach.GsppNormal, Approach.GsppErhoeht })]
    [InlineData(CatalogFramework.Other, new Approach[0])]
    public void ApproachesFor_Framework_ListsTheFittingApproaches(CatalogFramework framework, Approach[] expected)
    {
        Assert.Equal(expected, ApproachRules.ApproachesFor(framework));
    }

    [Fact]
    public void Create_ApproachNotFittingTheCatalogue_IsRefused()
    {
        var error = Assert.Throws<AssessmentRuleException>(() =>
            Assessment.Create(1, 1, CatalogFramework.GrundschutzPlusPlus, Approach.Basis, "Check", "isb", AssessmentBuilder.Start));

        Assert.Equal("Die Vorgehensweise „Basis-Absicherung“ passt nicht zum gewählten Katalog.", error.Message);
    }

    [Fact]
    public void ApplicableQuestions_PerApproach_CountsRequirementsTimesTargetObjects()
    {
        // ISMS.1 on 1 target object, SYS.2.1 on 2: Basis = A1 of each; Standard adds the S requirements.
        var basis = new AssessmentBuilder().WithApproach(Approach.Basis);
        var standard = new AssessmentBuilder().WithApproach(Approach.Standard);

        Assert.Equal(3, basis.Build().ApplicableQuestions(basis.Catalog).Count);
        Assert.Equal(6, standard.Build().ApplicableQuestions(standard.Catalog).Count);
    }

    [Fact]
    public void AdoptHRequirement_Standard_AddsTheHRequirementOnEveryApplication()
    {
        var builder = new AssessmentBuilder().WithApproach(Approach.Standard);
        var assessment = builder.Build();

        assessment.AdoptHRequirement(builder.Catalog.Get("SYS.2.1.A3"));

        var questions = assessment.ApplicableQuestions(builder.Catalog);
        Assert.Equal(8, questions.Count);
        Assert.Equal(2, questions.Count(q => q.RequirementId == "SYS.2.1.A3"));
        Assert.Equal(["SYS.2.1.A3"], assessment.AdoptedHRequirements);
    }

    [Fact]
    public void AdoptHRequirement_BasisApproachOrNonHRequirement_IsRefused()
    {
        var basisBuilder = new AssessmentBuilder().WithApproach(Approach.Basis);
        var basis = basisBuilder.Build();
        var standardBuilder = new AssessmentBuilder();
        var standard = standardBuilder.Build();

        Assert.Throws<AssessmentRuleException>(() => basis.AdoptHRequirement(basisBuilder.Catalog.Get("SYS.2.1.A3")));
        Assert.Throws<AssessmentRuleException>(() => standard.AdoptHRequirement(standardBuilder.Catalog.Get("SYS.2.1.A2")));
        Assert.Empty(basis.AdoptedHRequirements);
        Assert.Empty(standard.AdoptedHRequirements);
    }
}
