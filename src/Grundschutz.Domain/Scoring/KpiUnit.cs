namespace Grundschutz.Domain.Scoring;

/// <summary>How a KPI value is to be read and formatted.</summary>
public enum KpiUnit
{
    /// <summary>A share 0–1 (show as percent; the delta is in percentage points / 100).</summary>
    Ratio = 0,

    /// <summary>A count.</summary>
    Count = 1,

    /// <summary>A Reifegrad 0–5.</summary>
    Level = 2,

    /// <summary>A yes/no flag as 1/0 (gates).</summary>
    Flag = 3,
}
