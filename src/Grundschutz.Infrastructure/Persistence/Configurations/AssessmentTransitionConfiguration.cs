using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class AssessmentTransitionConfiguration : IEntityTypeConfiguration<AssessmentTransition>
{
    public void Configure(EntityTypeBuilder<AssessmentTransition> builder)
    {
        builder.ToTable("AssessmentTransitions");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Comment).HasMaxLength(Assessment.MaxCommentLength);
    }
}
