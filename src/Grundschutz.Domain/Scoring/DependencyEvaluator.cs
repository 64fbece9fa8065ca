using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Scoring;

/// <summary>
/// Grundschutz++ dependency closure (UMS.1.1) over all pairs at once, with the semantics of
/// <see cref="DependencyClosure"/> and <see cref="Assessment.DependencyVerdicts"/>: a pair is fulfilled
/// only if it is ja and every control reachable through <c>rel=required</c> links is ja on the same
/// target object. A dependency without a pair on that target object counts as ja only if it is ja on
/// every target object where it has a pair; a dependency with no pair at all (unknown or out of
/// scope) blocks, as do entbehrlich and open dependencies.
/// Memoised depth-first search per (requirement, target object); O(pairs + links). Catalogue import
/// rejects cycles; should one still occur, every pair is evaluated by breadth-first search instead
/// (same results, just slower).
/// </summary>
internal sealed class DependencyEvaluator
{
    private const sbyte Unknown = 0;
    private const sbyte InProgress = 1;
    private const sbyte True = 2;
    private const sbyte False = 3;

    private readonly IReadOnlyList<ScoredPair> _pairs;
    private readonly int[] _pairRequirement;
    private readonly int[] _pairTarget;
    private readonly int _targets;
    private readonly string[] _requirementIds;
    private readonly int[][] _dependencies;
    private readonly int[] _cells;
    private readonly bool[] _jaEverywhere;
    private readonly sbyte[] _state;
    private bool _cycle;

    private DependencyEvaluator(IReadOnlyList<ScoredPair> pairs, int[] pairTarget, int targets)
    {
        _pairs = pairs;
        _pairTarget = pairTarget;
        _targets = targets;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        _pairRequirement = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            if (pair.Withdrawn)
            {
                _pairRequirement[i] = -1;
                continue;
            }

            if (!index.TryGetValue(pair.RequirementId, out var r))
            {
                r = ids.Count;
                index.Add(pair.RequirementId, r);
                ids.Add(pair.RequirementId);
            }

            _pairRequirement[i] = r;
        }

        _requirementIds = [.. ids];
        _dependencies = new int[ids.Count][];
        _cells = new int[ids.Count * targets];
        _jaEverywhere = new bool[ids.Count];
        var seen = new bool[ids.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var r = _pairRequirement[i];
            if (r < 0)
            {
                continue;
            }

            var pair = pairs[i];
            if (!seen[r])
            {
                seen[r] = true;
                _jaEverywhere[r] = true;
                var links = pair.RequiredDependencies;
                var resolved = new int[links.Count];
                for (var k = 0; k < links.Count; k++)
                {
                    resolved[k] = index.TryGetValue(links[k], out var d) ? d : -1;
                }

                _dependencies[r] = resolved;
            }

            _jaEverywhere[r] &= pair.Status == AnswerStatus.Ja;
            ref var cell = ref _cells[(r * targets) + pairTarget[i]];
            if (cell == 0)
            {
                cell = i + 1;
            }
        }

        _state = new sbyte[ids.Count * targets];
    }

    /// <summary>
    /// Fills <paramref name="fulfilled"/> for every pair; returns the blocking dependency per pair, or null
    /// when no pair has dependency links (then fulfilled ⇔ ja, as in the Kompendium).
    /// </summary>
    public static string?[]? Evaluate(IReadOnlyList<ScoredPair> pairs, int[] pairTarget, int targets, bool[] fulfilled)
    {
        var anyLinks = false;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].RequiredDependencies.Count > 0)
            {
                anyLinks = true;
                break;
            }
        }

        if (!anyLinks)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                fulfilled[i] = !pairs[i].Withdrawn && pairs[i].Status == AnswerStatus.Ja;
            }

            return null;
        }

        var blocking = new string?[pairs.Count];
        var evaluator = new DependencyEvaluator(pairs, pairTarget, targets);
        if (!evaluator.EvaluateAll(fulfilled, blocking, breadthFirst: false))
        {
            evaluator.EvaluateAll(fulfilled, blocking, breadthFirst: true);
        }

        return blocking;
    }

    private bool EvaluateAll(bool[] fulfilled, string?[] blocking, bool breadthFirst)
    {
        for (var i = 0; i < _pairs.Count; i++)
        {
            var r = _pairRequirement[i];
            blocking[i] = null;
            if (r < 0 || _pairs[i].Status != AnswerStatus.Ja)
            {
                fulfilled[i] = false;
                continue;
            }

            var t = _pairTarget[i];
            var value = breadthFirst ? Reachable(r, t) : Depth(r, t);
            fulfilled[i] = value;
            if (!value)
            {
                blocking[i] = FirstBlocking(r, t, breadthFirst);
            }

            if (_cycle && !breadthFirst)
            {
                return false;
            }
        }

        return true;
    }

    private string? FirstBlocking(int r, int t, bool breadthFirst)
    {
        var links = _dependencies[r];
        for (var k = 0; k < links.Length; k++)
        {
            var d = links[k];
            if (d < 0)
            {
                return FirstPairOf(r).RequiredDependencies[k];
            }

            if (!(breadthFirst ? Reachable(d, t) : Depth(d, t)))
            {
                return _requirementIds[d];
            }
        }

        return null;
    }

    private ScoredPair FirstPairOf(int r)
    {
        for (var t = 0; t < _targets; t++)
        {
            var cell = _cells[(r * _targets) + t];
            if (cell > 0)
            {
                return _pairs[cell - 1];
            }
        }

        throw new InvalidOperationException("Every indexed requirement has a pair.");
    }

    /// <summary>Own status of requirement <paramref name="r"/> as seen from target <paramref name="t"/>.</summary>
    private bool IsJa(int r, int t)
    {
        var cell = _cells[(r * _targets) + t];
        return cell > 0 ? _pairs[cell - 1].Status == AnswerStatus.Ja : _jaEverywhere[r];
    }

    private bool Depth(int r, int t)
    {
        var key = (r * _targets) + t;
        switch (_state[key])
        {
            case True:
                return true;
            case False:
                return false;
            case InProgress:
                _cycle = true;
                return true;
        }

        if (!IsJa(r, t))
        {
            _state[key] = False;
            return false;
        }

        _state[key] = InProgress;
        var result = true;
        foreach (var d in _dependencies[r])
        {
            if (d < 0 || !Depth(d, t))
            {
                result = false;
                break;
            }
        }

        _state[key] = result ? True : False;
        return result;
    }

    private bool Reachable(int r, int t)
    {
        if (!IsJa(r, t))
        {
            return false;
        }

        var visited = new HashSet<int> { r };
        var queue = new Queue<int>();
        queue.Enqueue(r);
        while (queue.Count > 0)
        {
            foreach (var d in _dependencies[queue.Dequeue()])
            {
                if (d < 0)
                {
                    return false;
                }

                if (!visited.Add(d))
                {
                    continue;
                }

                if (!IsJa(d, t))
                {
                    return false;
                }

                queue.Enqueue(d);
            }
        }

        return true;
    }
}
