using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class ModuleExclusionConfiguration : IEntityTypeConfiguration<ModuleExclusion>
{
    public void Configure(EntityTypeBuilder<ModuleExclusion> builder)
    {
        builder.ToTable("AssessmentModuleExclusions");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.GroupId).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Reason).HasMaxLength(4000).IsRequired();
    }
}
