using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Exports;

/// <summary>
/// A Grundschutz++ assessment on the demo catalogue (approach normal-SdT, as of 23.11.2026), built by hand so that
/// every number of the export and the API can be computed on paper:
/// <code>
/// pair (questionnaire order)        modal   status
/// TEC.1.1 × Server Rathaus          MUSS    ja
/// TEC.1.1 × Clients Bürgeramt       MUSS    ja
/// TEC.1.2 × Server Rathaus          MUSS    ja        (needs TEC.1.1 on the same target: ja)
/// TEC.1.2 × Clients Bürgeramt       MUSS    nein      due 13.11.2026 (overdue), 250 €
/// TEC.1.3 × Server Rathaus          SOLLTE  nein      justified „=HYPERLINK(…)“, due 23.02.2027, 1.234,56 €, Befragte „+1+1“
/// TEC.1.3 × Clients Bürgeramt       SOLLTE  offen
/// TEC.2.1 × Server Rathaus          MUSS    entbehrlich (justified)
/// TEC.2.2 × Server Rathaus          SOLLTE  offen
/// TEC.2.3 × Server Rathaus          MUSS    ja        Umsetzung „@SUM(A1)“, Befragte „-2“
/// (TEC.2.4 is erhöht and not in the scope of normal-SdT)
/// </code>
/// </summary>
internal sealed record ExportScenario(AssessmentSeed Seed, AssessmentSeed.SeededAssessment Assessment, ApplicationUser Isb, string Ags)
{
    public const string Server = "Server Rathaus";
    public const string Clients = "Clients Bürgeramt";
    public const string Hyperlink = "=HYPERLINK(\"http://evil\",\"x\")";

    public static readonly DateOnly Today = new(2026, 11, 23);

    public Guid Id => Assessment.Id;

    public static async Task<ExportScenario> CreateAsync(GrundschutzWebFactory factory, string ags, string name)
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync(ags, name);
        var assessment = await seed.Assessment(municipality, isb)
            .Titled("Grundschutz-Check 2026")
            .WithTarget(Server, "TEC.1", "TEC.2")
            .WithTarget(Clients, "TEC.1")
            .Answer("TEC.1.1", Server, AnswerStatus.Ja)
            .Answer("TEC.1.1", Clients, AnswerStatus.Ja)
            .Answer("TEC.1.2", Server, AnswerStatus.Ja)
            .Answer("TEC.1.2", Clients, AnswerStatus.Nein, adjust: a => a with { DueDate = Today.AddDays(-10), CostEstimate = 250m })
            .Answer("TEC.1.3", Server, AnswerStatus.Nein, adjust: a => a with { Justification = Hyperlink, Interviewees = "+1+1", CostEstimate = 1234.56m })
            .Answer("TEC.2.1", Server, AnswerStatus.Entbehrlich)
            .Answer("TEC.2.3", Server, AnswerStatus.Ja, adjust: a => a with { ImplementationDescription = "@SUM(A1)", Interviewees = "-2" })
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        return new ExportScenario(seed, assessment, isb, ags);
    }

    public Task<HttpClient> SignInAsync() => Seed.SignInAsync(Isb);

    public static string Page(Guid id) => $"/Assessments/{id}/Exports";

    public static string GrundschutzCheck(Guid id) => $"/Assessments/{id}/Exports?handler=GrundschutzCheck";

    public static string Realisierungsplan(Guid id) => $"/Assessments/{id}/Exports?handler=Realisierungsplan";

    public static string Score(Guid id) => $"/api/assessments/{id}/score";
}
