using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Assessments.Migration;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Tests.Assessments.Migration;

/// <summary>
/// The prefill rule on a hand-built case (docs/oscal.md §Migration):
/// <code>
/// source (Standard)            answer   map                                   → GS++ (normal-SdT)
/// ISMS.1.A1 × Verbund          ja       UA.1 equivalent-to GC.1.1              GC.1.1 × Verbund   prefilled (only source ja)
///                                       UA.2 equal-to GC.9.9                   missing in catalogue → stale
/// ISMS.1.A2 × Verbund          nein     UA.1 superset-of GC.1.2  ┐
/// ISMS.1.A3 × Verbund          ja       UA.1 equivalent-to GC.1.2┘             GC.1.2 × Verbund   needs answer (a full source is nein)
///                                       UA.2 subset-of GC.1.3                  GC.1.3 erhöht      not in scope
/// SYS.1.1.A1 × Server          ja       UA.1 intersects-with BER.6.1           BER.6.1 × Server   needs answer (partial)
///                                       UA.2 superset-of BER.6.2               BER.6.2 × Server   prefilled
/// second mapping (set 1): ISMS.1.A1 → XYZ.1.1 only: no target exists, so the set is another catalogue's, not stale.
/// </code>
/// </summary>
public sealed class MigrationPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Isb = new("isb", new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
    private static readonly MigrationSource Labels = new("IT-Grundschutz-Kompendium Edition 2023", "GSMap OSCAL Mapping Collection", "v1");

    private static readonly CatalogContext Source = new(
    [
        Kompendium("ISMS.1.A1", "ISMS.1", RequirementLevel.Basis),
        Kompendium("ISMS.1.A2", "ISMS.1", RequirementLevel.Basis),
        Kompendium("ISMS.1.A3", "ISMS.1", RequirementLevel.Standard),
        Kompendium("SYS.1.1.A1", "SYS.1.1", RequirementLevel.Basis),
    ]);

    private static readonly CatalogContext Target = new(
    [
        Gspp("GC.1.1", "GC.1", "normal-SdT"),
        Gspp("GC.1.2", "GC.1", "normal-SdT"),
        Gspp("GC.1.3", "GC.1", "erhöht"),
        Gspp("BER.6.1", "BER.6", "normal-SdT"),
        Gspp("BER.6.2", "BER.6", "normal-SdT"),
    ]);

    private static readonly MigrationMap[] Maps =
    [
        new(0, "ISMS.1.A1-UA.1", "ISMS.1.A1", "GC.1.1", "equivalent-to"),
        new(0, "ISMS.1.A1-UA.2", "ISMS.1.A1", "GC.9.9", "equal-to"),
        new(0, "ISMS.1.A2-UA.1", "ISMS.1.A2", "GC.1.2", "superset-of"),
        new(0, "ISMS.1.A3-UA.1", "ISMS.1.A3", "GC.1.2", "equivalent-to"),
        new(0, "ISMS.1.A3-UA.2", "ISMS.1.A3", "GC.1.3", "subset-of"),
        new(0, "SYS.1.1.A1-UA.1", "SYS.1.1.A1", "BER.6.1", "intersects-with"),
        new(0, "SYS.1.1.A1-UA.2", "SYS.1.1.A1", "BER.6.2", "superset-of"),
        new(1, "ISMS.1.A1-UA.1", "ISMS.1.A1", "XYZ.1.1", "equivalent-to"),
    ];

    [Fact]
    public void Plan_HandBuiltCase_PrefillsOnlyFullyCoveredJaControls()
    {
        var plan = Plan(SourceAssessment());

        Assert.Equal(
            [
                ("GC.1.1", "Verbund", true, true),
                ("GC.1.2", "Verbund", false, true),
                ("GC.1.3", "Verbund", false, false),
                ("BER.6.1", "Server", false, true),
                ("BER.6.2", "Server", true, true),
            ],
            plan.Controls.Select(c => (c.ControlId, c.TargetObjectName, c.Prefilled, c.InScope)));
        Assert.Equal(2, plan.PrefilledCount);
        Assert.Equal(["superset-of", "equivalent-to"], plan.Controls[1].Evidence.Select(e => e.Relationship));
        Assert.Equal([AnswerStatus.Nein, AnswerStatus.Ja], plan.Controls[1].Evidence.Select(e => e.SourceStatus));
    }

    [Fact]
    public void Plan_HandBuiltCase_ListsEveryQuestionStillToAnswer()
    {
        var plan = Plan(SourceAssessment());
        var names = plan.Draft.TargetObjects.ToDictionary(t => t.Id, t => t.Name);

        Assert.Equal([("GC.1.2", "Verbund"), ("BER.6.1", "Server")], plan.NeedsAnswer.Select(q => (q.RequirementId, names[q.TargetObjectId])).OrderByDescending(q => q.RequirementId.StartsWith("GC", StringComparison.Ordinal)));
        Assert.Equal(4, plan.Draft.ApplicableQuestions(Target).Count);
    }

    [Fact]
    public void Plan_HandBuiltCase_ReportsMissingTargetsOfTheRelevantMappingOnly()
    {
        var plan = Plan(SourceAssessment());

        var stale = Assert.Single(plan.StaleTargets);
        Assert.Equal(("GC.9.9", "equal-to"), (stale.TargetId, stale.Relationship));
        Assert.Equal(["ISMS.1.A1-UA.2"], stale.SourceIds);
        Assert.Equal(1, plan.StaleTargetsInCollection);
    }

    [Fact]
    public void Plan_HandBuiltCase_DraftHasScopeAndJustifiedAnswers()
    {
        var plan = Plan(SourceAssessment());
        var draft = plan.Draft;

        Assert.Equal(AssessmentState.Draft, draft.State);
        Assert.Equal(CatalogFramework.GrundschutzPlusPlus, draft.Framework);
        Assert.Equal(["Server", "Verbund"], draft.TargetObjects.Select(t => t.Name).Order(StringComparer.Ordinal));
        var names = draft.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        Assert.Equal(["BER.6 @ Server", "GC.1 @ Verbund"], draft.ModuleApplications.Select(m => $"{m.GroupId} @ {names[m.TargetObjectId]}").Order(StringComparer.Ordinal));
        Assert.Equal(2, draft.Answers.Count);
        var gc11 = draft.Answers.Single(a => a.RequirementId == "GC.1.1");
        Assert.Equal(AnswerStatus.Ja, gc11.Status);
        Assert.Equal(new DateOnly(2026, 10, 1), gc11.AssessedOn);
        Assert.Equal(
            "Vorbelegt aus der Bewertung „Check 2025“ (IT-Grundschutz-Kompendium Edition 2023) über die Zuordnung „GSMap OSCAL Mapping Collection“ (v1): "
            + "ISMS.1.A1-UA.1 „ja“ equivalent-to GC.1.1. Bitte prüfen und bestätigen.",
            gc11.Justification);
        Assert.Contains("SYS.1.1.A1-UA.2 „ja“ superset-of BER.6.2", draft.Answers.Single(a => a.RequirementId == "BER.6.2").Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AllSourcesJa_PrefillsTheSharedControl()
    {
        var source = SourceAssessment(isms2: AnswerStatus.Ja);

        var plan = Plan(source);

        Assert.True(plan.Controls.Single(c => c.ControlId == "GC.1.2").Prefilled);
        Assert.Equal(3, plan.PrefilledCount);
    }

    [Fact]
    public void Plan_GrundschutzPlusPlusSource_Refused()
    {
        var source = Assessment.Create(1, 2, CatalogFramework.GrundschutzPlusPlus, Approach.GsppNormal, "GS++", "isb", Now);

        Assert.Throws<AssessmentRuleException>(() => MigrationPlanner.Plan(source, Target, Maps, Target, 3, Approach.GsppNormal, "x", Labels, Isb, Now));
    }

    private static MigrationPlan Plan(Assessment source) =>
        MigrationPlanner.Plan(source, Source, Maps, Target, 9, Approach.GsppNormal, "Grundschutz++ 2026", Labels, Isb, Now);

    private static Assessment SourceAssessment(AnswerStatus isms2 = AnswerStatus.Nein)
    {
        var assessment = Assessment.Create(1, 2, CatalogFramework.ItGrundschutz, Approach.Standard, "Check 2025", "isb", Now.AddYears(-1));
        var verbund = assessment.AddTargetObject("Verbund");
        var server = assessment.AddTargetObject("Server", "IT-System");
        assessment.ApplyModule("ISMS.1", verbund.Id);
        assessment.ApplyModule("SYS.1.1", server.Id);
        void Answer(string id, Guid target, AnswerStatus status) => assessment.RecordAnswer(
            new AnswerInput(id, target, status, Justification: "B", Owner: "O", DueDate: new DateOnly(2027, 1, 1), AssessedOn: new DateOnly(2026, 10, 1)),
            0,
            Isb,
            Now,
            Source.Find(id)!);
        Answer("ISMS.1.A1", verbund.Id, AnswerStatus.Ja);
        Answer("ISMS.1.A2", verbund.Id, isms2);
        Answer("ISMS.1.A3", verbund.Id, AnswerStatus.Ja);
        Answer("SYS.1.1.A1", server.Id, AnswerStatus.Ja);
        return assessment;
    }

    private static AssessedRequirement Kompendium(string id, string group, RequirementLevel level) =>
        new(id, group, level, null, null, false, [], CatalogFramework.ItGrundschutz);

    private static AssessedRequirement Gspp(string id, string group, string secLevel) =>
        new(id, group, null, secLevel, "SOLLTE", false, [], CatalogFramework.GrundschutzPlusPlus);
}
