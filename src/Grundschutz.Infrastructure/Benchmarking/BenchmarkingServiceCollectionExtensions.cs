using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>Registers the KPI snapshots, the dashboard, its charts and workbook, and the seeder.</summary>
public static class BenchmarkingServiceCollectionExtensions
{
    public static IServiceCollection AddBenchmarking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BenchmarkingOptions>().Bind(configuration.GetSection(BenchmarkingOptions.SectionName));
        services.AddScoped<KpiSnapshotService>();
        services.AddScoped<BenchmarkDashboardService>();
        services.AddSingleton<BenchmarkCharts>();
        services.AddScoped<BenchmarkSeeder>();
        return services;
    }
}
