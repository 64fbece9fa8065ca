using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>What the dashboard shows: one Land, one baseline (catalogue version + approach) and the peer-group filters.</summary>
/// <param name="LandCode">Two-digit Land code; the caller checks that the user audits it.</param>
/// <param name="CatalogVersionId">Catalogue version; null = the baseline with the most assessments.</param>
/// <param name="Approach">Approach; null = the baseline with the most assessments.</param>
/// <param name="Kreis">Only municipalities of this Kreis.</param>
/// <param name="SizeClass">Only this size class.</param>
/// <param name="Type">Only this municipality type.</param>
/// <param name="Year">Only assessments created in this year (round); null = each municipality's latest.</param>
/// <param name="IncludeSubmitted">False: latest approved; true: latest submitted (submitted, in review or approved).</param>
public sealed record BenchmarkFilter(
    string LandCode,
    int? CatalogVersionId = null,
    Approach? Approach = null,
    string? Kreis = null,
    SizeClass? SizeClass = null,
    MunicipalityType? Type = null,
    int? Year = null,
    bool IncludeSubmitted = false);
