using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class PendingWorkbookImportConfiguration : IEntityTypeConfiguration<PendingWorkbookImport>
{
    public void Configure(EntityTypeBuilder<PendingWorkbookImport> builder)
    {
        builder.ToTable("PendingWorkbookImports");
        builder.HasKey(p => p.Token);
        builder.Property(p => p.Token).ValueGeneratedNever();
        builder.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.FileName).HasMaxLength(260).IsRequired();
        builder.Property(p => p.Payload).IsRequired();
        builder.HasIndex(p => p.AssessmentId);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
