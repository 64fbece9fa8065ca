using Grundschutz.Infrastructure.Persistence.Municipalities;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grundschutz.Infrastructure.Persistence.Configurations;

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable("Municipalities");
        builder.Property(m => m.Ags).HasMaxLength(8).IsFixedLength().IsRequired();
        builder.HasIndex(m => m.Ags).IsUnique();
        // GV100AD names have at most 50 characters; manual names may be longer.
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.Property(m => m.SearchName).HasMaxLength(400).IsRequired();
        builder.HasIndex(m => m.SearchName);
        builder.Property(m => m.LandCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.HasIndex(m => m.LandCode);
        builder.Property(m => m.LandName).HasMaxLength(50).IsRequired();
        builder.Property(m => m.KreisName).HasMaxLength(200);
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Source).HasMaxLength(50).IsRequired();
        builder.Ignore(m => m.SizeClass);
    }
}
