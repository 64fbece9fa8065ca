using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Infrastructure.Files;

/// <summary>Registers the evidence store and its options.</summary>
public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Binds <see cref="EvidenceOptions"/> from section "Evidence" (a relative folder is resolved against <paramref name="contentRootPath"/>) and adds the store.</summary>
    public static IServiceCollection AddEvidenceStore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<EvidenceOptions>()
            .Bind(configuration.GetSection(EvidenceOptions.SectionName))
            .PostConfigure(o => o.Directory = Path.GetFullPath(Path.Combine(contentRootPath, string.IsNullOrWhiteSpace(o.Directory) ? Path.Combine("App_Data", "evidence") : o.Directory)));
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<EvidenceCleanup>();
        return services;
    }
}
