using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> builder)
    {
        builder.ToTable("Workshops");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Topic).HasMaxLength(Workshop.MaxTopicLength).IsRequired();
        builder.Property(w => w.FacilitatorUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(w => w.FacilitatorUserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.FacilitatorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredCatalogVersion>().WithMany().HasForeignKey(w => w.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(w => w.Participants).WithOne().HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Modules).WithOne().HasForeignKey(m => m.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}
