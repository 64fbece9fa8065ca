using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class WorkshopParticipantConfiguration : IEntityTypeConfiguration<WorkshopParticipant>
{
    public void Configure(EntityTypeBuilder<WorkshopParticipant> builder)
    {
        builder.ToTable("WorkshopParticipants");
        builder.HasKey(p => new { p.WorkshopId, p.MunicipalityId });
        builder.Property(p => p.ConsentedByUserId).HasMaxLength(450);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
