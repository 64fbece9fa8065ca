namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>An uploaded workbook that is refused as a whole, with a German message for the user. Nothing was changed.</summary>
public sealed class WorkbookRejectedException(string message) : Exception(message);
