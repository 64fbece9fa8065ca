using Grundschutz.Infrastructure.Charts;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Markdown;

/// <summary>Registers scoring, Markdown rendering, report templates and charts.</summary>
public static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.SectionName));
        services.AddSingleton(sp => ReportPaths.From(sp.GetRequiredService<IOptions<ReportsOptions>>().Value, contentRootPath));
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ReportTemplates>();
        services.AddSingleton<ReportCharts>();
        services.AddSingleton<CatalogFactsCache>();
        services.AddSingleton<ScoreCache>();
        services.AddScoped<AssessmentScoreService>();
        return services;
    }
}
