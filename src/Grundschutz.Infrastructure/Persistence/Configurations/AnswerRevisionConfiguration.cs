using Grundschutz.Domain.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

/// <summary>
/// Answer revisions (shadow properties, maintained by <see cref="GrundschutzDbContext"/> on save): every save that
/// adds, changes or removes answers raises the assessment's <c>AnswersRevision</c> by one and stamps the saved answers
/// with the new value. A cached score can then tell from one column that answers changed and load only the answers
/// saved since (<c>Revision</c> greater than the cached one) instead of all of them.
/// </summary>
public sealed class AnswerRevisionConfiguration : IEntityTypeConfiguration<Assessment>, IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Assessment> builder) =>
        builder.Property<long>(GrundschutzDbContext.AnswersRevision);

    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property<long>(GrundschutzDbContext.AnswerRevision);
        builder.HasIndex("AssessmentId", GrundschutzDbContext.AnswerRevision);
    }
}
