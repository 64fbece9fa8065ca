namespace Grundschutz.Domain.Assessments;

/// <summary>A module (Baustein) or Grundschutz++ group applied to one target object (Modellierung).</summary>
public sealed class ModuleApplication
{
    private ModuleApplication()
    {
        GroupId = "";
    }

    internal ModuleApplication(Guid id, string groupId, Guid targetObjectId)
    {
        Id = id;
        GroupId = groupId;
        TargetObjectId = targetObjectId;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>The catalogue group id, e.g. <c>SYS.2.1</c>.</summary>
    public string GroupId { get; private set; }

    /// <summary>The <see cref="TargetObject"/> the module is applied to.</summary>
    public Guid TargetObjectId { get; private set; }
}
