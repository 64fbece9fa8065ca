using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(200);
        builder.Property(e => e.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(e => e.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(e => e.StorageKey);
    }
}
