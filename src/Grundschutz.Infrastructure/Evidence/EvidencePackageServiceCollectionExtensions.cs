using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>Registers the evidence package writer, verifier and signing keys.</summary>
public static class EvidencePackageServiceCollectionExtensions
{
    public static IServiceCollection AddEvidencePackages(this IServiceCollection services, IConfiguration configuration, string contentRootPath, bool isDevelopment)
    {
        services.AddOptions<EvidenceSigningOptions>().Bind(configuration.GetSection(EvidenceSigningOptions.SectionName));
        services.AddSingleton(new EvidenceKeyLocation(contentRootPath, isDevelopment));
        services.AddSingleton<EvidenceKeyRing>();
        services.AddSingleton<EvidencePackageWriter>();
        services.AddSingleton<EvidencePackageVerifier>();
        return services;
    }
}
