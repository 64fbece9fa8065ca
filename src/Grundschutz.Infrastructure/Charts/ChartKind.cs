namespace Grundschutz.Infrastructure.Charts;

/// <summary>How a chart is drawn.</summary>
public enum ChartKind
{
    /// <summary>Vertical bars, one group per category, series side by side.</summary>
    Bars = 0,

    /// <summary>Horizontal bars (many categories, e.g. modules).</summary>
    HorizontalBars = 1,

    /// <summary>Radar (spider) chart, one spoke per category.</summary>
    Radar = 2,
}
