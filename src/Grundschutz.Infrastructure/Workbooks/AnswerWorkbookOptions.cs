namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>Limits of the questionnaire workbook upload, bound from section "AnswerWorkbook".</summary>
public sealed class AnswerWorkbookOptions
{
    public const string SectionName = "AnswerWorkbook";

    /// <summary>Largest upload in bytes, checked before reading (default 25 MB; a full Kompendium export is about 4 MB).</summary>
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Most entries in the zip container.</summary>
    public int MaxEntries { get; set; } = 100;

    /// <summary>Most bytes all entries may unpack to, as declared in the zip directory and as actually read (default 200 MB).</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Highest compression ratio of an entry larger than 1 MB (zip bombs reach 1000:1; spreadsheet XML about 10–30:1).</summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Most data rows in the questions sheet (a full Kompendium assessment with 40 target objects has 73,400).</summary>
    public int MaxRows { get; set; } = 80_000;

    /// <summary>
    /// How long a checked upload waits for confirmation, in minutes. The default, a day, is longer than the 20 hours
    /// below which WCAG 2.2.1 asks for a warning and a way to extend: a preview left open over a meeting or the night
    /// can still be confirmed (the confirm checks every row against the portal's answers again), and the preview page
    /// says until when.
    /// </summary>
    public int PendingMinutes { get; set; } = 1440;
}
