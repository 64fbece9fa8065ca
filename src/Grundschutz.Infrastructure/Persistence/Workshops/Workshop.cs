namespace Grundschutz.Infrastructure.Persistence.Workshops;

/// <summary>
/// A workshop run by one facilitator: a date, a topic, the participating municipalities and the modules
/// (groups) of one catalogue version the session works on. Only the facilitator who created it sees it.
/// </summary>
public class Workshop
{
    /// <summary>Longest allowed topic.</summary>
    public const int MaxTopicLength = 200;

    /// <summary>Most participating municipalities.</summary>
    public const int MaxParticipants = 100;

    public Guid Id { get; set; }

    /// <summary>Thema, e.g. „Basis-Absicherung Teil 1“.</summary>
    public string Topic { get; set; } = "";

    /// <summary>Date of the session.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The catalogue version whose modules are selected (and whose assessments are followed).</summary>
    public int CatalogVersionId { get; set; }

    /// <summary>The facilitator who owns the workshop.</summary>
    public string FacilitatorUserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<WorkshopParticipant> Participants { get; set; } = [];

    public List<WorkshopModule> Modules { get; set; } = [];
}
