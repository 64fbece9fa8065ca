using Grundschutz.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class StoredRequirementLinkConfiguration : IEntityTypeConfiguration<StoredRequirementLink>
{
    public void Configure(EntityTypeBuilder<StoredRequirementLink> builder)
    {
        builder.ToTable("RequirementLinks");
        builder.Property(l => l.FromRequirementId).HasMaxLength(100).IsRequired();
        builder.Property(l => l.ToRequirementId).HasMaxLength(100).IsRequired();
        builder.Property(l => l.Rel).HasMaxLength(50).IsRequired();
        builder.HasIndex(l => new { l.CatalogVersionId, l.FromRequirementId });
        builder.HasIndex(l => new { l.CatalogVersionId, l.ToRequirementId });
        builder.HasOne<StoredCatalogVersion>().WithMany().HasForeignKey(l => l.CatalogVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
