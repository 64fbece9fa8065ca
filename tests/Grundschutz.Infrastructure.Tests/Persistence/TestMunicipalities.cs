using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence.Municipalities;

namespace Grundschutz.Infrastructure.Tests.Persistence;

/// <summary>Municipalities as the persistence tests write them (a small table without foreign keys).</summary>
internal static class TestMunicipalities
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Municipality NewMunicipality(string ags, string name)
    {
        var municipality = new Municipality { Population = 1_000, Type = MunicipalityType.Gemeinde, CreatedAt = Created, UpdatedAt = Created };
        municipality.SetAgs(Ags.Parse(ags));
        municipality.SetName(name);
        return municipality;
    }
}
