using System.Text.Json.Serialization;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>One entry of audit/answer-heads.json: the chain length and head hash stored on an answer row.</summary>
public sealed record AnswerHead(
    [property: JsonPropertyName("answerId")] Guid AnswerId,
    [property: JsonPropertyName("requirementId")] string RequirementId,
    [property: JsonPropertyName("targetObjectId")] Guid TargetObjectId,
    [property: JsonPropertyName("chainLength")] int ChainLength,
    [property: JsonPropertyName("chainHead")] string? ChainHead);
