namespace Grundschutz.Domain.Assessments;

/// <summary>
/// Grundschutz++ dependency closure (UMS.1.1): "Eine Anforderung gilt nur dann als umgesetzt, wenn
/// sie selbst sowie alle in Abhängigkeit stehenden Anforderungen umgesetzt sind." A control is
/// umgesetzt only if it is <see cref="AnswerStatus.Ja"/> and every control reachable through
/// <c>rel=required</c> links is ja as well. Cycles are handled (each control is visited once).
/// Entbehrlich, open and unknown dependencies block.
/// </summary>
public static class DependencyClosure
{
    /// <summary>True when the control and all its transitive required dependencies are ja.</summary>
    /// <param name="controlId">The control.</param>
    /// <param name="statusLookup">Status of a control, or null when not assessed/unknown.</param>
    /// <param name="dependencyLookup">Ids the control links to with <c>rel=required</c>.</param>
    public static bool IsUmgesetzt(string controlId, Func<string, AnswerStatus?> statusLookup, Func<string, IReadOnlyList<string>> dependencyLookup) =>
        Evaluate(controlId, statusLookup, dependencyLookup).Umgesetzt;

    /// <summary>
    /// The effective verdict of one control. When the control itself is ja but a dependency is not,
    /// <see cref="DependencyVerdict.BlockingControlId"/> names the nearest blocking dependency
    /// (breadth-first, in link order) and <see cref="DependencyVerdict.BlockingPath"/> the chain to it.
    /// </summary>
    public static DependencyVerdict Evaluate(string controlId, Func<string, AnswerStatus?> statusLookup, Func<string, IReadOnlyList<string>> dependencyLookup)
    {
        ArgumentNullException.ThrowIfNull(controlId);
        ArgumentNullException.ThrowIfNull(statusLookup);
        ArgumentNullException.ThrowIfNull(dependencyLookup);
        var own = statusLookup(controlId);
        if (own != AnswerStatus.Ja)
        {
            return new DependencyVerdict(controlId, own, false, null, []);
        }

        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal) { controlId };
        var queue = new Queue<string>();
        queue.Enqueue(controlId);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var dependency in dependencyLookup(current) ?? [])
            {
                if (!visited.Add(dependency))
                {
                    continue;
                }

                parent[dependency] = current;
                if (statusLookup(dependency) != AnswerStatus.Ja)
                {
                    return new DependencyVerdict(controlId, own, false, dependency, PathTo(dependency, controlId, parent));
                }

                queue.Enqueue(dependency);
            }
        }

        return new DependencyVerdict(controlId, own, true, null, []);
    }

    /// <summary>The effective verdicts of many controls, keyed by control id (duplicates evaluated once).</summary>
    public static IReadOnlyDictionary<string, DependencyVerdict> EvaluateAll(IEnumerable<string> controlIds, Func<string, AnswerStatus?> statusLookup, Func<string, IReadOnlyList<string>> dependencyLookup)
    {
        ArgumentNullException.ThrowIfNull(controlIds);
        var result = new Dictionary<string, DependencyVerdict>(StringComparer.Ordinal);
        foreach (var id in controlIds)
        {
            if (!result.ContainsKey(id))
            {
                result.Add(id, Evaluate(id, statusLookup, dependencyLookup));
            }
        }

        return result;
    }

    private static List<string> PathTo(string blocker, string start, Dictionary<string, string> parent)
    {
        var path = new List<string> { blocker };
        var current = blocker;
        while (current != start)
        {
            current = parent[current];
            path.Add(current);
        }

        path.Reverse();
        return path;
    }
}
