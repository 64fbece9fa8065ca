using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Domain.Tests.Scoring;

/// <summary>
/// Builds <see cref="ScoredPair"/>s and inputs for the scoring tables. Defaults: answered pairs were
/// assessed on <see cref="Fresh"/>; teilweise/nein have an owner and a due date after today;
/// entbehrlich has a reason and a justification. Vary with <c>with { … }</c>.
/// </summary>
internal static class Pairs
{
    public const string ServerName = "Server Rathaus";
    public const string ClientsName = "Clients Bürgeramt";
    public const string VerbundName = "Informationsverbund";

    /// <summary>Reference date of every test.</summary>
    public static readonly DateOnly Today = new(2026, 3, 2);

    /// <summary>Within 12 months of <see cref="Today"/>.</summary>
    public static readonly DateOnly Fresh = new(2026, 1, 15);

    /// <summary>More than 12 months before <see cref="Today"/>.</summary>
    public static readonly DateOnly Stale = new(2025, 1, 15);

    /// <summary>Default due date (not overdue).</summary>
    public static readonly DateOnly Due = new(2026, 6, 30);

    public static readonly Guid Server = new("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Clients = new("00000000-0000-0000-0000-000000000002");
    public static readonly Guid Verbund = new("00000000-0000-0000-0000-000000000003");

    public const RequirementLevel B = RequirementLevel.Basis;
    public const RequirementLevel S = RequirementLevel.Standard;
    public const RequirementLevel H = RequirementLevel.Hoch;

    public const AnswerStatus Ja = AnswerStatus.Ja;
    public const AnswerStatus Teilweise = AnswerStatus.Teilweise;
    public const AnswerStatus Nein = AnswerStatus.Nein;
    public const AnswerStatus Entbehrlich = AnswerStatus.Entbehrlich;
    public const AnswerStatus Open = AnswerStatus.Open;

    /// <summary>A Kompendium pair; module = id without ".A&lt;n&gt;", layer = text before the first dot; MUSS for B, SOLLTE otherwise.</summary>
    public static ScoredPair Komp(string id, RequirementLevel level, AnswerStatus status, Guid? target = null)
    {
        var group = id[..id.LastIndexOf(".A", StringComparison.Ordinal)];
        return Answer(new ScoredPair
        {
            RequirementId = id,
            GroupId = group,
            TopGroupId = group[..group.IndexOf('.', StringComparison.Ordinal)],
            Level = level,
            ModalVerb = level == RequirementLevel.Basis ? "MUSS" : "SOLLTE",
            TargetObjectId = target ?? Server,
            TargetObjectName = NameOf(target ?? Server),
        }, status);
    }

    /// <summary>A Grundschutz++ pair on the Informationsverbund; topic = first two id segments, practice = first.</summary>
    public static ScoredPair Gspp(string id, AnswerStatus status, string modalVerb = "SOLLTE", string? secLevel = ApproachRules.SecLevelNormal)
    {
        var parts = id.Split('.');
        return Answer(new ScoredPair
        {
            RequirementId = id,
            GroupId = $"{parts[0]}.{parts[1]}",
            TopGroupId = parts[0],
            SecLevel = secLevel,
            ModalVerb = modalVerb,
            TargetObjectId = Verbund,
            TargetObjectName = VerbundName,
        }, status);
    }

    /// <summary>Adds <c>rel=required</c> dependencies.</summary>
    public static ScoredPair Requires(this ScoredPair pair, params string[] ids) => pair with { RequiredDependencies = ids };

    public static ScoredPair On(this ScoredPair pair, Guid target) => pair with { TargetObjectId = target, TargetObjectName = NameOf(target) };

    public static ScoringInput Kompendium(params ScoredPair[] pairs) => Kompendium(Approach.Standard, null, pairs);

    public static ScoringInput Kompendium(Approach approach, ScoringOptions? options, params ScoredPair[] pairs) =>
        new(CatalogFramework.ItGrundschutz, approach, pairs, Today, options);

    public static ScoringInput GrundschutzPlusPlus(params ScoredPair[] pairs) =>
        new(CatalogFramework.GrundschutzPlusPlus, Approach.GsppErhoeht, pairs, Today);

    public static ScoreReport Score(params ScoredPair[] pairs) => AssessmentScorer.Score(Kompendium(pairs));

    public static ScoreReport ScoreGspp(params ScoredPair[] pairs) => AssessmentScorer.Score(GrundschutzPlusPlus(pairs));

    /// <summary>(numerator, denominator) of a ratio, for one-line assertions.</summary>
    public static (decimal Numerator, int Denominator) Nd(this Ratio ratio) => (ratio.Numerator, ratio.Denominator);

    /// <summary>One letter per status: J ja, T teilweise, N nein, E entbehrlich, O open.</summary>
    public static AnswerStatus Letter(char letter) => letter switch
    {
        'J' => Ja,
        'T' => Teilweise,
        'N' => Nein,
        'E' => Entbehrlich,
        'O' => Open,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "J, T, N, E or O"),
    };

    private static ScoredPair Answer(ScoredPair pair, AnswerStatus status) => status switch
    {
        AnswerStatus.Open => pair,
        AnswerStatus.Entbehrlich => pair with
        {
            Status = status,
            EntbehrlichReason = EntbehrlichReason.NotRelevant,
            Justification = "Dienst ist nicht aktiviert.",
            AssessedOn = Fresh,
        },
        AnswerStatus.Teilweise or AnswerStatus.Nein => pair with
        {
            Status = status,
            Owner = "IT-Leitung",
            DueDate = Due,
            ImplementationDescription = "Härtung nach Richtlinie nachholen.",
            AssessedOn = Fresh,
        },
        _ => pair with { Status = status, ImplementationDescription = "Umgesetzt laut Richtlinie.", AssessedOn = Fresh },
    };

    private static string NameOf(Guid target) =>
        target == Server ? ServerName : target == Clients ? ClientsName : target == Verbund ? VerbundName : target.ToString();
}
