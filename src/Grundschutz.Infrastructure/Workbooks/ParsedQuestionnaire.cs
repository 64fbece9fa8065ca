namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>What <see cref="QuestionnaireWorkbookReader"/> read: the metadata lines and the data rows.</summary>
public sealed record ParsedQuestionnaire(IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<WorkbookRow> Rows);
