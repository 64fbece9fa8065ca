using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Domain.Tests.Assessments;

namespace Grundschutz.Domain.Tests.Scoring;

public class ScoringInputBuilderTests
{
    private static readonly Dictionary<string, RequirementFacts> Facts = new(StringComparer.Ordinal)
    {
        ["SYS.2.1"] = new(ProcessingOrder: "R2"),
        ["SYS.2.1.A1"] = new(Title: "Sichere Nutzung", EffortLevel: 2),
        ["ISMS.1"] = new(TopGroupId: "ISMS", ProcessingOrder: "R1"),
    };

    /// <summary>Default builder scope (6 questions) with: ISMS.1.A2 × Verbund nein, SYS.2.1.A1 × Server ja, SYS.2.1.A2 × Clients entbehrlich.</summary>
    private static (AssessmentBuilder Builder, Assessment Assessment) Answered()
    {
        var builder = new AssessmentBuilder();
        var assessment = builder.Build();
        var verbund = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.Informationsverbund);
        var server = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ServerRathaus);
        var clients = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.ClientsBuergeramt);
        builder.Answer(assessment, builder.Ja("SYS.2.1.A1", server));
        builder.Answer(assessment, new AnswerInput(
            "ISMS.1.A2",
            verbund,
            AnswerStatus.Nein,
            Justification: "Leitlinie in Arbeit.",
            ImplementationDescription: "Leitlinie verabschieden.",
            Owner: "ISB",
            DueDate: new DateOnly(2026, 9, 30),
            CostEstimate: 500m,
            AssessedOn: builder.Today));
        builder.Answer(assessment, new AnswerInput(
            "SYS.2.1.A2",
            clients,
            AnswerStatus.Entbehrlich,
            EntbehrlichReason.NotRelevant,
            Justification: "Keine lokalen Konten.",
            AssessedOn: builder.Today));
        return (builder, assessment);
    }

    [Fact]
    public void From_Assessment_OnePairPerApplicableQuestionWithAnswerAndFacts()
    {
        var (builder, assessment) = Answered();

        var input = ScoringInputBuilder.From(assessment, builder.Catalog, Facts, builder.Today);

        Assert.Equal((CatalogFramework.ItGrundschutz, Approach.Standard, builder.Today), (input.Framework, input.Approach, input.Today));
        Assert.Equal(
            [
                ("ISMS.1.A1", "Informationsverbund", AnswerStatus.Open, "ISMS", "R1", "MUSS", (string?)null),
                ("ISMS.1.A2", "Informationsverbund", AnswerStatus.Nein, "ISMS", "R1", "SOLLTE", null),
                ("SYS.2.1.A1", "Server Rathaus", AnswerStatus.Ja, "SYS", "R2", "MUSS", "Sichere Nutzung"),
                ("SYS.2.1.A1", "Clients Bürgeramt", AnswerStatus.Open, "SYS", "R2", "MUSS", "Sichere Nutzung"),
                ("SYS.2.1.A2", "Server Rathaus", AnswerStatus.Open, "SYS", "R2", "SOLLTE", null),
                ("SYS.2.1.A2", "Clients Bürgeramt", AnswerStatus.Entbehrlich, "SYS", "R2", "SOLLTE", null),
            ],
            input.Pairs.Select(p => (p.RequirementId, p.TargetObjectName, p.Status, p.TopGroupId, p.ProcessingOrder, p.ModalVerb, p.Title)));
        var nein = input.Pairs[1];
        Assert.Equal(
            ("Leitlinie in Arbeit.", "Leitlinie verabschieden.", "ISB", (DateOnly?)new DateOnly(2026, 9, 30), (decimal?)500m, (DateOnly?)builder.Today),
            (nein.Justification, nein.ImplementationDescription, nein.Owner, nein.DueDate, nein.CostEstimate, nein.AssessedOn));
        Assert.Equal(2, input.Pairs[2].EffortLevel);
        Assert.Equal(EntbehrlichReason.NotRelevant, input.Pairs[5].EntbehrlichReason);
    }

    [Fact]
    public void From_Assessment_ScoresAsComputedByHand()
    {
        var (builder, assessment) = Answered();

        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, builder.Catalog, Facts, builder.Today));

        Assert.Equal((1m, 3), report.Overall.Basis.Strict.Nd());          // SYS.2.1.A1 × Server of the three B pairs
        Assert.Equal((1m, 5), report.Overall.BasisStandard.Strict.Nd());  // entbehrlich SYS.2.1.A2 × Clients excluded
        Assert.Equal((3m, 6), report.Overall.Coverage.Nd());
        Assert.Equal(["ISMS.1.A2"], report.ActionPlan.Items.Select(i => i.RequirementId));
        Assert.Equal(3, report.ActionPlan.Unanswered.Count);
        Assert.Equal(1, report.Maturity.Find("ISMS")!.Level); // planned (owner and due date on ISMS.1.A2), nothing fulfilled
    }

    [Fact]
    public void From_Assessment_AdoptedHRequirementsBecomePairsWithdrawnNever()
    {
        var (builder, assessment) = Answered();
        assessment.AdoptHRequirement(builder.Catalog.Get("SYS.2.1.A3"));

        var input = ScoringInputBuilder.From(assessment, builder.Catalog, Facts, builder.Today);
        var report = AssessmentScorer.Score(input);

        Assert.Equal(8, input.Pairs.Count);
        Assert.DoesNotContain(input.Pairs, p => p.RequirementId == "SYS.2.1.A4"); // ENTFALLEN
        Assert.Equal((0m, 2), report.Overall.Hoch.Strict.Nd());
    }

    [Fact]
    public void From_GrundschutzPlusPlusAssessment_CarriesDependenciesAndSecLevel()
    {
        var builder = new AssessmentBuilder().ForGrundschutzPlusPlus(Approach.GsppErhoeht);
        var assessment = builder.Build();
        var verbund = AssessmentBuilder.TargetId(assessment, AssessmentBuilder.Informationsverbund);
        foreach (var id in new[] { "BER.6.1", "BER.6.2" })
        {
            builder.Answer(assessment, builder.Ja(id, verbund));
        }

        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, builder.Catalog, new Dictionary<string, RequirementFacts>(), builder.Today));

        // BER.6.1 → BER.6.2 → GC.1.1 (open): neither counts; BER.6.3 (erhöht) open.
        Assert.Equal(["BER.6.1", "BER.6.2", "BER.6.3", "GC.1.1"], report.Input.Pairs.Select(p => p.RequirementId).Order(StringComparer.Ordinal));
        Assert.Equal((0m, 3), report.Overall.NormalSdT.Strict.Nd());
        Assert.Equal(2, report.Overall.NormalSdT.JaBlockedByDependency);
        Assert.Equal((0m, 1), report.Overall.Erhoeht.Strict.Nd());
        var verdicts = assessment.DependencyVerdicts(builder.Catalog, verbund);
        for (var i = 0; i < report.Input.Pairs.Count; i++)
        {
            Assert.Equal(verdicts[report.Input.Pairs[i].RequirementId].Umgesetzt, report.Verdicts[i].Fulfilled);
        }
    }

    [Fact]
    public void FactsFrom_Catalogue_TopGroupFromTheParentChainAndProcessingOrderFromTheModule()
    {
        CatalogGroup[] groups =
        [
            new() { Id = "SYS", Title = "IT-Systeme", Kind = GroupKind.Layer },
            new() { Id = "SYS.2.1", Title = "Allgemeiner Client", Kind = GroupKind.Module, ParentId = "SYS", ProcessingOrder = "R2" },
            new() { Id = "BER", Title = "Berechtigung", Kind = GroupKind.Practice },
            new() { Id = "BER.6", Title = "Passwortgebrauch", Kind = GroupKind.Topic, ParentId = "BER" },
        ];
        Requirement[] requirements =
        [
            new() { Id = "SYS.2.1.A1", Title = "Sichere Benutzerauthentisierung", GroupId = "SYS.2.1", Level = RequirementLevel.Basis },
            new() { Id = "BER.6.1", Title = "Passwortrichtlinie", GroupId = "BER.6", EffortLevel = 3 },
            new() { Id = "BER.6.1.1", Title = "Mindestlänge", GroupId = "BER.6", ParentId = "BER.6.1", EffortLevel = 1 },
            new() { Id = "ZZZ.1.A1", Title = "Ohne Gruppe", GroupId = "ZZZ.1" },
        ];

        var facts = ScoringInputBuilder.FactsFrom(requirements, groups);

        Assert.Equal(new RequirementFacts("Sichere Benutzerauthentisierung", null, "SYS", "R2"), facts["SYS.2.1.A1"]);
        Assert.Equal(new RequirementFacts("Passwortrichtlinie", 3, "BER", null), facts["BER.6.1"]);
        Assert.Equal(new RequirementFacts("Mindestlänge", 1, "BER", null), facts["BER.6.1.1"]);
        Assert.Equal(new RequirementFacts("Ohne Gruppe", null, "ZZZ", null), facts["ZZZ.1.A1"]);
        Assert.Equal(new RequirementFacts("Allgemeiner Client", null, "SYS", "R2"), facts["SYS.2.1"]);
        Assert.Equal(new RequirementFacts("IT-Systeme", null, "SYS", null), facts["SYS"]);
    }
}
