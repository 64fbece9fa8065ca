namespace Grundschutz.Infrastructure.Evidence;

/// <summary>One place where an answer's hash chain does not verify.</summary>
/// <param name="AnswerId">The answer.</param>
/// <param name="RequirementId">Its requirement.</param>
/// <param name="TargetObjectId">Its target object.</param>
/// <param name="ChangeId">The history entry that fails (null when the chain head or length on the answer row fails).</param>
/// <param name="Sequence">The entry's sequence number (0 for the answer row).</param>
/// <param name="Reason">German explanation.</param>
public sealed record ChainBreak(Guid AnswerId, string RequirementId, Guid TargetObjectId, Guid? ChangeId, int Sequence, string Reason)
{
    /// <summary>A one-line German description naming the entry.</summary>
    public string Describe() => ChangeId is { } id
        ? $"Antwortverlauf {RequirementId} (Zielobjekt {TargetObjectId}), Eintrag {Sequence} (Id {id}): {Reason}"
        : $"Antwortverlauf {RequirementId} (Zielobjekt {TargetObjectId}), Antwort {AnswerId}: {Reason}";
}
