using Grundschutz.Infrastructure.Workshops;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>Registers the questionnaire round trip and the workshop summary.</summary>
public static class WorkbookServiceCollectionExtensions
{
    public static IServiceCollection AddWorkshopsAndWorkbooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnswerWorkbookOptions>().Bind(configuration.GetSection(AnswerWorkbookOptions.SectionName));
        services.AddScoped<AnswerWorkbookService>();
        services.AddScoped<WorkshopSummaryService>();
        return services;
    }
}
