using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Benchmarking;
using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>One municipality of the peer group with the assessment that represents it and its numbers.</summary>
/// <param name="Percentiles">Percentile rank per metric in the peer group; null when suppressed (group below k) or undefined.</param>
public sealed record BenchmarkRow(
    int MunicipalityId,
    string Ags,
    string Name,
    string? Kreis,
    int? Population,
    MunicipalityType Type,
    Guid AssessmentId,
    string Title,
    AssessmentState State,
    int Year,
    DateTimeOffset CreatedAt,
    BenchmarkKpis Kpis,
    IReadOnlyDictionary<BenchmarkMetric, decimal?> Percentiles);
