using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Compares two scored assessments, typically a cycle with the one it was reopened from. Pairs are
/// matched by requirement id and target object name (case-insensitive) because reopening gives the
/// target objects new ids; withdrawn pairs take no part. KPIs are compared per scope.
/// </summary>
public sealed class ScoreComparison
{
    private ScoreComparison(IReadOnlyList<PairChange> pairs, IReadOnlyList<RequirementChange> requirements, ScopeDelta overall, IReadOnlyList<ScopeDelta> topGroups, IReadOnlyList<ScopeDelta> groups)
    {
        Pairs = pairs;
        Requirements = requirements;
        Overall = overall;
        TopGroups = topGroups;
        Groups = groups;
    }

    /// <summary>Every pair of either side: current order first, then the dropped ones in previous order.</summary>
    public IReadOnlyList<PairChange> Pairs { get; }

    /// <summary>Per requirement, in the same order as <see cref="Pairs"/>.</summary>
    public IReadOnlyList<RequirementChange> Requirements { get; }

    /// <summary>Overall KPIs, including Reifegrad, gates and action-plan health.</summary>
    public ScopeDelta Overall { get; }

    /// <summary>Per layer/practice present on either side.</summary>
    public IReadOnlyList<ScopeDelta> TopGroups { get; }

    /// <summary>Per module/topic present on either side.</summary>
    public IReadOnlyList<ScopeDelta> Groups { get; }

    /// <summary>Number of pairs with <paramref name="kind"/>.</summary>
    public int Count(PairChangeKind kind) => Pairs.Count(p => p.Kind == kind);

    /// <summary>Compares <paramref name="previous"/> with <paramref name="current"/>.</summary>
    public static ScoreComparison Compare(ScoreReport previous, ScoreReport current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = new Dictionary<(string, string), ScoredPair>(PairKeyComparer.Instance);
        foreach (var pair in previous.Input.Pairs)
        {
            if (!pair.Withdrawn)
            {
                before.TryAdd((pair.RequirementId, pair.TargetObjectName), pair);
            }
        }

        var changes = new List<PairChange>();
        var matched = new HashSet<(string, string)>(PairKeyComparer.Instance);
        foreach (var pair in current.Input.Pairs)
        {
            var key = (pair.RequirementId, pair.TargetObjectName);
            if (pair.Withdrawn || !matched.Add(key))
            {
                continue;
            }

            changes.Add(before.TryGetValue(key, out var old)
                ? new PairChange(pair.RequirementId, pair.GroupId, pair.TargetObjectName, old.Status, pair.Status, Classify(old.Status, pair.Status))
                : new PairChange(pair.RequirementId, pair.GroupId, pair.TargetObjectName, null, pair.Status, PairChangeKind.New));
        }

        foreach (var pair in previous.Input.Pairs)
        {
            var key = (pair.RequirementId, pair.TargetObjectName);
            if (!pair.Withdrawn && matched.Add(key))
            {
                changes.Add(new PairChange(pair.RequirementId, pair.GroupId, pair.TargetObjectName, pair.Status, null, PairChangeKind.Dropped));
            }
        }

        var overall = new ScopeDelta(ScopeKind.Overall, "", [.. ScopeKpis(previous.Overall, current.Overall), .. OverallKpis(previous, current)]);
        return new ScoreComparison(
            changes,
            ByRequirement(changes),
            overall,
            Scopes(ScopeKind.TopGroup, previous.TopGroups, current.TopGroups),
            Scopes(ScopeKind.Group, previous.Groups, current.Groups));
    }

    /// <summary>Classifies a status change (see <see cref="PairChangeKind"/>).</summary>
    public static PairChangeKind Classify(AnswerStatus previous, AnswerStatus current)
    {
        if (previous == current)
        {
            return PairChangeKind.Unchanged;
        }

        if (previous == AnswerStatus.Entbehrlich || current == AnswerStatus.Entbehrlich)
        {
            return PairChangeKind.Reclassified;
        }

        var change = Fulfilment(current) - Fulfilment(previous);
        return change > 0 ? PairChangeKind.Improved
            : change < 0 ? PairChangeKind.Regressed
            : PairChangeKind.Reclassified;
    }

    private static int Fulfilment(AnswerStatus status) => status switch
    {
        AnswerStatus.Ja => 2,
        AnswerStatus.Teilweise => 1,
        _ => 0,
    };

    private static List<RequirementChange> ByRequirement(List<PairChange> changes)
    {
        var order = new List<string>();
        var tallies = new Dictionary<string, (string Group, int[] Counts)>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (!tallies.TryGetValue(change.RequirementId, out var tally))
            {
                tally = (change.GroupId, new int[6]);
                tallies.Add(change.RequirementId, tally);
                order.Add(change.RequirementId);
            }

            tally.Counts[(int)change.Kind]++;
        }

        return order.ConvertAll(id =>
        {
            var (group, c) = tallies[id];
            return new RequirementChange(
                id,
                group,
                Improved: c[(int)PairChangeKind.Improved],
                Regressed: c[(int)PairChangeKind.Regressed],
                Unchanged: c[(int)PairChangeKind.Unchanged],
                Reclassified: c[(int)PairChangeKind.Reclassified],
                New: c[(int)PairChangeKind.New],
                Dropped: c[(int)PairChangeKind.Dropped]);
        });
    }

    private static List<ScopeDelta> Scopes(ScopeKind kind, IReadOnlyList<ScopeScore> previous, IReadOnlyList<ScopeScore> current)
    {
        var before = previous.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var result = new List<ScopeDelta>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in current)
        {
            seen.Add(scope.Id);
            result.Add(new ScopeDelta(kind, scope.Id, ScopeKpis(before.GetValueOrDefault(scope.Id), scope)));
        }

        foreach (var scope in previous)
        {
            if (seen.Add(scope.Id))
            {
                result.Add(new ScopeDelta(kind, scope.Id, ScopeKpis(scope, null)));
            }
        }

        return result;
    }

    private static List<KpiDelta> ScopeKpis(ScopeScore? previous, ScopeScore? current)
    {
        var kpis = new List<KpiDelta>();
        void RatioKpi(string key, string label, Func<ScopeScore, Ratio> pick)
        {
            Ratio? before = previous is null ? null : pick(previous);
            Ratio? now = current is null ? null : pick(current);
            if (before is { IsDefined: true } || now is { IsDefined: true })
            {
                kpis.Add(new KpiDelta(key, label, KpiUnit.Ratio, before?.Value, now?.Value, before, now));
            }
        }

        void CountKpi(string key, string label, Func<ScopeScore, int> pick) =>
            kpis.Add(new KpiDelta(key, label, KpiUnit.Count, previous is null ? null : pick(previous), current is null ? null : pick(current)));

        RatioKpi("E_B", "Umsetzungsgrad Basis (E_B)", s => s.Basis.Strict);
        RatioKpi("E_BS", "Umsetzungsgrad Basis+Standard (E_BS)", s => s.BasisStandard.Strict);
        RatioKpi("E_H", "Umsetzungsgrad übernommene H-Anforderungen (E_H)", s => s.Hoch.Strict);
        RatioKpi("E_all", "Umsetzungsgrad gesamt", s => s.All.Strict);
        RatioKpi("E_normal-SdT", "Umsetzungsgrad normal-SdT", s => s.NormalSdT.Strict);
        RatioKpi("E_erhoeht", "Umsetzungsgrad erhöht", s => s.Erhoeht.Strict);
        RatioKpi("E_MUSS", "Umsetzungsgrad MUSS", s => s.Muss.Strict);
        RatioKpi("E_SOLLTE", "Umsetzungsgrad SOLLTE", s => s.Sollte.Strict);
        RatioKpi("E_KANN", "Umsetzungsgrad KANN", s => s.Kann.Strict);
        RatioKpi("coverage", "Abdeckung (beantwortet)", s => s.Coverage);
        RatioKpi("freshness", "Aktualität der Antworten", s => s.Freshness);
        CountKpi("action_items", "Offene Maßnahmen (teilweise/nein)", s => s.ActionItems);
        CountKpi("overdue", "Überfällige Maßnahmen", s => s.OverdueActionItems);
        CountKpi("entbehrlich_unjustified", "Entbehrlich ohne Begründung", s => s.EntbehrlichWithoutJustification);
        return kpis;
    }

    private static IEnumerable<KpiDelta> OverallKpis(ScoreReport previous, ScoreReport current)
    {
        yield return new KpiDelta("maturity", "ISMS-Reifegrad (Minimum)", KpiUnit.Level, previous.Maturity.Overall, current.Maturity.Overall);
        yield return new KpiDelta("gate_basis", previous.BasisGate.Title, KpiUnit.Flag, Flag(previous.BasisGate.Reached), Flag(current.BasisGate.Reached));
        yield return new KpiDelta("gate_standard", previous.StandardGate.Title, KpiUnit.Flag, Flag(previous.StandardGate.Reached), Flag(current.StandardGate.Reached));
        yield return new KpiDelta("missing_owner", "Maßnahmen ohne Verantwortliche", KpiUnit.Count, previous.ActionPlan.MissingOwner, current.ActionPlan.MissingOwner);
        yield return new KpiDelta("missing_due_date", "Maßnahmen ohne Termin", KpiUnit.Count, previous.ActionPlan.MissingDueDate, current.ActionPlan.MissingDueDate);
        yield return new KpiDelta("unanswered", "Unbeantwortete Anforderungen", KpiUnit.Count, previous.ActionPlan.Unanswered.Count, current.ActionPlan.Unanswered.Count);
    }

    private static decimal Flag(bool value) => value ? 1m : 0m;

    /// <summary>Requirement id ordinal, target name case-insensitive.</summary>
    private sealed class PairKeyComparer : IEqualityComparer<(string RequirementId, string TargetName)>
    {
        public static PairKeyComparer Instance { get; } = new();

        public bool Equals((string RequirementId, string TargetName) x, (string RequirementId, string TargetName) y) =>
            string.Equals(x.RequirementId, y.RequirementId, StringComparison.Ordinal)
            && string.Equals(x.TargetName, y.TargetName, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string RequirementId, string TargetName) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.RequirementId), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.TargetName));
    }
}
