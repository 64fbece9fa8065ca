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

        var scopes = ScopeIndex.Build(pairs);
        var fulfilled = new bool[count];
        var blocking = new string?[count];
        DependencyEvaluator.Evaluate(pairs, scopes.PairTarget, scopes.TargetCount, fulfilled, blocking);

        var scopeCount = 1 + scopes.TopIds.Count + scopes.GroupIds.Count;
        var counts = new int[scopeCount * Stride];
        var verdicts = new PairVerdict[count];
        var standardGateEvaluated = gspp || input.Approach != Approach.Basis;
        var basisGate = new GateAccumulator();
        var standardGate = new GateAccumulator();
        var planCandidates = new List<int>();
        var unanswered = new List<ScoredPair>();
        var groupOffset = 1 + scopes.TopIds.Count;

        for (var i = 0; i < count; i++)
        {
            var pair = pairs[i];
            var o0 = 0;
            var o1 = (1 + scopes.PairTop[i]) * Stride;
            var o2 = (groupOffset + scopes.PairGroup[i]) * Stride;
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
            verdicts[i] = new PairVerdict(isFulfilled, fresh, blocking[i]);

            var modal = ModalRank(pair.ModalVerb);
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
                unanswered.Add(pair);
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
                basisGate.Add(pair, bucket, common | gap, blocking[i], months);
            }

            if (inStandardGate)
            {
                var justifiable = modal != 0 && (gspp || pair.Level != RequirementLevel.Basis);
                var reasons = common;
                if (gap != GateBlockReason.None)
                {
                    if (justifiable && hasJustification)
                    {
                        standardGate.Accepted.Add(pair);
                    }
                    else
                    {
                        reasons |= gap | (justifiable
                            ? GateBlockReason.DeviationWithoutJustification
                            : hasJustification ? GateBlockReason.NotJustifiable : GateBlockReason.None);
                    }
                }

                standardGate.Add(pair, bucket, reasons, blocking[i], months);
            }
        }

        var weight = input.Options.LenientPartialWeight;
        var overall = MakeScope(counts, 0, ScopeKind.Overall, "", null, weight);
        var topGroups = new ScopeScore[scopes.TopIds.Count];
        for (var t = 0; t < topGroups.Length; t++)
        {
            topGroups[t] = MakeScope(counts, (1 + t) * Stride, ScopeKind.TopGroup, scopes.TopIds[t], null, weight);
        }

        var groups = new ScopeScore[scopes.GroupIds.Count];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = MakeScope(counts, (groupOffset + g) * Stride, ScopeKind.Group, scopes.GroupIds[g], scopes.GroupTop[g], weight);
        }

        var basis = basisGate.Result(GateKind.Basis, gspp, evaluated: true);
        var standard = standardGate.Result(GateKind.Standard, gspp, standardGateEvaluated);
        var maturity = MaturityRules.Assess(input, topGroups);
        var plan = new ActionPlan(RankPlan(pairs, planCandidates, scopes.PairTarget, gspp, today), unanswered);
        return new ScoreReport(input, verdicts, overall, topGroups, groups, basis, standard, maturity, plan);
    }

    /// <summary>0 = MUSS, 1 = SOLLTE, 2 = KANN, 3 = unknown.</summary>
    internal static int ModalRank(string? modalVerb)
    {
        if (modalVerb is null)
        {
            return 3;
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
    private static ActionPlanItem[] RankPlan(IReadOnlyList<ScoredPair> pairs, List<int> candidates, int[] pairTarget, bool gspp, DateOnly today)
    {
        var n = candidates.Count;
        var items = new ActionPlanItem[n];
        if (n == 0)
        {
            return items;
        }

        var requirementRank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in candidates)
        {
            requirementRank.TryAdd(pairs[i].RequirementId, 0);
        }

        var ids = requirementRank.Keys.ToArray();
        Array.Sort(ids, NaturalIdComparer.Instance);
        for (var r = 0; r < ids.Length; r++)
        {
            requirementRank[ids[r]] = r;
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
            requirements[k] = requirementRank[pair.RequirementId];
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

        for (var rank = 0; rank < n; rank++)
        {
            var pair = pairs[candidates[order[rank]]];
            items[rank] = new ActionPlanItem(rank + 1, pair, pair.DueDate is { } due && due < today);
        }

        return items;
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

    /// <summary>Collects one gate's pairs while scoring.</summary>
    private sealed class GateAccumulator
    {
        public List<GateBlocker> Blockers { get; } = [];

        public List<ScoredPair> Accepted { get; } = [];

        public int Fulfilled { get; private set; }

        public int Denominator { get; private set; }

        public int Total { get; private set; }

        public void Add(ScoredPair pair, int bucket, GateBlockReason reasons, string? blockingDependency, int months)
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
                Blockers.Add(new GateBlocker(
                    pair,
                    reasons,
                    reasons.HasFlag(GateBlockReason.DependencyNotFulfilled) ? blockingDependency : null,
                    months));
            }
        }

        public GateResult Result(GateKind kind, bool gspp, bool evaluated)
        {
            var title = ScoringTexts.GateTitle(kind, gspp);
            if (!evaluated)
            {
                return new GateResult(kind, title, false, ScoringTexts.StandardNotInBasisApproach, default, [], []);
            }

            var reason = Denominator > 0 ? null
                : Total == 0 ? ScoringTexts.NothingApplicable
                : ScoringTexts.AllEntbehrlich;
            var reached = Denominator > 0 && Blockers.Count == 0;
            return new GateResult(kind, title, reached, reason, new Ratio(Fulfilled, Denominator), Blockers, Accepted);
        }
    }

    /// <summary>Dense indices of target objects, layers/practices and modules/topics in order of first appearance.</summary>
    private sealed class ScopeIndex
    {
        public required int[] PairTarget { get; init; }

        public required int[] PairTop { get; init; }

        public required int[] PairGroup { get; init; }

        public required int TargetCount { get; init; }

        public required List<string> TopIds { get; init; }

        public required List<string> GroupIds { get; init; }

        public required List<string> GroupTop { get; init; }

        public static ScopeIndex Build(IReadOnlyList<ScoredPair> pairs)
        {
            var n = pairs.Count;
            var pairTarget = new int[n];
            var pairTop = new int[n];
            var pairGroup = new int[n];
            var targets = new Dictionary<Guid, int>();
            var tops = new Dictionary<string, int>(StringComparer.Ordinal);
            var groups = new Dictionary<string, int>(StringComparer.Ordinal);
            var topIds = new List<string>();
            var groupIds = new List<string>();
            var groupTop = new List<string>();

            // Pairs come grouped by module, so the previous lookup usually answers the next one.
            Guid lastTarget = default;
            var lastTargetIndex = -1;
            string? lastTop = null;
            var lastTopIndex = -1;
            string? lastGroup = null;
            var lastGroupIndex = -1;
            for (var i = 0; i < n; i++)
            {
                var pair = pairs[i];
                if (lastTargetIndex < 0 || pair.TargetObjectId != lastTarget)
                {
                    if (!targets.TryGetValue(pair.TargetObjectId, out lastTargetIndex))
                    {
                        lastTargetIndex = targets.Count;
                        targets.Add(pair.TargetObjectId, lastTargetIndex);
                    }

                    lastTarget = pair.TargetObjectId;
                }

                if (!ReferenceEquals(pair.TopGroupId, lastTop) && !string.Equals(pair.TopGroupId, lastTop, StringComparison.Ordinal))
                {
                    if (!tops.TryGetValue(pair.TopGroupId, out lastTopIndex))
                    {
                        lastTopIndex = topIds.Count;
                        tops.Add(pair.TopGroupId, lastTopIndex);
                        topIds.Add(pair.TopGroupId);
                    }

                    lastTop = pair.TopGroupId;
                }

                if (!ReferenceEquals(pair.GroupId, lastGroup) && !string.Equals(pair.GroupId, lastGroup, StringComparison.Ordinal))
                {
                    if (!groups.TryGetValue(pair.GroupId, out lastGroupIndex))
                    {
                        lastGroupIndex = groupIds.Count;
                        groups.Add(pair.GroupId, lastGroupIndex);
                        groupIds.Add(pair.GroupId);
                        groupTop.Add(pair.TopGroupId);
                    }

                    lastGroup = pair.GroupId;
                }

                pairTarget[i] = lastTargetIndex;
                pairTop[i] = lastTopIndex;
                pairGroup[i] = lastGroupIndex;
            }

            return new ScopeIndex
            {
                PairTarget = pairTarget,
                PairTop = pairTop,
                PairGroup = pairGroup,
                TargetCount = targets.Count,
                TopIds = topIds,
                GroupIds = groupIds,
                GroupTop = groupTop,
            };
        }
    }
}