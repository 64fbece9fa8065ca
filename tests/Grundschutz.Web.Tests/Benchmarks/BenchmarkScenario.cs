using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Web.Tests.Infrastructure;
using Grundschutz.Web.Tests.Report;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Benchmarks;

/// <summary>
/// Five NRW municipalities with one approved Standard-Absicherung each against the made-up Kompendium of the report
/// tests (ISMS.1 on „Informationsverbund“, SYS.2.1 on „Server Rathaus“: 8 pairs, 4 of them level B), plus Frankfurt
/// (Land 06). Municipality i (0…4) answers the first i Basis pairs „nein“ (ISMS.1.A1, ISMS.1.A2, SYS.2.1.A1, SYS.2.1.A2)
/// and everything else „ja“:
/// <code>
/// i  name        Kreis    E_B           E_BS            open items
/// 0  Aachen      Kreis A  4/4 = 100 %   8/8 = 100 %     0
/// 1  Bonn        Kreis A  3/4 =  75 %   7/8 = 87,5 %    1
/// 2  Dortmund    Kreis A  2/4 =  50 %   6/8 = 75 %      2
/// 3  Essen       Kreis A  1/4 =  25 %   5/8 = 62,5 %    3
/// 4  Gelsenk.    Kreis B  0/4 =   0 %   4/8 = 50 %      4
/// </code>
/// Type 7 quartiles of E_B over [0, 25, 50, 75, 100]: Q1 = 25 %, median = 50 %, Q3 = 75 %; of E_BS over
/// [50, 62.5, 75, 87.5, 100]: Q1 = 62,5 %, median = 75 %, Q3 = 87,5 %. Mid-rank percentile of Bonn's E_B (75 %):
/// (3 + ½) / 5 = 70. Kreis A alone has 4 municipalities (below k = 5). ISMS layer E_B median: Aachen 2/2, Bonn 1/2,
/// Dortmund 0/2, Essen 0/2, Gelsenkirchen 0/2 → [0, 0, 0, 50, 100] → median 0 %.
/// </summary>
public sealed class BenchmarkScenario : IAsyncLifetime
{
    public const string Verbund = "Informationsverbund";
    public const string Server = "Server Rathaus";

    public static readonly (string Ags, string Name, string Kreis)[] Nrw =
    [
        ("05334002", "Aachen", "Kreis A"),
        ("05314000", "Bonn", "Kreis A"),
        ("05913000", "Dortmund", "Kreis A"),
        ("05113000", "Essen", "Kreis A"),
        ("05513000", "Gelsenkirchen", "Kreis B"),
    ];

    private static readonly (string Requirement, string Target)[] BasisPairs =
        [("ISMS.1.A1", Verbund), ("ISMS.1.A2", Verbund), ("SYS.2.1.A1", Server), ("SYS.2.1.A2", Server)];

    public GrundschutzWebFactory Factory { get; } = new();

    public AssessmentSeed Seed { get; private set; } = null!;

    public int KompendiumVersionId { get; private set; }

    public ApplicationUser AuditorNrw { get; private set; } = null!;

    public ApplicationUser AuditorHessen { get; private set; } = null!;

    public ApplicationUser IsbBonn { get; private set; } = null!;

    public List<Guid> Assessments { get; } = [];

    public async Task InitializeAsync()
    {
        Seed = new AssessmentSeed(Factory);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
            var results = await importer.ImportAsync([CatalogImportFile.FromPath(ReportScenario.KompendiumPath)], "test", CancellationToken.None);
            KompendiumVersionId = results[0].CatalogVersionId;
        }

        AuditorNrw = await Seed.UserAsync("pruefer-nrw", Roles.Auditor, null, "05");
        AuditorHessen = await Seed.UserAsync("pruefer-hessen", Roles.Auditor, null, "06");
        for (var i = 0; i < Nrw.Length; i++)
        {
            var (ags, name, kreis) = Nrw[i];
            var municipality = await MunicipalityAsync(ags, name, kreis, 10_000 + (i * 1_000));
            var isb = await Seed.UserAsync("isb-" + ags, Roles.Isb, municipality);
            if (i == 1)
            {
                IsbBonn = isb;
            }

            Assessments.Add(await AssessAsync(municipality, isb, i));
        }

        var frankfurt = await MunicipalityAsync("06412000", "Frankfurt am Main", "Kreisfreie Stadt Frankfurt", 770_000);
        await AssessAsync(frankfurt, await Seed.UserAsync("isb-06412000", Roles.Isb, frankfurt), 0);
    }

    public Task<HttpClient> SignInAsync(ApplicationUser user) => Seed.SignInAsync(user);

    private async Task<Municipality> MunicipalityAsync(string ags, string name, string kreis, int population)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var now = Factory.Time.GetUtcNow();
        var municipality = new Municipality { Population = population, Type = MunicipalityType.Stadt, KreisName = kreis, CreatedAt = now, UpdatedAt = now };
        municipality.SetAgs(Ags.Parse(ags));
        municipality.SetName(name);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        return municipality;
    }

    /// <summary>An approved assessment whose first <paramref name="gaps"/> Basis pairs are „nein“.</summary>
    private async Task<Guid> AssessAsync(Municipality municipality, ApplicationUser isb, int gaps)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var catalog = await CatalogContextCache.LoadAsync(db, KompendiumVersionId, CancellationToken.None);
        var now = Factory.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var isbActor = new Actor(isb.Id, new HashSet<string>(StringComparer.Ordinal) { Roles.Isb });
        var auditor = new Actor("benchmark-auditor", new HashSet<string>(StringComparer.Ordinal) { Roles.Auditor });
        var assessment = Assessment.Create(municipality.Id, KompendiumVersionId, catalog.Framework, Approach.Standard, "Check 2026", isb.Id, now);
        var verbund = assessment.AddTargetObject(Verbund, "Informationsverbund");
        var server = assessment.AddTargetObject(Server, "IT-System");
        assessment.ApplyModule("ISMS.1", verbund.Id);
        assessment.ApplyModule("SYS.2.1", server.Id);
        assessment.Fire(AssessmentTrigger.StartAnswering, isbActor, null, now, catalog);
        var names = new Dictionary<Guid, string> { [verbund.Id] = Verbund, [server.Id] = Server };
        var nein = BasisPairs.Take(gaps).ToHashSet();
        foreach (var question in assessment.ApplicableQuestions(catalog))
        {
            var status = nein.Contains((question.RequirementId, names[question.TargetObjectId])) ? AnswerStatus.Nein : AnswerStatus.Ja;
            var input = AssessmentSeed.CompleteAnswer(question.RequirementId, question.TargetObjectId, status, today);
            assessment.RecordAnswer(input, 0, isbActor, now, catalog.Find(question.RequirementId)!, today);
        }

        assessment.Fire(AssessmentTrigger.Submit, isbActor, null, now, catalog);
        assessment.Fire(AssessmentTrigger.StartReview, auditor, null, now, catalog);
        assessment.Fire(AssessmentTrigger.Approve, auditor, null, now, catalog);
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
