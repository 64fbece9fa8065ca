using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class ModuleApplicationConfiguration : IEntityTypeConfiguration<ModuleApplication>
{
    public void Configure(EntityTypeBuilder<ModuleApplication> builder)
    {
        builder.ToTable("AssessmentModuleApplications");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.GroupId).HasMaxLength(100).IsRequired();
        builder.HasIndex("AssessmentId", nameof(ModuleApplication.GroupId), nameof(ModuleApplication.TargetObjectId)).IsUnique();
    }
}
