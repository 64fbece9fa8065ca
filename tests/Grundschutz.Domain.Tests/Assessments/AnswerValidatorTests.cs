using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Dates;

namespace Grundschutz.Domain.Tests.Assessments;

public class AnswerValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Target = Guid.Parse("0195a7a8-0000-7000-8000-000000000001");

    private static readonly AssessedRequirement Basis = RequirementBuilder.ItGs("SYS.2.1.A1", RequirementLevel.Basis).Build();
    private static readonly AssessedRequirement Standard = RequirementBuilder.ItGs("SYS.2.1.A2", RequirementLevel.Standard).Build();
    private static readonly AssessedRequirement Kann = RequirementBuilder.ItGs("SYS.2.1.A3", RequirementLevel.Hoch).WithModalVerb("KANN").Build();
    private static readonly AssessedRequirement BasisWithoutVerb = RequirementBuilder.ItGs("SYS.2.1.A5", RequirementLevel.Basis).WithModalVerb(null).Build();
    private static readonly AssessedRequirement Gspp = RequirementBuilder.Gspp("BER.6.1").Build();

    private static AnswerInput Input(AnswerStatus status) => new("X", Target, status);

    private static AnswerInput Planned(AnswerStatus status) =>
        Input(status) with { Owner = "Frau Adler", DueDate = new DateOnly(2026, 9, 30) };

    /// <summary>Case name → (input, requirement, expected "Field:Severity" list in validator order).</summary>
    public static TheoryData<string, AnswerInput, AssessedRequirement, string[]> Cases() => new()
    {
        { "ja, nothing else", Input(AnswerStatus.Ja), Basis, [] },
        { "open, nothing else", Input(AnswerStatus.Open), Basis, [] },
        { "entbehrlich without reason and justification", Input(AnswerStatus.Entbehrlich), Basis, ["EntbehrlichReason:Incomplete", "Justification:Incomplete"] },
        { "entbehrlich with reason only", Input(AnswerStatus.Entbehrlich) with { EntbehrlichReason = EntbehrlichReason.NotRelevant }, Basis, ["Justification:Incomplete"] },
        { "entbehrlich complete", Input(AnswerStatus.Entbehrlich) with { EntbehrlichReason = EntbehrlichReason.AlternativeMeasure, Justification = "Ersatzmaßnahme X." }, Basis, [] },
        { "entbehrlich with undefined reason", Input(AnswerStatus.Entbehrlich) with { EntbehrlichReason = (EntbehrlichReason)9, Justification = "x" }, Basis, ["EntbehrlichReason:Invalid"] },
        { "teilweise on MUSS, nothing else", Input(AnswerStatus.Teilweise), Basis, ["Justification:Incomplete", "Owner:Incomplete", "DueDate:Incomplete"] },
        { "nein on MUSS, planned but not justified", Planned(AnswerStatus.Nein), Basis, ["Justification:Incomplete"] },
        { "nein on SOLLTE, planned but not justified", Planned(AnswerStatus.Nein), Standard, ["Justification:Incomplete"] },
        { "teilweise on SOLLTE, planned and justified", Planned(AnswerStatus.Teilweise) with { Justification = "Budget 2027." }, Standard, [] },
        { "nein on KANN, planned, no justification needed", Planned(AnswerStatus.Nein), Kann, [] },
        { "nein on KANN without owner and date", Input(AnswerStatus.Nein), Kann, ["Owner:Incomplete", "DueDate:Incomplete"] },
        { "nein on B without modal verb counts as MUSS", Planned(AnswerStatus.Nein), BasisWithoutVerb, ["Justification:Incomplete"] },
        { "blank justification counts as missing", Planned(AnswerStatus.Nein) with { Justification = "   " }, Standard, ["Justification:Incomplete"] },
        { "GS++ teilweise refused", Planned(AnswerStatus.Teilweise) with { Justification = "x" }, Gspp, ["Status:Invalid"] },
        { "GS++ nein planned and justified", Planned(AnswerStatus.Nein) with { Justification = "x" }, Gspp, [] },
        { "GS++ ja", Input(AnswerStatus.Ja), Gspp, [] },
        { "GS++ entbehrlich complete", Input(AnswerStatus.Entbehrlich) with { EntbehrlichReason = EntbehrlichReason.NotRelevant, Justification = "Kein WLAN." }, Gspp, [] },
        { "undefined status", Input((AnswerStatus)99), Basis, ["Status:Invalid"] },
        { "negative cost", Input(AnswerStatus.Ja) with { CostEstimate = -0.01m }, Basis, ["CostEstimate:Invalid"] },
        { "zero cost", Input(AnswerStatus.Ja) with { CostEstimate = 0m }, Basis, [] },
        { "assessed tomorrow", Input(AnswerStatus.Ja) with { AssessedOn = Today.AddDays(1) }, Basis, ["AssessedOn:Invalid"] },
        { "assessed today", Input(AnswerStatus.Ja) with { AssessedOn = Today }, Basis, [] },
        { "justification 4000 chars", Input(AnswerStatus.Ja) with { Justification = new string('a', 4000) }, Basis, [] },
        { "justification 4001 chars", Input(AnswerStatus.Ja) with { Justification = new string('a', 4001) }, Basis, ["Justification:Invalid"] },
        { "description 4001 chars", Input(AnswerStatus.Ja) with { ImplementationDescription = new string('a', 4001) }, Basis, ["ImplementationDescription:Invalid"] },
        { "owner 201 chars", Input(AnswerStatus.Ja) with { Owner = new string('a', 201) }, Basis, ["Owner:Invalid"] },
        { "interviewees 1001 chars", Input(AnswerStatus.Ja) with { Interviewees = new string('a', 1001) }, Basis, ["Interviewees:Invalid"] },
        { "several problems at once", Input(AnswerStatus.Nein) with { CostEstimate = -5m, AssessedOn = Today.AddDays(3) }, Basis, ["Justification:Incomplete", "Owner:Incomplete", "DueDate:Incomplete", "CostEstimate:Invalid", "AssessedOn:Invalid"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_ReportsExactlyTheExpectedProblems(string name, AnswerInput input, AssessedRequirement requirement, string[] expected)
    {
        var errors = AnswerValidator.Validate(input, requirement, Today);

        Assert.True(
            expected.SequenceEqual(errors.Select(e => $"{e.Field}:{e.Severity}")),
            $"{name}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", errors.Select(e => $"{e.Field}:{e.Severity}"))}]");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    /// <summary>
    /// The plausible range (01.01.1990–31.12.2099) at its edges, for both dates of an answer: the bound itself is
    /// accepted, the day beyond it refused (Invalid: nothing is saved). Today lies far inside the range, so the
    /// assessed-on cases above the maximum would also be in the future – the range message wins there.
    /// </summary>
    [Theory]
    [InlineData(1990, 1, 1, true)]
    [InlineData(1989, 12, 31, false)]
    [InlineData(2099, 12, 31, true)]
    [InlineData(2100, 1, 1, false)]
    [InlineData(1, 1, 1, false)]
    [InlineData(9999, 12, 31, false)]
    public void Validate_DueDateAtTheEdgesOfThePlausibleRange_AcceptsTheBoundsRefusesBeyond(int year, int month, int day, bool accepted)
    {
        var date = new DateOnly(year, month, day);

        var errors = AnswerValidator.Validate(Planned(AnswerStatus.Nein) with { Justification = "Budget.", DueDate = date }, Basis, Today);

        if (accepted)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal((AnswerFields.DueDate, AnswerIssueSeverity.Invalid), (error.Field, error.Severity));
            Assert.Equal("Bitte für „Umsetzung bis“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.", error.Message);
            Assert.Equal(PlausibleDates.FieldOutOfRangeFormat, error.Format);
        }
    }

    [Theory]
    [InlineData(1990, 1, 1, true)]
    [InlineData(1989, 12, 31, false)]
    [InlineData(1900, 1, 1, false)]
    [InlineData(2100, 1, 1, false)]
    public void Validate_AssessedOnAtTheEdgesOfThePlausibleRange_AcceptsTheMinimumRefusesBeyond(int year, int month, int day, bool accepted)
    {
        var errors = AnswerValidator.Validate(Input(AnswerStatus.Ja) with { AssessedOn = new DateOnly(year, month, day) }, Basis, Today);

        if (accepted)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal((AnswerFields.AssessedOn, AnswerIssueSeverity.Invalid), (error.Field, error.Severity));
            Assert.Equal("Bitte für „Datum der Erhebung“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.", error.Message);
        }
    }

    [Fact]
    public void Validate_AssessedOnAtTheMaximum_IsInTheFuture()
    {
        // 31.12.2099 is in range, but on 02.03.2026 it has not happened yet.
        var errors = AnswerValidator.Validate(Input(AnswerStatus.Ja) with { AssessedOn = PlausibleDates.Max }, Basis, Today);

        Assert.Equal("Das Datum der Erhebung darf nicht in der Zukunft liegen.", Assert.Single(errors).Message);
        Assert.Empty(AnswerValidator.Validate(Input(AnswerStatus.Ja) with { AssessedOn = PlausibleDates.Max }, Basis, PlausibleDates.Max));
    }

    [Fact]
    public void Validate_GsppTeilweise_UsesTheAgreedGermanMessage()
    {
        var errors = AnswerValidator.Validate(Planned(AnswerStatus.Teilweise) with { Justification = "x" }, Gspp, Today);

        Assert.Equal("Grundschutz++ kennt nur umgesetzt oder nicht umgesetzt.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Validate_UnmetSollte_NamesTheModalVerb()
    {
        var errors = AnswerValidator.Validate(Planned(AnswerStatus.Nein), Standard, Today);

        Assert.Equal("Eine nicht erfüllte SOLLTE-Anforderung muss begründet werden.", Assert.Single(errors).Message);
    }

    [Fact]
    public void From_CatalogRequirement_TakesOnlyRequiredLinksAsDependencies()
    {
        var requirement = new Requirement
        {
            Id = "BER.6.1",
            Title = "Passwortgebrauch",
            GroupId = "BER.6",
            SecLevel = "normal-SdT",
            ModalVerb = "SOLLTE",
            Links = [new RequirementLink("required", "BER.6.2"), new RequirementLink("related", "BER.1.1"), new RequirementLink("required", "BER.6.2")],
        };

        var facts = AssessedRequirement.From(requirement, CatalogFramework.GrundschutzPlusPlus);

        Assert.Equal(["BER.6.2"], facts.RequiredDependencies);
        Assert.Equal(("BER.6.1", "BER.6", "normal-SdT", "SOLLTE", CatalogFramework.GrundschutzPlusPlus), (facts.RequirementId, facts.GroupId, facts.SecLevel, facts.ModalVerb, facts.Framework));
    }
}
