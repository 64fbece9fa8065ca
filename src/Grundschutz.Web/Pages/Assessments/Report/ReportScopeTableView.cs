namespace Grundschutz.Web.Pages.Assessments.Report;

/// <summary>Model of the per layer / per module table partial.</summary>
/// <param name="Report">The whole report (framework, words).</param>
/// <param name="Rows">The rows.</param>
/// <param name="Word">„Schicht“, „Baustein“, „Praktik“ or „Thema“.</param>
/// <param name="IsLayer">True for the layer table (id <c>layers</c>), false for the module table (id <c>modules</c>).</param>
public sealed record ReportScopeTableView(ReportView Report, IReadOnlyList<ReportView.ScopeRow> Rows, string Word, bool IsLayer);
