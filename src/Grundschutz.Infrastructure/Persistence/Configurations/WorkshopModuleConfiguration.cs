using Grundschutz.Infrastructure.Persistence.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class WorkshopModuleConfiguration : IEntityTypeConfiguration<WorkshopModule>
{
    public void Configure(EntityTypeBuilder<WorkshopModule> builder)
    {
        builder.ToTable("WorkshopModules");
        builder.HasKey(m => new { m.WorkshopId, m.GroupId });
        builder.Property(m => m.GroupId).HasMaxLength(100);
    }
}
