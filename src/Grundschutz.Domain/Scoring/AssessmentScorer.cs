using System.Numerics;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Computes every number of an assessment from a <see cref="ScoringInput"/> in one pass over the
/// pairs (plus a sort of the action plan): Umsetzungsgrad per slice and scope, coverage, freshness,
/// the Basis and Standard gates with their blockers, the Reifegrad profile and the Realisierungsplan.
/// Pure and deterministic; the rules are explained in docs/scoring.md.
/// </summary>
public static class AssessmentScorer
{
    private const int SliceCount = 9;
    private const int BucketCount = 6;
    private const int BucketJa = 0;
    private const int BucketJaBlocked = 1;
    private const int BucketTeilweise = 2;
    private const int BucketNein = 3;
    private const int BucketOpen = 4;
    private const int BucketEntbehrlich = 5;
    private const int StatBase = SliceCount * BucketCount;
    private const int StatPairs = StatBase;
    private const int StatWithdrawn = StatBase + 1;
    private const int StatAnswered = StatBase + 2;
    private const int StatFresh = StatBase + 3;
    private const int StatEntbehrlichUnjustified = StatBase + 4;
    private const int StatActionItems = StatBase + 5;
    private const int StatOverdue = StatBase + 6;
    private const int StatPlanned = StatBase + 7;
    private const int Stride = StatBase + 8;

    /// <summary>The management practices assessed for the Reifegrad, per framework.</summary>
    public static IReadOnlyList<string> MaturityPractices(CatalogFramework framework) => framework switch
    {
        CatalogFramework.ItGrundschutz => ["ISMS", "ORP", "CON", "OPS", "DER"],
        CatalogFramework.GrundschutzPlusPlus => ["GC", "STM", "UMS", "VRB", "PERF", "RISK"],
        _ => [],
    };

    /// <summary>Scores the input.</summary>
    /// <param name="input">Pairs, framework, approach, date and options.</param>
    public static ScoreReport Score(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pairs = input.Pairs;
        var count = pairs.Count;
        var gspp = input.IsGrundschutzPlusPlus;
        var today = input.Today;
        var months = input.Options.FreshnessMonths;
        var cutoff = today.AddMonths(-months);

        var scopes = new ScopeIndex(count);
        var fulfilled = new bool[count];
        scopes.IndexTargets(pairs);
        var blocking = DependencyEvaluator.Evaluate(pairs, scopes.PairTarget, scopes.TargetCount, fulfilled);

        var standardGateEvaluated = gspp || input.Approach != Approach.Basis;
        var basisGate = new GateAccumulator();
        var standardGate = new GateAccumulator();
        var planCandidates = new List<int>();
        var unanswered = new List<int>();
        string? lastModal = null;
        var lastModalRank = 3;

        for (var i = 0; i < count; i++)
        {
            var pair = pairs[i];
            var (o1, o2) = scopes.Offsets(pair);
            var counts = scopes.Counts;
            const int o0 = 0;
            if (pair.Withdrawn)
            {
                counts[o0 + StatWithdrawn]++;
                counts[o1 + StatWithdrawn]++;
                counts[o2 + StatWithdrawn]++;
                continue;
            }

            var status = pair.Status;
            var isFulfilled = fulfilled[i];
            var bucket = status switch
            {
                AnswerStatus.Ja => isFulfilled ? BucketJa : BucketJaBlocked,
                AnswerStatus.Teilweise => BucketTeilweise,
                AnswerStatus.Nein => BucketNein,
                AnswerStatus.Entbehrlich => BucketEntbehrlich,
                _ => BucketOpen,
            };
            var answered = bucket != BucketOpen;
            var fresh = answered && pair.AssessedOn is { } assessedOn && assessedOn >= cutoff;
            if (!ReferenceEquals(pair.ModalVerb, lastModal))
            {
                lastModal = pair.ModalVerb;
                lastModalRank = ModalRank(lastModal);
            }

            var modal = lastModalRank;
            var erhoeht = gspp && ApproachRules.IsErhoeht(pair.SecLevel);
            var mask = SliceMask(pair, gspp, erhoeht, modal);
            while (mask != 0)
            {
                var slice = BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                var cell = (slice * BucketCount) + bucket;
                counts[o0 + cell]++;
                counts[o1 + cell]++;
                counts[o2 + cell]++;
            }

            Add(counts, o0, o1, o2, StatPairs);
            var hasJustification = pair.HasJustification;
            if (answered)
            {
                Add(counts, o0, o1, o2, StatAnswered);
                if (fresh)
                {
                    Add(counts, o0, o1, o2, StatFresh);
                }
            }
            else
            {
                unanswered.Add(i);
            }

            if (bucket == BucketEntbehrlich && !hasJustification)
            {
                Add(counts, o0, o1, o2, StatEntbehrlichUnjustified);
            }

            if (bucket is BucketTeilweise or BucketNein)
            {
                planCandidates.Add(i);
                Add(counts, o0, o1, o2, StatActionItems);
                if (pair.DueDate is { } due && due < today)
                {
                    Add(counts, o0, o1, o2, StatOverdue);
                }
            }

            if (bucket is BucketTeilweise or BucketNein or BucketOpen && pair.DueDate is not null && pair.HasOwner)
            {
                Add(counts, o0, o1, o2, StatPlanned);
            }

            var inBasisGate = gspp ? modal == 0 : pair.Level == RequirementLevel.Basis;
            var inStandardGate = standardGateEvaluated
                && (gspp ? !erhoeht : pair.Level is RequirementLevel.Basis or RequirementLevel.Standard);
            if (!inBasisGate && !inStandardGate)
            {
                continue;
            }

            var common = GateBlockReason.None;
            var gap = GateBlockReason.None;
            switch (bucket)
            {
                case BucketOpen:
                    common |= GateBlockReason.NotAnswered;
                    break;
                case BucketEntbehrlich when !hasJustification:
                    common |= GateBlockReason.EntbehrlichWithoutJustification;
                    break;
                case BucketJaBlocked:
                    gap = GateBlockReason.DependencyNotFulfilled;
                    break;
                case BucketTeilweise:
                    gap = GateBlockReason.PartiallyFulfilled;
                    break;
                case BucketNein:
                    gap = GateBlockReason.NotFulfilled;
                    break;
            }

            if (answered)
            {
                if (pair.AssessedOn is null)
                {
                    common |= GateBlockReason.MissingAssessedOn;
                }
                else if (!fresh)
                {
                    common |= GateBlockReason.Stale;
                }
            }

            if (inBasisGate)
            {
                basisGate.Add(i, bucket, common | gap);
            }

            if (inStandardGate)
            {
                var justifiable = modal != 0 && (gspp || pair.Level != RequirementLevel.Basis);
                var reasons = common;
                if (gap != GateBlockReason.None)
                {
                    if (justifiable && hasJustification)
                    {
                        standardGate.Accept(i);
                    }
                    else
                    {
                        reasons |= gap | (justifiable
                            ? GateBlockReason.DeviationWithoutJustification
                            : hasJustification ? GateBlockReason.NotJustifiable : GateBlockReason.None);
                    }
                }

                standardGate.Add(i, bucket, reasons);
            }
        }

        var weight = input.Options.LenientPartialWeight;
        var overall = MakeScope(scopes.Counts, 0, ScopeKind.Overall, "", null, weight);
        var topGroups = new ScopeScore[scopes.TopIds.Count];
        for (var t = 0; t < topGroups.Length; t++)
        {
            topGroups[t] = MakeScope(scopes.Counts, scopes.TopOffset(t), ScopeKind.TopGroup, scopes.TopIds[t], null, weight);
        }

        var groups = new ScopeScore[scopes.GroupIds.Count];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = MakeScope(scopes.Counts, scopes.GroupOffset(g), ScopeKind.Group, scopes.GroupIds[g], scopes.GroupTop[g], weight);
        }

        var basis = basisGate.Result(GateKind.Basis, input, blocking, evaluated: true);
        var standard = standardGate.Result(GateKind.Standard, input, blocking, standardGateEvaluated);
        var maturity = MaturityRules.Assess(input, topGroups);
        var plan = new ActionPlan(
            RankPlan(pairs, planCandidates, scopes.PairTarget, gspp, today),
            new IndexedList<int, ScoredPair>(unanswered, (index, _) => pairs[index]));
        var verdicts = new PairVerdictList(pairs, fulfilled, blocking, cutoff);
        return new ScoreReport(input, verdicts, overall, topGroups, groups, basis, standard, maturity, plan);
    }

    /// <summary>0 = MUSS, 1 = SOLLTE, 2 = KANN, 3 = unknown.</summary>
    internal static int ModalRank(string? modalVerb)
    {
        switch (modalVerb)
        {
            case null:
                return 3;
            case "MUSS":
                return 0;
            case "SOLLTE":
                return 1;
            case "KANN":
                return 2;
        }

        var verb = modalVerb.AsSpan().Trim();
        return verb.Equals("MUSS", StringComparison.OrdinalIgnoreCase) ? 0
            : verb.Equals("SOLLTE", StringComparison.OrdinalIgnoreCase) ? 1
            : verb.Equals("KANN", StringComparison.OrdinalIgnoreCase) ? 2
            : 3;
    }

    private static int SliceMask(ScoredPair pair, bool gspp, bool erhoeht, int modal)
    {
        var mask = 1 << (int)ScoreSlice.All;
        if (gspp)
        {
            mask |= 1 << (int)(erhoeht ? ScoreSlice.Erhoeht : ScoreSlice.NormalSdT);
        }
        else
        {
            mask |= pair.Level switch
            {
                RequirementLevel.Basis => (1 << (int)ScoreSlice.Basis) | (1 << (int)ScoreSlice.BasisStandard),
                RequirementLevel.Standard => 1 << (int)ScoreSlice.BasisStandard,
                RequirementLevel.Hoch => 1 << (int)ScoreSlice.Hoch,
                _ => 0,
            };
        }

        if (modal < 3)
        {
            mask |= 1 << ((int)ScoreSlice.Muss + modal);
        }

        return mask;
    }

    private static void Add(int[] counts, int o0, int o1, int o2, int stat)
    {
        counts[o0 + stat]++;
        counts[o1 + stat]++;
        counts[o2 + stat]++;
    }

    private static ScopeScore MakeScope(int[] counts, int offset, ScopeKind kind, string id, string? topGroupId, decimal weight)
    {
        var slices = new SliceScore[SliceCount];
        for (var s = 0; s < SliceCount; s++)
        {
            var b = offset + (s * BucketCount);
            slices[s] = new SliceScore(
                (ScoreSlice)s,
                counts[b + BucketJa],
                counts[b + BucketJaBlocked],
                counts[b + BucketTeilweise],
                counts[b + BucketNein],
                counts[b + BucketOpen],
                counts[b + BucketEntbehrlich],
                weight);
        }

        return new ScopeScore(
            kind,
            id,
            topGroupId,
            slices,
            counts[offset + StatPairs],
            counts[offset + StatWithdrawn],
            counts[offset + StatAnswered],
            counts[offset + StatFresh],
            counts[offset + StatEntbehrlichUnjustified],
            counts[offset + StatActionItems],
            counts[offset + StatOverdue],
            counts[offset + StatPlanned]);
    }

    /// <summary>
    /// Ranks the plan items: level (B, S, H; Grundschutz++ normal-SdT before erhöht), modal verb (MUSS,
    /// SOLLTE, KANN, unknown), effort level ascending (unknown last), processing order R1–R3 (unknown
    /// last), requirement id (natural order), target object (input order). One sort over packed 64-bit keys.
    /// </summary>
    private static IReadOnlyList<ActionPlanItem> RankPlan(IReadOnlyList<ScoredPair> pairs, List<int> candidates, int[] pairTarget, bool gspp, DateOnly today)
    {
        var n = candidates.Count;
        if (n == 0)
        {
            return [];
        }

        // Candidates come in questionnaire order, so the same requirement id (usually the same
        // string instance) repeats for consecutive target objects: look it up once per run.
        var requirementRank = new Dictionary<string, int>(StringComparer.Ordinal);
        var slot = new int[n];
        string? lastId = null;
        var lastSlot = -1;
        var slotIds = new List<string>();
        for (var k = 0; k < n; k++)
        {
            var id = pairs[candidates[k]].RequirementId;
            if (!ReferenceEquals(id, lastId))
            {
                if (!requirementRank.TryGetValue(id, out lastSlot))
                {
                    lastSlot = slotIds.Count;
                    requirementRank.Add(id, lastSlot);
                    slotIds.Add(id);
                }

                lastId = id;
            }

            slot[k] = lastSlot;
        }

        var ids = slotIds.ToArray();
        var slotOrder = new int[ids.Length];
        for (var r = 0; r < slotOrder.Length; r++)
        {
            slotOrder[r] = r;
        }

        Array.Sort(ids, slotOrder, NaturalIdComparer.Instance);
        var rankOfSlot = new int[ids.Length];
        for (var r = 0; r < slotOrder.Length; r++)
        {
            rankOfSlot[slotOrder[r]] = r;
        }

        var maxTarget = 0;
        foreach (var i in candidates)
        {
            maxTarget = Math.Max(maxTarget, pairTarget[i]);
        }

        var requirementBits = BitsFor(ids.Length);
        var targetBits = BitsFor(maxTarget + 1);
        var indexBits = BitsFor(n);
        var primaries = new int[n];
        var requirements = new int[n];
        for (var k = 0; k < n; k++)
        {
            var pair = pairs[candidates[k]];
            primaries[k] = PrimaryKey(pair, gspp);
            requirements[k] = rankOfSlot[slot[k]];
        }

        var order = new int[n];
        if (9 + requirementBits + targetBits + indexBits <= 63)
        {
            var keys = new long[n];
            for (var k = 0; k < n; k++)
            {
                keys[k] = ((long)primaries[k] << (requirementBits + targetBits + indexBits))
                    | ((long)requirements[k] << (targetBits + indexBits))
                    | ((long)pairTarget[candidates[k]] << indexBits)
                    | (long)k;
                order[k] = k;
            }

            Array.Sort(keys, order);
        }
        else
        {
            for (var k = 0; k < n; k++)
            {
                order[k] = k;
            }

            Array.Sort(order, (a, b) =>
            {
                var c = primaries[a].CompareTo(primaries[b]);
                c = c != 0 ? c : requirements[a].CompareTo(requirements[b]);
                c = c != 0 ? c : pairTarget[candidates[a]].CompareTo(pairTarget[candidates[b]]);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        var ranked = new int[n];
        for (var rank = 0; rank < n; rank++)
        {
            ranked[rank] = candidates[order[rank]];
        }

        return new IndexedList<int, ActionPlanItem>(ranked, (index, rank) =>
        {
            var pair = pairs[index];
            return new ActionPlanItem(rank + 1, pair, pair.DueDate is { } due && due < today);
        });
    }

    private static int PrimaryKey(ScoredPair pair, bool gspp)
    {
        var level = gspp
            ? ApproachRules.IsErhoeht(pair.SecLevel) ? 1 : 0
            : pair.Level switch
            {
                RequirementLevel.Basis => 0,
                RequirementLevel.Standard => 1,
                RequirementLevel.Hoch => 2,
                _ => 3,
            };
        var effort = pair.EffortLevel is { } e ? Math.Clamp(e, 0, 5) : 6;
        var processing = pair.ProcessingOrder?.Trim() switch
        {
            "R1" => 0,
            "R2" => 1,
            "R3" => 2,
            _ => 3,
        };
        return (level << 7) | (ModalRank(pair.ModalVerb) << 5) | (effort << 2) | processing;
    }

    private static int BitsFor(int values) => values <= 1 ? 1 : 32 - BitOperations.LeadingZeroCount((uint)(values - 1));

    /// <summary>Collects one gate's pairs while scoring: blockers as (pair index, reasons), accepted deviations as pair indices.</summary>
    private sealed class GateAccumulator
    {
        private readonly List<(int Pair, GateBlockReason Reasons)> _blockers = [];
        private readonly List<int> _accepted = [];

        public int Fulfilled { get; private set; }

        public int Denominator { get; private set; }

        public int Total { get; private set; }

        public void Accept(int pair) => _accepted.Add(pair);

        public void Add(int pair, int bucket, GateBlockReason reasons)
        {
            Total++;
            if (bucket != BucketEntbehrlich)
            {
                Denominator++;
            }

            if (bucket == BucketJa)
            {
                Fulfilled++;
            }

            if (reasons != GateBlockReason.None)
            {
                _blockers.Add((pair, reasons));
            }
        }

        public GateResult Result(GateKind kind, ScoringInput input, string?[]? blocking, bool evaluated)
        {
            var title = ScoringTexts.GateTitle(kind, input.IsGrundschutzPlusPlus);
            if (!evaluated)
            {
                return new GateResult(kind, title, false, ScoringTexts.StandardNotInBasisApproach, default, [], []);
            }

            var pairs = input.Pairs;
            var months = input.Options.FreshnessMonths;
            var reason = Denominator > 0 ? null
                : Total == 0 ? ScoringTexts.NothingApplicable
                : ScoringTexts.AllEntbehrlich;
            var reached = Denominator > 0 && _blockers.Count == 0;
            var blockers = new IndexedList<(int Pair, GateBlockReason Reasons), GateBlocker>(
                _blockers,
                (entry, _) => new GateBlocker(
                    pairs[entry.Pair],
                    entry.Reasons,
                    entry.Reasons.HasFlag(GateBlockReason.DependencyNotFulfilled) ? blocking?[entry.Pair] : null,
                    months));
            var accepted = new IndexedList<int, ScoredPair>(_accepted, (index, _) => pairs[index]);
            return new GateResult(kind, title, reached, reason, new Ratio(Fulfilled, Denominator), blockers, accepted);
        }
    }

    /// <summary>
    /// Dense indices of target objects, layers/practices and modules/topics in order of first appearance,
    /// and the count table (one row of <see cref="Stride"/> counters per scope: overall, then each
    /// layer/practice and module/topic as it first appears).
    /// </summary>
    internal sealed class ScopeIndex
    {
        private readonly Dictionary<Guid, int> _targets = [];
        private readonly List<Guid> _targetIds = [];
        private readonly Dictionary<string, int> _tops = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
        private readonly List<int> _topRows = [];
        private readonly List<int> _groupRows = [];
        private int _rows = 1;
        private string? _lastTop;
        private int _lastTopRow;
        private string? _lastGroup;
        private int _lastGroupRow;

        public ScopeIndex(int pairs)
        {
            PairTarget = new int[pairs];
            Counts = new int[16 * Stride];
        }

        /// <summary>Target object index per pair (filled by <see cref="IndexTargets"/>).</summary>
        public int[] PairTarget { get; }

        public int TargetCount => _targetIds.Count;

        public int[] Counts { get; private set; }

        public List<string> TopIds { get; } = [];

        public List<string> GroupIds { get; } = [];

        public List<string> GroupTop { get; } = [];

        public int TopOffset(int top) => _topRows[top] * Stride;

        public int GroupOffset(int group) => _groupRows[group] * Stride;

        /// <summary>
        /// Fills <see cref="PairTarget"/>. Questionnaire order cycles through the target objects of a module,
        /// so the next pair's target is usually the one after the previous pair's: checked before the dictionary.
        /// </summary>
        public void IndexTargets(IReadOnlyList<ScoredPair> pairs)
        {
            var last = -1;
            for (var i = 0; i < pairs.Count; i++)
            {
                var id = pairs[i].TargetObjectId;
                int index;
                if (last >= 0 && _targetIds[last] == id)
                {
                    index = last;
                }
                else if (last + 1 < _targetIds.Count && _targetIds[last + 1] == id)
                {
                    index = last + 1;
                }
                else if (_targetIds.Count > 0 && _targetIds[0] == id)
                {
                    index = 0;
                }
                else if (!_targets.TryGetValue(id, out index))
                {
                    index = _targetIds.Count;
                    _targets.Add(id, index);
                    _targetIds.Add(id);
                }

                PairTarget[i] = index;
                last = index;
            }
        }

        /// <summary>Row offsets of the pair's layer/practice and module/topic (rows are added on first sight).</summary>
        public (int Top, int Group) Offsets(ScoredPair pair)
        {
            // Pairs come grouped by module, so the previous lookup usually answers the next one.
            if (!ReferenceEquals(pair.TopGroupId, _lastTop) && !string.Equals(pair.TopGroupId, _lastTop, StringComparison.Ordinal))
            {
                if (!_tops.TryGetValue(pair.TopGroupId, out var top))
                {
                    top = TopIds.Count;
                    _tops.Add(pair.TopGroupId, top);
                    TopIds.Add(pair.TopGroupId);
                    _topRows.Add(NewRow());
                }

                _lastTop = pair.TopGroupId;
                _lastTopRow = _topRows[top];
            }

            if (!ReferenceEquals(pair.GroupId, _lastGroup) && !string.Equals(pair.GroupId, _lastGroup, StringComparison.Ordinal))
            {
                if (!_groups.TryGetValue(pair.GroupId, out var group))
                {
                    group = GroupIds.Count;
                    _groups.Add(pair.GroupId, group);
                    GroupIds.Add(pair.GroupId);
                    GroupTop.Add(pair.TopGroupId);
                    _groupRows.Add(NewRow());
                }

                _lastGroup = pair.GroupId;
                _lastGroupRow = _groupRows[group];
            }

            return (_lastTopRow * Stride, _lastGroupRow * Stride);
        }

        private int NewRow()
        {
            var row = _rows++;
            if (_rows * Stride > Counts.Length)
            {
                var grown = new int[Counts.Length * 2];
                Counts.CopyTo(grown, 0);
                Counts = grown;
            }

            return row;
        }
    }
}
