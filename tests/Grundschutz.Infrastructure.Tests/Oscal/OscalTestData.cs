using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.TestSupport;

namespace Grundschutz.Infrastructure.Tests.Oscal;

/// <summary>Assessments on the official catalogues, answered through the aggregate, ready for the OSCAL writers.</summary>
internal static class OscalTestData
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImgOnError = "\"><img src=x onerror=alert(1)>";
    public const string Hyperlink = "=HYPERLINK(\"http://x\")";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Lazy<CatalogDocument> KompendiumDoc = new(() => Read(SharedFiles.Kompendium2023));
    private static readonly Lazy<CatalogDocument> MethodikDoc = new(() => Read(SharedFiles.GsPlusPlus("BSI-Methodik-Grundschutz++-catalog.json")));

    public static CatalogDocument Kompendium => KompendiumDoc.Value;

    public static CatalogDocument Methodik => MethodikDoc.Value;

    public static string SchemaDirectory => SharedFiles.Require(Path.Combine("oscal-schemas", "v1.1.3"));

    public static CatalogDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return CatalogPipeline.Read(stream, Path.GetFileName(path), [], new CatalogReadOptions());
    }

    public static CatalogContext Context(CatalogDocument doc) =>
        new(doc.Requirements.Select(r => AssessedRequirement.From(r, doc.Framework)));

    public static Actor Isb { get; } = new("isb-1", new HashSet<string>(StringComparer.Ordinal) { AssessmentRoles.Isb });

    /// <summary>
    /// Kompendium, Standard-Absicherung: „Informationsverbund“ with ISMS.1, „Server Rathaus“ and „Clients Bürgeramt“
    /// with SYS.2.1; every status once, hostile text in the justifications.
    /// </summary>
    public static Assessment KompendiumAssessment(CatalogContext context)
    {
        var assessment = Assessment.Create(1, 7, CatalogFramework.ItGrundschutz, Approach.Standard, "IT-Grundschutz-Check 2026", Isb.UserId, Now.AddDays(-30));
        var verbund = assessment.AddTargetObject("Informationsverbund", "Informationsverbund");
        var server = assessment.AddTargetObject("Server Rathaus", "IT-System");
        var clients = assessment.AddTargetObject("Clients Bürgeramt");
        assessment.ApplyModule("ISMS.1", verbund.Id);
        assessment.ApplyModule("SYS.2.1", server.Id);
        assessment.ApplyModule("SYS.2.1", clients.Id);
        assessment.AdoptHRequirement(context.InGroup("SYS.2.1").First(r => r.Level == RequirementLevel.Hoch && !r.Withdrawn));
        assessment.ExcludeModule("SYS.2.2.3", "Keine Windows-Clients.\nNur Linux.");

        void Answer(string id, Guid target, AnswerInput input) =>
            assessment.RecordAnswer(input with { RequirementId = id, TargetObjectId = target }, 0, Isb, Now, context.Find(id)!);

        Answer("ISMS.1.A1", verbund.Id, new AnswerInput("", Guid.Empty, AnswerStatus.Ja, ImplementationDescription: "Leitlinie vom Rat beschlossen.\nZweite Zeile.", AssessedOn: new DateOnly(2026, 10, 1), Interviewees: "Frau Schmidt (ISB)"));
        Answer("ISMS.1.A2", verbund.Id, new AnswerInput("", Guid.Empty, AnswerStatus.Nein, Justification: Script, Owner: "IT-Leitung", DueDate: new DateOnly(2026, 12, 31), CostEstimate: 1500.50m, AssessedOn: new DateOnly(2026, 10, 2)));
        Answer("ISMS.1.A3", verbund.Id, new AnswerInput("", Guid.Empty, AnswerStatus.Teilweise, Justification: ImgOnError, ImplementationDescription: Hyperlink, Owner: "=Owner", DueDate: new DateOnly(2026, 11, 1), AssessedOn: Today));
        var sys = context.InGroup("SYS.2.1").Where(r => !r.Withdrawn && r.Level == RequirementLevel.Basis).Select(r => r.RequirementId).ToList();
        Answer(sys[0], server.Id, new AnswerInput("", Guid.Empty, AnswerStatus.Ja, AssessedOn: Today));
        Answer(sys[0], clients.Id, new AnswerInput("", Guid.Empty, AnswerStatus.Entbehrlich, EntbehrlichReason.AlternativeMeasure, Justification: "Durch Terminalserver abgedeckt.", AssessedOn: Today));
        Answer(sys[1], server.Id, new AnswerInput("", Guid.Empty, AnswerStatus.Entbehrlich, EntbehrlichReason.NotRelevant, Justification: "Nicht relevant.", AssessedOn: Today));
        return assessment;
    }

    /// <summary>Grundschutz++ Methodik: one target object with GC.1 and UMS.1; umgesetzt, nicht umgesetzt, open.</summary>
    public static Assessment MethodikAssessment(CatalogContext context)
    {
        var assessment = Assessment.Create(1, 8, CatalogFramework.GrundschutzPlusPlus, Approach.GsppNormal, "Grundschutz++-Check 2026", Isb.UserId, Now.AddDays(-3));
        var verbund = assessment.AddTargetObject("Informationsverbund");
        var topics = context.GroupOrder.Take(2).ToList();
        foreach (var topic in topics)
        {
            assessment.ApplyModule(topic, verbund.Id);
        }

        var questions = assessment.ApplicableQuestions(context);
        var first = questions[0];
        var second = questions[1];
        assessment.RecordAnswer(new AnswerInput(first.RequirementId, verbund.Id, AnswerStatus.Ja, AssessedOn: Today), 0, Isb, Now, context.Find(first.RequirementId)!);
        assessment.RecordAnswer(new AnswerInput(second.RequirementId, verbund.Id, AnswerStatus.Nein, Justification: Script, Owner: "ISB", DueDate: Today.AddDays(30), AssessedOn: Today), 0, Isb, Now, context.Find(second.RequirementId)!);
        return assessment;
    }

    public static OscalExportSource Source(Assessment assessment, CatalogContext context, CatalogDocument doc)
    {
        var facts = ScoringInputBuilder.FactsFrom(doc.Requirements, doc.Groups);
        var report = AssessmentScorer.Score(ScoringInputBuilder.From(assessment, context, facts, Today));
        return new OscalExportSource(
            assessment,
            report,
            "Köln",
            "05315000",
            new OscalCatalogReference(doc.Title, doc.Version, new string('a', 64), "XML Kompendium 2023.xml"),
            Now);
    }

    public static string Write(Action<Stream, OscalExportSource> writer, OscalExportSource source)
    {
        using var stream = new MemoryStream();
        writer(stream, source);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
