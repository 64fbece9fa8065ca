using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

/// <summary>
/// Maps the Assessment aggregate (Domain) directly. Child collections are private fields of the aggregate; all
/// ids are generated in the domain, so keys are ValueGeneratedNever (new children are inserted, not updated).
/// </summary>
public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(Assessment.MaxTitleLength).IsRequired();
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(a => a.MunicipalityId);
        builder.HasIndex(a => a.State);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredCatalogVersion>().WithMany().HasForeignKey(a => a.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(a => a.PreviousAssessmentId).OnDelete(DeleteBehavior.Restrict);

        // Optimistic concurrency for the aggregate root: renewed on every change of state or scope (see
        // GrundschutzDbContext.StampAssessments), so two simultaneous workflow actions cannot both win.
        builder.Property<Guid>(GrundschutzDbContext.ConcurrencyStamp).IsConcurrencyToken();

        builder.PrimitiveCollection<List<string>>("_adoptedHRequirements").HasColumnName("AdoptedHRequirements");
        builder.Ignore(a => a.AdoptedHRequirements);
        builder.Ignore(a => a.IsReadOnly);
        builder.Ignore(a => a.CanEditAnswers);
        builder.Ignore(a => a.CanEditScope);

        builder.HasMany(a => a.TargetObjects).WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.TargetObjects).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.ModuleApplications).WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.ModuleApplications).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.ModuleExclusions).WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.ModuleExclusions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.ContributorAssignments).WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.ContributorAssignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Transitions).WithOne().HasForeignKey("AssessmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
