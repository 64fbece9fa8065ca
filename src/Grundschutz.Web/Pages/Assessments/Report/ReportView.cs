using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Scoring;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Charts;
using Grundschutz.Infrastructure.Scoring;

namespace Grundschutz.Web.Pages.Assessments.Report;

/// <summary>
/// The report on one assessment, ready to display: every number formatted in German, lists cut to
/// <see cref="ListLimit"/> entries (the counts always cover everything). Built once from an
/// <see cref="AssessmentScore"/> and used by both the page and the downloaded HTML report, so both say the same.
/// The texts of the scoring (gate summaries and block reasons, maturity levels and criteria, „3 von 4“, „nicht
/// anwendbar“) go through the text function given to <see cref="From"/>: the page passes the reader's language
/// (<see cref="Infrastructure.DomainText"/>), the download <see cref="German"/> – the downloaded report stays German.
/// </summary>
public sealed class ReportView
{
    private ReportView(AssessmentScore score, int listLimit, IReadOnlyList<ChartData> charts, Func<ITranslatableMessage, string> text)
    {
        var report = score.Report;
        Assessment = score.Assessment;
        IsGrundschutzPlusPlus = score.Assessment.IsGrundschutzPlusPlus;
        ListLimit = listLimit;
        Charts = charts;
        Kpis = BuildKpis(report, IsGrundschutzPlusPlus, text);
        Overview = BuildOverview(report, text);
        Gates = [Gate("basis", report.BasisGate, report, listLimit, text), Gate("standard", report.StandardGate, report, listLimit, text)];
        Maturity = BuildMaturity(report.Maturity, score.Catalog, text);
        Layers = report.TopGroups.Select(s => Row(s, score.Catalog, text)).ToList();
        Modules = report.Groups.Select(s => Row(s, score.Catalog, text)).ToList();
        ActionPlan = BuildActionPlan(report, listLimit);
        Comparison = score.Comparison is { } comparison && score.Previous is { } previous
            ? BuildComparison(comparison, previous, listLimit, text)
            : null;
    }

    public ScoredAssessmentInfo Assessment { get; }

    public bool IsGrundschutzPlusPlus { get; }

    /// <summary>Most entries listed per list.</summary>
    public int ListLimit { get; }

    /// <summary>„Umsetzungsgrad“ KPIs: strict, with the lenient view where it differs.</summary>
    public IReadOnlyList<KpiView> Kpis { get; }

    /// <summary>Counts: pairs, coverage, freshness, open items.</summary>
    public OverviewView Overview { get; }

    /// <summary>Basis and Standard gate (Grundschutz++: MUSS and normal-SdT).</summary>
    public IReadOnlyList<GateView> Gates { get; }

    public MaturityView Maturity { get; }

    /// <summary>Per layer/practice.</summary>
    public IReadOnlyList<ScopeRow> Layers { get; }

    /// <summary>Per module/topic.</summary>
    public IReadOnlyList<ScopeRow> Modules { get; }

    public ActionPlanView ActionPlan { get; }

    /// <summary>Comparison with the previous assessment, or null when there is none.</summary>
    public ComparisonView? Comparison { get; }

    /// <summary>The charts (alt text and table included).</summary>
    public IReadOnlyList<ChartData> Charts { get; }

    /// <summary>„Schicht“ or „Praktik“.</summary>
    public string LayerWord => IsGrundschutzPlusPlus ? "Praktik" : "Schicht";

    /// <summary>„Baustein“ or „Thema“.</summary>
    public string ModuleWord => IsGrundschutzPlusPlus ? "Thema" : "Baustein";

    public string FirstSliceName => IsGrundschutzPlusPlus ? "MUSS" : "E_B";

    public string SecondSliceName => IsGrundschutzPlusPlus ? "normal-SdT" : "E_BS";

    public ChartData? Chart(string name) => Charts.FirstOrDefault(c => c.Name == name);

    /// <summary>The German text of a message: what the downloaded report shows.</summary>
    public static string German(ITranslatableMessage message) => MessageText.InGerman(message);

    /// <param name="score">The scored assessment.</param>
    /// <param name="charts">The charts.</param>
    /// <param name="listLimit">Most entries listed per list.</param>
    /// <param name="chartModules">Most modules in the module chart.</param>
    /// <param name="text">The text of a scoring message: <see cref="German"/> for the download, the reader's language for the page.</param>
    public static ReportView From(AssessmentScore score, ReportCharts charts, int listLimit, int chartModules, Func<ITranslatableMessage, string> text)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(text);
        return new ReportView(score, Math.Max(listLimit, 1), charts.All(score.Report, score.Catalog, chartModules, text), text);
    }

    private static List<KpiView> BuildKpis(ScoreReport report, bool gspp, Func<ITranslatableMessage, string> text)
    {
        var overall = report.Overall;
        var kpis = new List<KpiView>();
        void Add(string id, string label, SliceScore slice, string? note = null) =>
            kpis.Add(new KpiView(id, label, text(ReportFormat.PercentMessage(slice.Strict)), slice.Strict.IsDefined ? text(ReportFormat.FractionMessage(slice.Strict)) : "",
                slice.Teilweise > 0 && slice.Strict.IsDefined ? text(ReportFormat.PercentMessage(slice.Lenient)) : null,
                slice.Teilweise > 0 && slice.Strict.IsDefined ? text(ReportFormat.FractionMessage(slice.Lenient)) : null,
                note));

        if (gspp)
        {
            Add("muss", "Umsetzungsgrad MUSS", overall.Muss, "mit allen Voraussetzungen umgesetzt");
            Add("sollte", "Umsetzungsgrad SOLLTE", overall.Sollte);
            Add("kann", "Umsetzungsgrad KANN", overall.Kann);
            Add("normal-sdt", "Umsetzungsgrad Sicherheitsniveau normal-SdT", overall.NormalSdT);
            Add("erhoeht", "Umsetzungsgrad Sicherheitsniveau erhöht", overall.Erhoeht);
            Add("e-all", "Umsetzungsgrad gesamt", overall.All);
        }
        else
        {
            Add("eb", "Umsetzungsgrad Basis (E_B)", overall.Basis, "muss für die Basis-Absicherung 100 % sein");
            Add("ebs", "Umsetzungsgrad Basis + Standard (E_BS)", overall.BasisStandard);
            Add("eh", "Umsetzungsgrad übernommene H-Anforderungen (E_H)", overall.Hoch);
            Add("e-all", "Umsetzungsgrad gesamt", overall.All);
        }

        return kpis;
    }

    private static OverviewView BuildOverview(ScoreReport report, Func<ITranslatableMessage, string> text)
    {
        var overall = report.Overall;
        return new OverviewView(
            ReportFormat.Count(overall.Pairs),
            text(ReportFormat.PercentMessage(overall.Coverage)),
            text(ReportFormat.FractionMessage(overall.Coverage)),
            text(ReportFormat.PercentMessage(overall.Freshness)),
            text(ReportFormat.FractionMessage(overall.Freshness)),
            report.Input.Options.FreshnessMonths,
            ReportFormat.Count(report.ActionPlan.Unanswered.Count),
            ReportFormat.Count(overall.EntbehrlichWithoutJustification),
            ReportFormat.Count(overall.All.JaBlockedByDependency),
            ReportFormat.Date(report.Today));
    }

    private static GateView Gate(string id, GateResult gate, ScoreReport report, int limit, Func<ITranslatableMessage, string> text)
    {
        var evaluated = !(gate.Kind == GateKind.Standard && !report.Input.IsGrundschutzPlusPlus && report.Approach == Approach.Basis);
        var blockers = gate.Blockers.Take(limit)
            .Select(b => new BlockerView(b.Pair.RequirementId, b.Pair.TargetObjectName, b.Pair.Title, text(b.ReasonsMessage)))
            .ToList();
        var accepted = gate.AcceptedDeviations.Take(limit).Select(p => p.Label).ToList();
        return new GateView(
            id,
            gate.Title,
            gate.Reached,
            evaluated,
            text(gate.SummaryMessage),
            gate.ReasonMessage is { } reason ? text(reason) : null,
            text(ReportFormat.PercentWithFractionMessage(gate.Compliance)),
            blockers,
            gate.Blockers.Count,
            accepted,
            gate.AcceptedDeviations.Count);
    }

    private static MaturityView BuildMaturity(MaturityProfile profile, CatalogFacts facts, Func<ITranslatableMessage, string> text) => new(
        profile.Overall is { } overall ? overall.ToString(ReportFormat.German) : text(MessageText.Of("nicht bewertet")),
        profile.Overall is { } o ? LevelName(o) : null,
        profile.Median is { } median ? ReportFormat.Number(median) : "–",
        profile.Limiting,
        profile.Practices.Select(p => new PracticeView(
            p.PracticeId,
            facts.GroupTitle(p.PracticeId) ?? "",
            p.Level,
            text(p.LevelTextMessage),
            p.NotAssessedReasonMessage is { } reason ? text(reason) : null,
            p.Criteria.Select(c => new CriterionView(c.Level, c.Met, text(c.TextMessage))).ToList())).ToList());

    private static string LevelName(int level) => level switch
    {
        0 => "kein ISMS, nichts geplant",
        1 => "geplant, aber nicht etabliert",
        2 => "zum Teil etabliert",
        3 => "voll etabliert und dokumentiert",
        4 => "zusätzlich regelmäßig auf Effektivität überprüft",
        5 => "zusätzlich regelmäßig verbessert",
        _ => "",
    };

    private static ScopeRow Row(ScopeScore scope, CatalogFacts facts, Func<ITranslatableMessage, string> text) => new(
        scope.Id,
        facts.GroupTitle(scope.Id) ?? "",
        ReportFormat.Count(scope.Pairs),
        Cell(scope.Basis.Strict, text),
        Cell(scope.BasisStandard.Strict, text),
        Cell(scope.Hoch.Strict, text),
        Cell(scope.Muss.Strict, text),
        Cell(scope.NormalSdT.Strict, text),
        Cell(scope.Erhoeht.Strict, text),
        Cell(scope.All.Strict, text),
        Cell(scope.Coverage, text),
        Cell(scope.Freshness, text),
        ReportFormat.Count(scope.ActionItems),
        ReportFormat.Count(scope.OverdueActionItems));

    private static string Cell(Ratio ratio, Func<ITranslatableMessage, string> text) => text(ReportFormat.PercentWithFractionMessage(ratio));

    private static ActionPlanView BuildActionPlan(ScoreReport report, int limit)
    {
        var plan = report.ActionPlan;
        var framework = report.Framework;
        var items = plan.Items.Take(limit).Select(i => new ActionItemView(
            i.Rank,
            i.RequirementId,
            i.Title ?? "",
            i.GroupId,
            i.TargetObjectName,
            AssessmentTexts.StatusName(i.Status, framework),
            i.Pair.Level?.ToString() is { } level ? LevelLetter(i.Pair.Level.Value) : i.Pair.SecLevel ?? "",
            i.Pair.ModalVerb ?? "",
            i.Measure ?? "",
            i.Owner ?? "",
            i.DueDate is { } due ? ReportFormat.Date(due) : "",
            i.DueDate is { } d ? ReportFormat.IsoDate(d) : null,
            i.CostEstimate is { } cost ? ReportFormat.Money(cost) : "",
            i.IsOverdue,
            i.MissingOwner,
            i.MissingDueDate)).ToList();
        var unanswered = plan.Unanswered.Take(limit).Select(p => p.Label).ToList();
        return new ActionPlanView(
            items,
            plan.Items.Count,
            plan.Overdue,
            plan.MissingOwner,
            plan.MissingDueDate,
            ReportFormat.Money(plan.KnownCost),
            plan.MissingCost,
            unanswered,
            plan.Unanswered.Count);
    }

    private static string LevelLetter(Domain.Catalog.RequirementLevel level) => level switch
    {
        Domain.Catalog.RequirementLevel.Basis => "B",
        Domain.Catalog.RequirementLevel.Standard => "S",
        Domain.Catalog.RequirementLevel.Hoch => "H",
        _ => level.ToString(),
    };

    private static ComparisonView BuildComparison(ScoreComparison comparison, ScoredAssessmentInfo previous, int limit, Func<ITranslatableMessage, string> text)
    {
        var kpis = comparison.Overall.Kpis
            .Select(k => new DeltaView(k.Key, k.Label, text(ReportFormat.KpiValueMessage(k, current: false)), text(ReportFormat.KpiValueMessage(k, current: true)), text(ReportFormat.DeltaMessage(k))))
            .ToList();
        List<ChangeView> Changes(PairChangeKind kind) => comparison.Requirements
            .Where(r => r.Kind == kind)
            .Select(r => new ChangeView(r.RequirementId, r.GroupId, r.Improved, r.Regressed, r.Improved + r.Regressed + r.Unchanged + r.Reclassified + r.New + r.Dropped))
            .ToList();
        var improved = Changes(PairChangeKind.Improved);
        var regressed = Changes(PairChangeKind.Regressed);
        return new ComparisonView(
            previous.Id,
            previous.Title,
            ReportFormat.Date(previous.ScoredOn),
            kpis,
            improved.Take(limit).ToList(),
            improved.Count,
            regressed.Take(limit).ToList(),
            regressed.Count,
            comparison.Count(PairChangeKind.Improved),
            comparison.Count(PairChangeKind.Regressed),
            comparison.Count(PairChangeKind.Unchanged),
            comparison.Count(PairChangeKind.New),
            comparison.Count(PairChangeKind.Dropped));
    }

    /// <param name="Id">Stable id part, e.g. <c>eb</c> → <c>#kpi-eb</c>.</param>
    /// <param name="Value">Strict value, e.g. „75 %“.</param>
    /// <param name="Fraction">„3 von 4“ (empty when not applicable).</param>
    /// <param name="Lenient">Lenient value (teilweise = 0,5), only when it differs.</param>
    /// <param name="LenientFraction">Its fraction.</param>
    /// <param name="Note">Short explanation.</param>
    public sealed record KpiView(string Id, string Label, string Value, string Fraction, string? Lenient, string? LenientFraction, string? Note);

    public sealed record OverviewView(string Pairs, string Coverage, string CoverageFraction, string Freshness, string FreshnessFraction, int FreshnessMonths, string Unanswered, string EntbehrlichWithoutJustification, string JaBlocked, string Date);

    /// <param name="Evaluated">False for the Standard gate under Basis-Absicherung (not assessed).</param>
    public sealed record GateView(string Id, string Title, bool Reached, bool Evaluated, string Summary, string? Reason, string Compliance, IReadOnlyList<BlockerView> Blockers, int BlockerCount, IReadOnlyList<string> AcceptedDeviations, int AcceptedCount);

    /// <param name="Reasons">The reasons, e.g. „nicht umgesetzt; älter als 12 Monate“ (in the language of the text function).</param>
    public sealed record BlockerView(string RequirementId, string TargetObjectName, string? Title, string Reasons);

    public sealed record MaturityView(string Overall, string? OverallName, string Median, IReadOnlyList<string> Limiting, IReadOnlyList<PracticeView> Practices);

    public sealed record PracticeView(string Id, string Title, int? Level, string LevelText, string? NotAssessedReason, IReadOnlyList<CriterionView> Criteria);

    public sealed record CriterionView(int Level, bool Met, string Text);

    public sealed record ScopeRow(string Id, string Title, string Pairs, string Basis, string BasisStandard, string Hoch, string Muss, string NormalSdT, string Erhoeht, string All, string Coverage, string Freshness, string ActionItems, string Overdue);

    public sealed record ActionPlanView(IReadOnlyList<ActionItemView> Items, int Total, int Overdue, int MissingOwner, int MissingDueDate, string KnownCost, int MissingCost, IReadOnlyList<string> Unanswered, int UnansweredTotal);

    public sealed record ActionItemView(int Rank, string RequirementId, string Title, string GroupId, string TargetObjectName, string Status, string Level, string ModalVerb, string Measure, string Owner, string DueDate, string? DueDateIso, string Cost, bool IsOverdue, bool MissingOwner, bool MissingDueDate);

    public sealed record ComparisonView(Guid PreviousId, string PreviousTitle, string PreviousDate, IReadOnlyList<DeltaView> Kpis, IReadOnlyList<ChangeView> Improved, int ImprovedTotal, IReadOnlyList<ChangeView> Regressed, int RegressedTotal, int PairsImproved, int PairsRegressed, int PairsUnchanged, int PairsNew, int PairsDropped);

    public sealed record DeltaView(string Key, string Label, string Before, string After, string Delta);

    /// <param name="Pairs">Pairs of the requirement on either side.</param>
    public sealed record ChangeView(string RequirementId, string GroupId, int Improved, int Regressed, int Pairs);
}
