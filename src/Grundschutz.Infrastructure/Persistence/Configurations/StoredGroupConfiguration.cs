using Grundschutz.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class StoredGroupConfiguration : IEntityTypeConfiguration<StoredGroup>
{
    public void Configure(EntityTypeBuilder<StoredGroup> builder)
    {
        builder.ToTable("CatalogGroups");
        builder.Property(g => g.GroupId).HasMaxLength(100).IsRequired();
        builder.Property(g => g.ParentGroupId).HasMaxLength(100);
        builder.Property(g => g.TopGroupId).HasMaxLength(100).IsRequired();
        builder.Property(g => g.Title).HasMaxLength(1000).IsRequired();
        builder.Property(g => g.ProcessingOrder).HasMaxLength(10);
        builder.Property(g => g.TargetObjectType).HasMaxLength(200);
        builder.Property(g => g.ResponsibleRole).HasMaxLength(500);
        builder.HasIndex(g => new { g.CatalogVersionId, g.GroupId }).IsUnique();
        builder.HasIndex(g => new { g.CatalogVersionId, g.Sequence });
        builder.HasOne<StoredCatalogVersion>().WithMany().HasForeignKey(g => g.CatalogVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
