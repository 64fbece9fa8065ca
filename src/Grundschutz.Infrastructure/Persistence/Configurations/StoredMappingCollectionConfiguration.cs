using Grundschutz.Infrastructure.Persistence.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class StoredMappingCollectionConfiguration : IEntityTypeConfiguration<StoredMappingCollection>
{
    public void Configure(EntityTypeBuilder<StoredMappingCollection> builder)
    {
        builder.ToTable("MappingCollections");
        builder.Property(c => c.Title).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.Version).HasMaxLength(200).IsRequired();
        builder.Property(c => c.OscalVersion).HasMaxLength(50);
        builder.Property(c => c.Uuid).HasMaxLength(100);
        builder.Property(c => c.SourceFileName).HasMaxLength(260).IsRequired();
        builder.Property(c => c.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ImportedBy).HasMaxLength(256);
        builder.HasIndex(c => c.Sha256).IsUnique();
    }
}
