using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class StoredCatalogVersionConfiguration : IEntityTypeConfiguration<StoredCatalogVersion>
{
    public void Configure(EntityTypeBuilder<StoredCatalogVersion> builder)
    {
        builder.ToTable("CatalogVersions");
        builder.Property(v => v.Title).HasMaxLength(500).IsRequired();
        builder.Property(v => v.Version).HasMaxLength(200).IsRequired();
        builder.Property(v => v.SourceFileName).HasMaxLength(260).IsRequired();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(v => v.Sha256).IsUnique();
        builder.Property(v => v.OscalVersion).HasMaxLength(20);
        builder.Property(v => v.Published).HasMaxLength(100);

        // The default fills the rows that existed before the column: all of them were the BSI's German catalogues.
        builder.Property(v => v.Language).HasMaxLength(CatalogLanguage.MaxLength).IsRequired().HasDefaultValue(CatalogLanguage.German);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
    }
}
