using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Infrastructure.Tests.Export;

/// <summary>
/// A small Kompendium assessment built by hand (the worked example of docs/scoring.md §2.4 with answers that
/// carry dangerous text): three target objects, ISMS.1 and SYS.2.1, every status once, as of 23.11.2026.
/// </summary>
internal static class ExportTestData
{
    public const string Hyperlink = "=HYPERLINK(\"http://evil\",\"x\")";

    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly DateTimeOffset ExportedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly Guid Verbund = new("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Server = new("00000000-0000-0000-0000-000000000002");
    public static readonly Guid Clients = new("00000000-0000-0000-0000-000000000003");

    public static ExportHeader Header(CatalogFramework framework = CatalogFramework.ItGrundschutz, string title = "IT-Grundschutz-Check 2026") => new(
        "Köln",
        "05315000",
        title,
        AssessmentState.InProgress,
        "IT-Grundschutz-Kompendium",
        "Edition 2023",
        framework,
        framework == CatalogFramework.GrundschutzPlusPlus ? Approach.GsppNormal : Approach.Standard,
        Today,
        ExportedAt,
        new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero));

    /// <summary>The pairs in questionnaire order (module, requirement, target object).</summary>
    public static IReadOnlyList<ScoredPair> Pairs() =>
    [
        Pair("ISMS.1.A1", "ISMS.1", RequirementLevel.Basis, Verbund, "Informationsverbund", AnswerStatus.Ja) with
        {
            ImplementationDescription = "Leitlinie vom Rat beschlossen.",
            AssessedOn = new DateOnly(2026, 10, 1),
        },
        Pair("ISMS.1.A2", "ISMS.1", RequirementLevel.Standard, Verbund, "Informationsverbund", AnswerStatus.Nein) with
        {
            Justification = Hyperlink,
            Owner = "IT-Leitung",
            DueDate = new DateOnly(2026, 12, 31),
            CostEstimate = 1500.50m,
            AssessedOn = new DateOnly(2026, 10, 2),
        },
        Pair("SYS.2.1.A1", "SYS.2.1", RequirementLevel.Basis, Server, "Server Rathaus", AnswerStatus.Ja) with { AssessedOn = Today },
        Pair("SYS.2.1.A1", "SYS.2.1", RequirementLevel.Basis, Clients, "Clients Bürgeramt", AnswerStatus.Ja) with { AssessedOn = Today },
        Pair("SYS.2.1.A2", "SYS.2.1", RequirementLevel.Basis, Server, "Server Rathaus", AnswerStatus.Nein) with
        {
            Justification = "+1+1",
            Owner = "-2",
            DueDate = new DateOnly(2026, 11, 1),
            CostEstimate = 250m,
            AssessedOn = Today,
        },
        Pair("SYS.2.1.A3", "SYS.2.1", RequirementLevel.Standard, Server, "Server Rathaus", AnswerStatus.Ja) with { AssessedOn = Today },
        Pair("SYS.2.1.A3", "SYS.2.1", RequirementLevel.Standard, Clients, "Clients Bürgeramt", AnswerStatus.Open),
        Pair("SYS.2.1.A4", "SYS.2.1", RequirementLevel.Standard, Server, "Server Rathaus", AnswerStatus.Teilweise) with
        {
            ImplementationDescription = "@SUM(A1)",
            Justification = "Begründung < & > \"Zeichen\"",
            AssessedOn = Today,
        },
        Pair("SYS.2.1.A5", "SYS.2.1", RequirementLevel.Standard, Server, "Server Rathaus", AnswerStatus.Entbehrlich) with
        {
            Justification = "Kein WLAN vorhanden.",
            AssessedOn = Today,
        },
        Pair("SYS.2.1.A6", "SYS.2.1", RequirementLevel.Hoch, Server, "Server Rathaus", AnswerStatus.Ja) with { AssessedOn = Today },
    ];

    public static ScoreReport Report(IReadOnlyList<ScoredPair>? pairs = null, CatalogFramework framework = CatalogFramework.ItGrundschutz) =>
        AssessmentScorer.Score(new ScoringInput(
            framework,
            framework == CatalogFramework.GrundschutzPlusPlus ? Approach.GsppNormal : Approach.Standard,
            pairs ?? Pairs(),
            Today));

    public static CatalogFacts Catalog() => new(
        new Dictionary<string, RequirementFacts>(StringComparer.Ordinal),
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ISMS"] = "Sicherheitsmanagement",
            ["ISMS.1"] = "Sicherheitsmanagement",
            ["SYS"] = "IT-Systeme",
            ["SYS.2.1"] = "Allgemeiner Client",
        });

    public static AssessmentExport Export(ScoreReport? report = null, ExportHeader? header = null) => new(
        header ?? Header(),
        report ?? Report(),
        Catalog(),
        new Dictionary<(string, Guid), string>
        {
            [("ISMS.1.A1", Verbund)] = "Frau Schmidt (ISB)",
            [("SYS.2.1.A2", Server)] = "@Herr Meier",
        },
        new Dictionary<Guid, int> { [Verbund] = 0, [Server] = 1, [Clients] = 2 });

    private static ScoredPair Pair(string id, string module, RequirementLevel level, Guid target, string targetName, AnswerStatus status) => new()
    {
        RequirementId = id,
        GroupId = module,
        TopGroupId = module[..module.IndexOf('.', StringComparison.Ordinal)],
        Level = level,
        ModalVerb = level == RequirementLevel.Basis ? "MUSS" : "SOLLTE",
        ProcessingOrder = module == "ISMS.1" ? "R1" : "R2",
        Title = $"Titel {id}",
        TargetObjectId = target,
        TargetObjectName = targetName,
        Status = status,
    };
}
