using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Demo data for the auditor dashboard: five clearly marked demo municipalities in the demo auditor's Land (Bayern,
/// Kreis „Demo-Landkreis“) with one approved assessment each on the demo catalogue, answered with different gaps — so
/// that <c>demo-pruefer</c> sees a peer group of k = 5. Created once, next to the other demo data.
/// </summary>
public sealed class DemoBenchmarkData(GrundschutzDbContext db, TimeProvider time)
{
    /// <summary>AGS of the demo municipalities (unused numbers next to Musterstadt's).</summary>
    public static IReadOnlyList<(string Ags, string Name, MunicipalityType Type, int Population)> Municipalities { get; } =
    [
        ("09189990", "Ahornfeld (Demo)", MunicipalityType.Gemeinde, 2_100),
        ("09189991", "Birkenau am See (Demo)", MunicipalityType.Markt, 6_400),
        ("09189992", "Eichstadt (Demo)", MunicipalityType.Stadt, 18_900),
        ("09189993", "Lindenberg (Demo)", MunicipalityType.Gemeinde, 3_700),
        ("09189994", "Ulmenhausen (Demo)", MunicipalityType.GrosseKreisstadt, 42_000),
    ];

    private const string IsbId = "demo-benchmark-isb";
    private const string AuditorId = "demo-benchmark-pruefer";

    /// <summary>Creates the municipalities and assessments unless they exist; nothing without the demo catalogue.</summary>
    public async Task EnsureAsync(int? demoCatalogVersionId, CancellationToken cancellationToken)
    {
        if (demoCatalogVersionId is not { } versionId || await db.Municipalities.AnyAsync(m => m.Ags == Municipalities[0].Ags, cancellationToken))
        {
            return;
        }

        var framework = await db.CatalogVersions.Where(v => v.Id == versionId).Select(v => v.Framework).SingleAsync(cancellationToken);
        var catalog = await CatalogContextCache.LoadAsync(db, versionId, cancellationToken);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var isb = new Actor(IsbId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });
        var auditor = new Actor(AuditorId, new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Auditor });
        for (var i = 0; i < Municipalities.Count; i++)
        {
            var (ags, name, type, population) = Municipalities[i];
            var municipality = new Municipality { Population = population, Type = type, KreisName = "Demo-Landkreis", Source = DemoDataSeeder.Source, CreatedAt = now, UpdatedAt = now };
            municipality.SetAgs(Ags.Parse(ags));
            municipality.SetName(name);
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync(cancellationToken);

            var assessment = Assessment.Create(municipality.Id, versionId, framework, Approach.GsppNormal, "Selbstbewertung 2026 (Demo)", IsbId, now);
            var server = assessment.AddTargetObject("Server Rathaus", "IT-System").Id;
            foreach (var group in catalog.GroupOrder)
            {
                assessment.ApplyModule(group, server);
            }

            assessment.Fire(AssessmentTrigger.StartAnswering, isb, null, now, catalog);
            var questions = assessment.ApplicableQuestions(catalog);
            for (var q = 0; q < questions.Count; q++)
            {
                var question = questions[q];
                // Municipality i leaves every fifth question „nein“ from offset i on: i = 0 has one gap in five, i = 4 has more.
                var gap = ((q + i) % 5) < 1 + (i / 2);
                var input = gap
                    ? new AnswerInput(question.RequirementId, question.TargetObjectId, AnswerStatus.Nein,
                        Justification: "Noch nicht umgesetzt (Demo).", Owner: "IT-Leitung", DueDate: today.AddMonths(3 + q % 4), AssessedOn: today)
                    : new AnswerInput(question.RequirementId, question.TargetObjectId, AnswerStatus.Ja,
                        ImplementationDescription: "Umgesetzt (Demo).", AssessedOn: today);
                assessment.RecordAnswer(input, 0, isb, now, catalog.Find(question.RequirementId)!, today);
            }

            assessment.Fire(AssessmentTrigger.Submit, isb, null, now, catalog);
            assessment.Fire(AssessmentTrigger.StartReview, auditor, null, now, catalog);
            assessment.Fire(AssessmentTrigger.Approve, auditor, null, now, catalog);
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
