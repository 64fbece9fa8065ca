using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("Answers");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.RequirementId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.GroupId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Interviewees).HasMaxLength(1000);
        builder.Property(a => a.UpdatedByUserId).HasMaxLength(450);
        builder.Property(a => a.CostEstimate).HasPrecision(14, 2);
        // Optimistic concurrency: the domain raises Version on every real change; EF adds it to the WHERE clause.
        builder.Property(a => a.Version).IsConcurrencyToken();
        // The chain head is a token too: evidence uploads append to the chain without raising Version.
        builder.Property(a => a.ChainHead).HasMaxLength(64).IsConcurrencyToken();
        builder.HasIndex("AssessmentId", nameof(Answer.RequirementId), nameof(Answer.TargetObjectId)).IsUnique();
        builder.HasMany(a => a.History).WithOne().HasForeignKey("AnswerId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey("AnswerId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
