using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.TestSupport;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Report;

/// <summary>
/// A hand-computed Kompendium assessment of Köln (Standard-Absicherung, catalogue report-kompendium.xml) and the
/// approved assessment before it, plus a Frankfurt tenant for the isolation tests. Today is 2026-11-23.
/// <code>
/// Pair                                   Stufe  vorher        jetzt
/// ISMS.1.A1 × Informationsverbund        B      ja            ja
/// ISMS.1.A2 × Informationsverbund        B      ja            ja
/// ISMS.1.A3 × Informationsverbund        S      ja            ja
/// ISMS.1.A4 × Informationsverbund        S      nein          teilweise (begründet, Termin 01.10.2026 → überfällig)
/// SYS.2.1.A1 × Server Rathaus            B      ja            ja
/// SYS.2.1.A2 × Server Rathaus            B      ja            nein (Termin 23.02.2027)
/// SYS.2.1.A3 × Server Rathaus            S      ja            ja
/// SYS.2.1.A4 × Server Rathaus            S      entbehrlich   entbehrlich (begründet)
/// (SYS.2.1.A5 is H and not adopted: not in scope.)
/// </code>
/// Now: E_B = 3 von 4 = 75 %; E_BS = 5 von 7 = 71,4 % (strict; lenient 5,5 von 7 = 78,5 %); E_H nicht anwendbar;
/// Abdeckung 8 von 8. Basis gate: blocked by SYS.2.1.A2 × Server Rathaus (nicht umgesetzt). Standard gate: blocked by
/// the same pair; ISMS.1.A4 is a justified SOLLTE deviation. Reifegrad ISMS: E_B 2 von 2, E_BS 3 von 4 = 75 % &lt; 80 %
/// → Stufe 2; overall (minimum) 2. Action plan: 1. SYS.2.1.A2 (B), 2. ISMS.1.A4 (S, überfällig). Layers: ISMS E_B
/// 100 % (2 von 2), E_BS 75 % (3 von 4); SYS E_B 50 % (1 von 2), E_BS 66,6 % (2 von 3). Comparison with the approved
/// one: ISMS.1.A4 improved, SYS.2.1.A2 regressed, E_B 100 % → 75 % (−25 Prozentpunkte).
/// </summary>
public sealed class ReportScenario : IAsyncLifetime
{
    public const string Informationsverbund = "Informationsverbund";
    public const string Server = "Server Rathaus";

    public GrundschutzWebFactory Factory { get; } = new();

    public AssessmentSeed Seed { get; private set; } = null!;

    public ApplicationUser IsbKoeln { get; private set; } = null!;

    public ApplicationUser IsbFrankfurt { get; private set; } = null!;

    public Guid Current { get; private set; }

    public Guid Previous { get; private set; }

    public int KompendiumVersionId { get; private set; }

    /// <summary>The made-up Kompendium of the report tests.</summary>
    public static string KompendiumPath => SharedFiles.InRepository("tests/Grundschutz.Web.Tests/Report/report-kompendium.xml");

    public async Task InitializeAsync()
    {
        Seed = new AssessmentSeed(Factory);
        var (koeln, isbKoeln) = await Seed.TenantAsync("05315000", "Köln");
        var (_, isbFrankfurt) = await Seed.TenantAsync("06412000", "Frankfurt am Main");
        IsbKoeln = isbKoeln;
        IsbFrankfurt = isbFrankfurt;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
            var results = await importer.ImportAsync([CatalogImportFile.FromPath(KompendiumPath)], "test", CancellationToken.None);
            KompendiumVersionId = results[0].CatalogVersionId;
        }

        Previous = await BuildAsync(koeln, isbKoeln, "Check 2025", approve: true, new()
        {
            [("ISMS.1.A4", Informationsverbund)] = (AnswerStatus.Nein, null),
        });

        // Created later on the same day: the approved one is "the municipality's latest earlier approved assessment".
        Factory.Time.Advance(TimeSpan.FromHours(1));
        Current = await BuildAsync(koeln, isbKoeln, "Check 2026", approve: false, new()
        {
            [("ISMS.1.A4", Informationsverbund)] = (AnswerStatus.Teilweise, a => a with { DueDate = new DateOnly(2026, 10, 1) }),
            [("SYS.2.1.A2", Server)] = (AnswerStatus.Nein, a => a with { CostEstimate = 1250m }),
        });
    }

    /// <summary>Builds an assessment through the domain: every pair in scope answered ja unless listed.</summary>
    private async Task<Guid> BuildAsync(Municipality municipality, ApplicationUser isb, string title, bool approve, Dictionary<(string Requirement, string Target), (AnswerStatus Status, Func<AnswerInput, AnswerInput>? Adjust)> answers)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var catalog = await CatalogContextCache.LoadAsync(db, KompendiumVersionId, CancellationToken.None);
        var now = Factory.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var isbActor = new Actor(isb.Id, new HashSet<string>(StringComparer.Ordinal) { Roles.Isb });
        var auditor = new Actor("report-auditor", new HashSet<string>(StringComparer.Ordinal) { Roles.Auditor });

        var assessment = Assessment.Create(municipality.Id, KompendiumVersionId, catalog.Framework, Approach.Standard, title, isb.Id, now);
        var verbund = assessment.AddTargetObject(Informationsverbund, "Informationsverbund");
        var server = assessment.AddTargetObject(Server, "IT-System");
        assessment.ApplyModule("ISMS.1", verbund.Id);
        assessment.ApplyModule("SYS.2.1", server.Id);
        assessment.Fire(AssessmentTrigger.StartAnswering, isbActor, null, now, catalog);
        var targets = new Dictionary<Guid, string> { [verbund.Id] = Informationsverbund, [server.Id] = Server };
        foreach (var question in assessment.ApplicableQuestions(catalog))
        {
            var key = (question.RequirementId, targets[question.TargetObjectId]);
            var (status, adjust) = answers.TryGetValue(key, out var given)
                ? given
                : (question.RequirementId == "SYS.2.1.A4" ? AnswerStatus.Entbehrlich : AnswerStatus.Ja, null);
            var input = AssessmentSeed.CompleteAnswer(question.RequirementId, question.TargetObjectId, status, today);
            assessment.RecordAnswer(adjust?.Invoke(input) ?? input, 0, isbActor, now, catalog.Find(question.RequirementId)!, today);
        }

        if (approve)
        {
            assessment.Fire(AssessmentTrigger.Submit, isbActor, null, now, catalog);
            assessment.Fire(AssessmentTrigger.StartReview, auditor, null, now, catalog);
            assessment.Fire(AssessmentTrigger.Approve, auditor, null, now, catalog);
        }

        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
