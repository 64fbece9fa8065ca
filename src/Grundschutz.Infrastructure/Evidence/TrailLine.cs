using System.Text.Json.Serialization;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>One line of audit/answer-trail.jsonl: one history entry with its chain hashes.</summary>
public sealed record TrailLine(
    [property: JsonPropertyName("assessmentId")] Guid AssessmentId,
    [property: JsonPropertyName("answerId")] Guid AnswerId,
    [property: JsonPropertyName("requirementId")] string RequirementId,
    [property: JsonPropertyName("targetObjectId")] Guid TargetObjectId,
    [property: JsonPropertyName("targetObject")] string TargetObject,
    [property: JsonPropertyName("sequence")] int Sequence,
    [property: JsonPropertyName("changeId")] Guid ChangeId,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("old")] string? Old,
    [property: JsonPropertyName("new")] string? New,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("previousHash")] string? PreviousHash,
    [property: JsonPropertyName("hash")] string Hash);
