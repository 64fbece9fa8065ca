using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class TargetObjectConfiguration : IEntityTypeConfiguration<TargetObject>
{
    public void Configure(EntityTypeBuilder<TargetObject> builder)
    {
        builder.ToTable("AssessmentTargetObjects");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Kind).HasMaxLength(200);
    }
}
