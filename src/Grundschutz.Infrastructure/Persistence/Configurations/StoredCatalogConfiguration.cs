using Grundschutz.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class StoredCatalogConfiguration : IEntityTypeConfiguration<StoredCatalog>
{
    public void Configure(EntityTypeBuilder<StoredCatalog> builder)
    {
        builder.ToTable("Catalogs");
        builder.Property(c => c.Key).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(500).IsRequired();
        builder.HasMany(c => c.Versions).WithOne(v => v.Catalog).HasForeignKey(v => v.CatalogId).OnDelete(DeleteBehavior.Restrict);
    }
}
