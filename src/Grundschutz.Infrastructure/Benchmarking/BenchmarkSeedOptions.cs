namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>What <see cref="BenchmarkSeeder"/> builds.</summary>
/// <param name="LandCodes">Länder to seed (two-digit codes); null = every Land.</param>
/// <param name="Years">Assessment rounds, oldest first; the last may be submitted instead of approved.</param>
/// <param name="KpisOnly">
/// Store assessments, scope, transitions and KPI snapshots but not the answers (they are generated and scored in
/// memory). For all of Germany, where full answers would take hours and tens of GB; the report page of such an
/// assessment shows no answers.
/// </param>
/// <param name="Seed">Random seed; the same seed gives the same data.</param>
public sealed record BenchmarkSeedOptions(IReadOnlyCollection<string>? LandCodes, IReadOnlyList<int> Years, bool KpisOnly = false, int Seed = 20261123);
