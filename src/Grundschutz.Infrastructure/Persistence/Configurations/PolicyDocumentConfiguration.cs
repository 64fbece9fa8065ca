using Grundschutz.Domain.Evidence;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> builder)
    {
        builder.ToTable("PolicyDocuments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(10).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(PolicyDocument.MaxTextLength).IsRequired();
        builder.Property(p => p.Author).HasMaxLength(PolicyDocument.MaxTextLength).IsRequired();
        builder.Property(p => p.Version).HasMaxLength(PolicyDocument.MaxTextLength).IsRequired();
        builder.Property(p => p.ApprovedBy).HasMaxLength(PolicyDocument.MaxTextLength).IsRequired();
        builder.Property(p => p.Changes).HasMaxLength(4000);
        builder.Property(p => p.FileName).HasMaxLength(255).IsRequired();
        builder.Property(p => p.ContentType).HasMaxLength(200);
        builder.Property(p => p.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(p => p.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Ignore(p => p.IsCurrent);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MunicipalityId, p.Number, p.UploadedAt });
    }
}
