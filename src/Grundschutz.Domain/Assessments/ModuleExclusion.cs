namespace Grundschutz.Domain.Assessments;

/// <summary>
/// A module deliberately not applied, with the justification the auditor asks for in A.3
/// Modellierung ("Begründung für jeden nicht angewendeten Baustein").
/// </summary>
public sealed class ModuleExclusion
{
    private ModuleExclusion()
    {
        GroupId = "";
        Reason = "";
    }

    internal ModuleExclusion(Guid id, string groupId, string reason)
    {
        Id = id;
        GroupId = groupId;
        Reason = reason;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>The catalogue group id.</summary>
    public string GroupId { get; private set; }

    /// <summary>Why the module is not applied.</summary>
    public string Reason { get; private set; }

    internal void ChangeReason(string reason) => Reason = reason;
}
