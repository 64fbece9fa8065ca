using Grundschutz.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class StoredRequirementConfiguration : IEntityTypeConfiguration<StoredRequirement>
{
    public void Configure(EntityTypeBuilder<StoredRequirement> builder)
    {
        builder.ToTable("Requirements");
        builder.Property(r => r.RequirementId).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.GroupId).HasMaxLength(100).IsRequired();
        builder.Property(r => r.TopGroupId).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ParentRequirementId).HasMaxLength(100);
        builder.Property(r => r.SecLevel).HasMaxLength(50);
        builder.Property(r => r.ModalVerb).HasMaxLength(20);
        builder.Property(r => r.ActionWord).HasMaxLength(200);
        builder.Property(r => r.Result).HasMaxLength(1000);
        builder.Property(r => r.Documentation).HasMaxLength(1000);
        builder.Property(r => r.AltIdentifier).HasMaxLength(100);
        builder.Property(r => r.Class).HasMaxLength(200);
        builder.HasIndex(r => new { r.CatalogVersionId, r.RequirementId }).IsUnique();
        builder.HasIndex(r => new { r.CatalogVersionId, r.Sequence });
        builder.HasIndex(r => new { r.CatalogVersionId, r.GroupId });
        builder.HasOne<StoredCatalogVersion>().WithMany().HasForeignKey(r => r.CatalogVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
