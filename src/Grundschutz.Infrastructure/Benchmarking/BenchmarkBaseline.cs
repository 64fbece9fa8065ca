using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>One catalogue version + approach with assessments in the Land: results of different baselines are never mixed.</summary>
public sealed record BenchmarkBaseline(int CatalogVersionId, string CatalogTitle, string CatalogVersion, CatalogFramework Framework, Approach Approach, int Assessments)
{
    /// <summary>Language of the catalogue's texts (its title, layer titles; BCP 47).</summary>
    public string Language { get; init; } = CatalogLanguage.German;

    /// <summary>True for Grundschutz++.</summary>
    public bool IsGrundschutzPlusPlus => Framework == CatalogFramework.GrundschutzPlusPlus;

    /// <summary>Value of the baseline selector: <c>{versionId}-{approach}</c>.</summary>
    public string Key => $"{CatalogVersionId}-{(int)Approach}";
}
