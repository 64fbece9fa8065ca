using Grundschutz.Infrastructure.Persistence.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class StoredMapEntryConfiguration : IEntityTypeConfiguration<StoredMapEntry>
{
    public void Configure(EntityTypeBuilder<StoredMapEntry> builder)
    {
        builder.ToTable("MapEntries");
        builder.Property(e => e.TargetCatalog).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.SourceId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.SourceRequirementId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.TargetId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Relationship).HasMaxLength(50).IsRequired();
        builder.HasIndex(e => new { e.MappingCollectionId, e.SourceRequirementId });
        builder.HasOne<StoredMappingCollection>().WithMany().HasForeignKey(e => e.MappingCollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
