namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>A written questionnaire workbook.</summary>
public sealed record QuestionnaireExportFile(string FileName, byte[] Content, int Rows);
