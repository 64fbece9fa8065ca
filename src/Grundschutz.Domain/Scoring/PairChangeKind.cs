namespace Grundschutz.Domain.Scoring;

/// <summary>
/// How a pair (or a requirement) changed between two assessments. Fulfilment order:
/// nein = offen &lt; teilweise &lt; ja; entbehrlich stands outside that order.
/// </summary>
public enum PairChangeKind
{
    /// <summary>Same status.</summary>
    Unchanged = 0,

    /// <summary>Fulfilment rose (e.g. nein → teilweise, teilweise → ja, offen → ja).</summary>
    Improved = 1,

    /// <summary>Fulfilment fell (e.g. ja → nein, ja → offen).</summary>
    Regressed = 2,

    /// <summary>Status changed without a fulfilment order: to or from entbehrlich, or between offen and nein.</summary>
    Reclassified = 3,

    /// <summary>Only in the current assessment.</summary>
    New = 4,

    /// <summary>Only in the previous assessment.</summary>
    Dropped = 5,
}
