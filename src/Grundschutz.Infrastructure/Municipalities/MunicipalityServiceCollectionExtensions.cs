using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Infrastructure.Municipalities;

/// <summary>Registers the municipality import and its options.</summary>
public static class MunicipalityServiceCollectionExtensions
{
    public static IServiceCollection AddMunicipalities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MunicipalityImportOptions>().Bind(configuration.GetSection(MunicipalityImportOptions.SectionName));
        services.AddScoped<MunicipalityImportService>();
        return services;
    }
}
