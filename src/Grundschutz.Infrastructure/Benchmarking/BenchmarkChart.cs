using Grundschutz.Infrastructure.Charts;
using ScottPlot;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>A dashboard chart before drawing: German title, an alt text with its numbers, the same numbers as a table, and how to draw it.</summary>
public sealed record BenchmarkChart(string Name, string Title, string AltText, ChartTable Table, int Width, int Height, Action<Plot> Draw);
