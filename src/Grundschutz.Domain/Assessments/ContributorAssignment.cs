namespace Grundschutz.Domain.Assessments;

/// <summary>A contributor may answer the requirements of this module (on every target object it is applied to).</summary>
public sealed class ContributorAssignment
{
    private ContributorAssignment()
    {
        UserId = "";
        GroupId = "";
    }

    internal ContributorAssignment(Guid id, string userId, string groupId)
    {
        Id = id;
        UserId = userId;
        GroupId = groupId;
    }

    /// <summary>Id, generated in the domain.</summary>
    public Guid Id { get; private set; }

    /// <summary>The contributor's user id.</summary>
    public string UserId { get; private set; }

    /// <summary>The catalogue group id.</summary>
    public string GroupId { get; private set; }
}
