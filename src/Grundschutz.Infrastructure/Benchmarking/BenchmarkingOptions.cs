using Grundschutz.Domain.Benchmarking;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>Settings of the auditor dashboard (section <c>Benchmarking</c>).</summary>
public sealed class BenchmarkingOptions
{
    public const string SectionName = "Benchmarking";

    /// <summary>k: no aggregate, chart or export over fewer municipalities (at least 2).</summary>
    public int MinGroupSize { get; set; } = AnonymityRule.DefaultMinGroupSize;
}
