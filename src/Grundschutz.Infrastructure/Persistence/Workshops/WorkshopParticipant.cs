namespace Grundschutz.Infrastructure.Persistence.Workshops;

/// <summary>
/// A municipality taking part in a workshop. The facilitator sees its figures only after the municipality's ISB
/// has agreed (<see cref="ConsentedAt"/> set); without consent it is listed by name only. Removing the
/// municipality from the workshop deletes the row, so adding it again needs consent again.
/// </summary>
public class WorkshopParticipant
{
    public Guid WorkshopId { get; set; }

    public int MunicipalityId { get; set; }

    /// <summary>When the municipality's ISB agreed; null = no consent (the default, also for rows from before consent existed).</summary>
    public DateTimeOffset? ConsentedAt { get; set; }

    /// <summary>The ISB who agreed; null without consent.</summary>
    public string? ConsentedByUserId { get; set; }
}
