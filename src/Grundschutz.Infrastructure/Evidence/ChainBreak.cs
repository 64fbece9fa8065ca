using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>One place where an answer's hash chain does not verify.</summary>
/// <param name="AnswerId">The answer.</param>
/// <param name="RequirementId">Its requirement.</param>
/// <param name="TargetObjectId">Its target object.</param>
/// <param name="ChangeId">The history entry that fails (null when the chain head or length on the answer row fails).</param>
/// <param name="Sequence">The entry's sequence number (0 for the answer row).</param>
/// <param name="ReasonText">What is wrong, translatable.</param>
public sealed record ChainBreak(Guid AnswerId, string RequirementId, Guid TargetObjectId, Guid? ChangeId, int Sequence, MessageText ReasonText)
{
    /// <summary>What is wrong (German).</summary>
    public string Reason => ReasonText.ToString();

    /// <summary>A one-line description naming the entry, translatable.</summary>
    public MessageText Description => ChangeId is { } id
        ? MessageText.Of("Antwortverlauf {0} (Zielobjekt {1}), Eintrag {2} (Id {3}): {4}", RequirementId, TargetObjectId.ToString(), Sequence, id.ToString(), ReasonText)
        : MessageText.Of("Antwortverlauf {0} (Zielobjekt {1}), Antwort {2}: {3}", RequirementId, TargetObjectId.ToString(), AnswerId.ToString(), ReasonText);

    /// <summary>A one-line German description naming the entry.</summary>
    public string Describe() => Description.ToString();
}
