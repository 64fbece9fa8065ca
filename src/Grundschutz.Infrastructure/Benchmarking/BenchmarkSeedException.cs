namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>The seeder cannot run (catalogue or municipalities missing); the German message says what to do.</summary>
public sealed class BenchmarkSeedException : Exception
{
    public BenchmarkSeedException() { }

    public BenchmarkSeedException(string message) : base(message) { }

    public BenchmarkSeedException(string message, Exception innerException) : base(message, innerException) { }
}
