namespace Grundschutz.Domain.Assessments;

/// <summary>One requirement × target object pair that has to be answered.</summary>
/// <param name="GroupId">The requirement's module/group.</param>
/// <param name="RequirementId">The requirement.</param>
/// <param name="TargetObjectId">The target object.</param>
public sealed record QuestionKey(string GroupId, string RequirementId, Guid TargetObjectId);
