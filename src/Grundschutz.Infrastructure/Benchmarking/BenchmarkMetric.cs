namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>A KPI of the dashboard (DOMAIN.md §6.1, "Benchmark KPIs").</summary>
public enum BenchmarkMetric
{
    /// <summary>Strict E_B in percent (Grundschutz++: MUSS).</summary>
    Basis = 0,

    /// <summary>Strict E_BS in percent (Grundschutz++: normal-SdT).</summary>
    BasisStandard = 1,

    /// <summary>Overall Reifegrad 0–5.</summary>
    Maturity = 2,

    /// <summary>Aktualität in percent.</summary>
    Freshness = 3,

    /// <summary>Open Realisierungsplan items.</summary>
    OpenActionItems = 4,

    /// <summary>Overdue items.</summary>
    OverdueActionItems = 5,

    /// <summary>Basis gaps in the priority topics (sum).</summary>
    PriorityGaps = 6,
}
