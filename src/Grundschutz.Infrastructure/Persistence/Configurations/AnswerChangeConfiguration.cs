using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class AnswerChangeConfiguration : IEntityTypeConfiguration<AnswerChange>
{
    public void Configure(EntityTypeBuilder<AnswerChange> builder)
    {
        builder.ToTable("AnswerChanges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Field).HasMaxLength(100).IsRequired();
        // Hash chain (AnswerChain): null only for rows written before the chain existed, until the startup backfill.
        builder.Property(c => c.PreviousHash).HasMaxLength(64);
        builder.Property(c => c.Hash).HasMaxLength(64);
    }
}
