using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>Registers the OSCAL exchange: options, the schema validator (one per process) and the importer.</summary>
public static class OscalServiceCollectionExtensions
{
    public static IServiceCollection AddOscal(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<OscalOptions>().Bind(configuration.GetSection(OscalOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<OscalOptions>>().Value.SchemaDirectory;
            return new OscalSchemaValidator(Path.GetFullPath(Path.Combine(contentRootPath, directory)));
        });
        services.AddScoped<AssessmentResultsImporter>();
        return services;
    }
}
