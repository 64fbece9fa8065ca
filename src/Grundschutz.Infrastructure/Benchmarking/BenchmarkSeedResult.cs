namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>What the seeder wrote.</summary>
public sealed record BenchmarkSeedResult(int Municipalities, int Assessments, long Answers, long Pairs, string CatalogTitle, TimeSpan Elapsed);
