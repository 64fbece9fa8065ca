namespace Grundschutz.Infrastructure.Persistence.Workshops;

/// <summary>A municipality taking part in a workshop.</summary>
public class WorkshopParticipant
{
    public Guid WorkshopId { get; set; }

    public int MunicipalityId { get; set; }
}
