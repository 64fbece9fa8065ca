using Grundschutz.Infrastructure.Charts;

namespace Grundschutz.Web.Pages.Assessments.Report;

/// <summary>Model of the chart partial: the assessment (for the image URL) and the chart, or null when there is none.</summary>
public sealed record ReportChartView(Guid AssessmentId, ChartData? Chart);
