using Grundschutz.Domain.Assessments;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>One finding as an answer.</summary>
/// <param name="FindingTitle">The finding's title (for messages).</param>
/// <param name="RequirementId">The control id (target-id).</param>
/// <param name="TargetObjectUuid">The inventory item it is about.</param>
/// <param name="Input">The answer values (target object id still empty).</param>
public sealed record ImportedAnswer(string FindingTitle, string RequirementId, string TargetObjectUuid, AnswerInput Input);
