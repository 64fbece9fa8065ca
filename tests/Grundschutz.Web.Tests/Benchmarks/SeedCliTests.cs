using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Benchmarking;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Scoring;
using Grundschutz.Web.Tests.Cli;
using Grundschutz.Web.Tests.Report;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Tests.Benchmarks;

/// <summary><c>seed</c>: refusals with a clear message, and seeded rows that EF reads back exactly as the scorer computed them.</summary>
public sealed class SeedCliTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Seed_NoKompendiumImported_ExitOneNamingTheImport()
    {
        var (exit, _, error) = await _host.RunAsync("seed", "land", "05");

        Assert.Equal(1, exit);
        Assert.Contains("kein IT-Grundschutz-Kompendium importiert", error, StringComparison.Ordinal);
        Assert.Contains("catalog import", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_NoMunicipalities_ExitOneNamingTheDirectory()
    {
        Assert.Equal(0, (await _host.RunAsync("catalog", "import", ReportScenario.KompendiumPath)).Exit);

        var (exit, _, error) = await _host.RunAsync("seed", "land", "05");

        Assert.Equal(1, exit);
        Assert.Contains("municipalities import", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed", "land", "99")]
    [InlineData("seed", "land")]
    [InlineData("seed", "everything")]
    public async Task Seed_WrongUsage_ExitTwo(params string[] args)
    {
        var (exit, _, error) = await _host.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("Fehler:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_SmallCatalogue_RowsReadBackAsTheScorerComputedThem()
    {
        Assert.Equal(0, (await _host.RunAsync("catalog", "import", ReportScenario.KompendiumPath)).Exit);
        await AddMunicipalitiesAsync();

        var (exit, output, error) = await _host.RunAsync("seed", "land", "05");

        Assert.True(exit == 0, error);
        Assert.Contains("12 Kommunen", output, StringComparison.Ordinal);
        await using var db = _host.NewContext();
        var seeded = await db.KpiSnapshots.AsNoTracking().ToListAsync();
        Assert.NotEmpty(seeded);
        Assert.All(seeded, s => Assert.Contains(s.State, new[] { AssessmentState.Submitted, AssessmentState.Approved }));
        Assert.Equal(seeded.Count, await db.Assessments.CountAsync());
        Assert.True(await db.Answers.AnyAsync());
        Assert.DoesNotContain(await db.Municipalities.Where(m => m.LandCode == "06").Select(m => m.Id).ToListAsync(), id => seeded.Any(s => s.MunicipalityId == id));

        // Recompute every snapshot from the stored answers: the bulk-inserted rows must read back exactly.
        var service = new KpiSnapshotService(db, new CatalogContextCache(), new CatalogFactsCache(), TimeProvider.System);
        foreach (var before in seeded)
        {
            await service.RefreshAsync(before.AssessmentId, CancellationToken.None);
            var after = await db.KpiSnapshots.AsNoTracking().SingleAsync(s => s.AssessmentId == before.AssessmentId);
            Assert.Equal(Numbers(before), Numbers(after));
        }
    }

    [Fact]
    public async Task Seed_Twice_SameNumbersAndNoDuplicates()
    {
        Assert.Equal(0, (await _host.RunAsync("catalog", "import", ReportScenario.KompendiumPath)).Exit);
        await AddMunicipalitiesAsync();

        Assert.Equal(0, (await _host.RunAsync("seed", "land", "05")).Exit);
        List<string> first;
        await using (var db = _host.NewContext())
        {
            first = [.. (await db.KpiSnapshots.AsNoTracking().ToListAsync()).Select(Numbers).Order()];
        }

        Assert.Equal(0, (await _host.RunAsync("seed", "land", "05")).Exit);
        await using var again = _host.NewContext();
        var second = (await again.KpiSnapshots.AsNoTracking().ToListAsync()).Select(Numbers).Order().ToList();
        Assert.Equal(first, second);
        Assert.Equal(second.Count, await again.Assessments.CountAsync());
    }

    private static string Numbers(Grundschutz.Infrastructure.Persistence.Benchmarking.AssessmentKpiSnapshot s) =>
        $"{s.MunicipalityId} {s.Year} {s.State} {s.ScoredOn:yyyy-MM-dd} {s.Stage} {s.BasisJa}/{s.BasisPairs} {s.BasisStandardJa}/{s.BasisStandardPairs} {s.Maturity} " +
        $"{s.FreshAnswers}/{s.AnsweredPairs} {s.OpenActionItems} {s.OverdueActionItems} {s.GapsBackup} {s.GapsAdministration} {s.GapsAuthorisation} {s.GapsIncidents} {s.Layers}";

    /// <summary>Twelve NRW municipalities of all size classes and one in Hessen.</summary>
    private async Task AddMunicipalitiesAsync()
    {
        await using var db = _host.NewContext();
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        int[] populations = [800, 2_500, 4_999, 5_000, 12_000, 19_999, 20_000, 55_000, 99_999, 100_000, 310_000, 1_080_000];
        for (var i = 0; i < populations.Length; i++)
        {
            var municipality = new Municipality { Population = populations[i], Type = MunicipalityType.Gemeinde, KreisName = "Kreis " + (i % 3), CreatedAt = now, UpdatedAt = now };
            municipality.SetAgs(Ags.Parse($"05{i + 100:000}000"));
            municipality.SetName("Gemeinde " + i);
            db.Municipalities.Add(municipality);
        }

        var hessen = new Municipality { Population = 50_000, Type = MunicipalityType.Stadt, CreatedAt = now, UpdatedAt = now };
        hessen.SetAgs(Ags.Parse("06412000"));
        hessen.SetName("Frankfurt am Main");
        db.Municipalities.Add(hessen);
        await db.SaveChangesAsync();
    }
}
