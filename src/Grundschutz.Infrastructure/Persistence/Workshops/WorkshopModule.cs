namespace Grundschutz.Infrastructure.Persistence.Workshops;

/// <summary>A module/topic (group id of the workshop's catalogue version) selected for a workshop.</summary>
public class WorkshopModule
{
    public Guid WorkshopId { get; set; }

    /// <summary>Group id, e.g. <c>SYS.2.1</c>.</summary>
    public string GroupId { get; set; } = "";
}
