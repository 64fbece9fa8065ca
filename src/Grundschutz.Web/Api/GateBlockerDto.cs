using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>One pair that keeps a gate from being reached.</summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="TargetObjectId">The target object.</param>
/// <param name="TargetObjectName">Its name.</param>
/// <param name="Reasons">Reason codes (<see cref="GateBlockReason"/> names, e.g. NotFulfilled, Stale).</param>
/// <param name="BlockingDependencyId">For DependencyNotFulfilled: the dependency that is not umgesetzt.</param>
/// <param name="Text">German text as in the report, e.g. „SYS.2.1.A3 × Server Rathaus: nicht umgesetzt“.</param>
public sealed record GateBlockerDto(string RequirementId, Guid TargetObjectId, string TargetObjectName, IReadOnlyList<string> Reasons, string? BlockingDependencyId, string Text)
{
    private static readonly GateBlockReason[] Flags = [.. Enum.GetValues<GateBlockReason>().Where(f => f != GateBlockReason.None)];

    public static GateBlockerDto From(GateBlocker blocker) => new(
        blocker.Pair.RequirementId,
        blocker.Pair.TargetObjectId,
        blocker.Pair.TargetObjectName,
        [.. Flags.Where(f => blocker.Reasons.HasFlag(f)).Select(f => f.ToString())],
        blocker.BlockingDependencyId,
        blocker.Text);
}
