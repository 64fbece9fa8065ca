namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>A cell value as stored: text, or a number (dates are serial numbers unless typed as text).</summary>
public sealed record WorkbookCell(string? Text, double? Number)
{
    /// <summary>The value as text: the text, or the number in invariant form.</summary>
    public string AsText() => Text ?? Number?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
