using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Benchmarking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class AssessmentKpiSnapshotConfiguration : IEntityTypeConfiguration<AssessmentKpiSnapshot>
{
    public void Configure(EntityTypeBuilder<AssessmentKpiSnapshot> builder)
    {
        builder.ToTable("AssessmentKpiSnapshots");
        builder.HasKey(s => s.AssessmentId);
        builder.Property(s => s.AssessmentId).ValueGeneratedNever();
        builder.HasOne<Assessment>().WithOne().HasForeignKey<AssessmentKpiSnapshot>(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Layers).HasMaxLength(4000).IsRequired();
        builder.HasIndex(s => new { s.CatalogVersionId, s.Approach, s.State });
        builder.HasIndex(s => s.MunicipalityId);
    }
}
