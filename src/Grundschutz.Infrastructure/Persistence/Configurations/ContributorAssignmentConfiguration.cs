using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class ContributorAssignmentConfiguration : IEntityTypeConfiguration<ContributorAssignment>
{
    public void Configure(EntityTypeBuilder<ContributorAssignment> builder)
    {
        builder.ToTable("AssessmentContributors");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.GroupId).HasMaxLength(100).IsRequired();
    }
}
