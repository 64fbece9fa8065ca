namespace Grundschutz.Domain.Benchmarking;

/// <summary>The stage a municipality has reached, from the two gates (DOMAIN.md §6.1, KPI 1).</summary>
public enum BenchmarkStage
{
    /// <summary>Neither gate reached.</summary>
    None = 0,

    /// <summary>„Basis-Absicherung erreicht“.</summary>
    Basis = 1,

    /// <summary>„Standard-Absicherung erreicht“ (which includes Basis).</summary>
    Standard = 2,
}
