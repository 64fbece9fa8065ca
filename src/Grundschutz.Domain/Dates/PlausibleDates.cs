using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Dates;

/// <summary>
/// The range of dates people may enter in the portal – the due date and the date of a check of an answer, the approval
/// and next review of a policy, the date of a workshop: 01.01.1990 to 31.12.2099.
/// <para>
/// Why these bounds: nothing the portal records can lie before 1990 – the BSI was founded in 1991, the first
/// IT-Grundschutz-Handbuch appeared in 1994, so no check, Leitlinie or workshop of IT-Grundschutz is older; a year
/// before that is a typo (0001 from a cleared year field, 1900 from a spreadsheet). Nothing lies after 2099 either: a
/// deadline or review that far away is a typo as well (2206 for 2026). Both bounds lie well inside what every place a
/// date goes to can hold – Excel serial dates (01.01.1900–31.12.9999, and before 01.03.1900 wrong by Excel's
/// leap-year bug), OSCAL, SQLite and PostgreSQL – so a date the portal accepts survives the export and the
/// questionnaire round trip; year 1 did not (Excel has no serial date for it, and the upload refused the whole file).
/// </para>
/// </summary>
public static class PlausibleDates
{
    /// <summary>The format of <see cref="OutOfRange()"/> (its resource key): {0} and {1} are <see cref="Min"/> and <see cref="Max"/>.</summary>
    public const string OutOfRangeFormat = "Bitte ein Datum zwischen {0} und {1} angeben.";

    /// <summary>
    /// The format of <see cref="OutOfRange(Term)"/> (its resource key): {0} is the field's label, {1} and {2} are
    /// <see cref="Min"/> and <see cref="Max"/>.
    /// </summary>
    public const string FieldOutOfRangeFormat = "Bitte für „{0}“ ein Datum zwischen {1} und {2} angeben.";

    /// <summary>The earliest date accepted: 01.01.1990.</summary>
    public static DateOnly Min { get; } = new(1990, 1, 1);

    /// <summary>The latest date accepted: 31.12.2099.</summary>
    public static DateOnly Max { get; } = new(2099, 12, 31);

    /// <summary>True when <paramref name="date"/> lies between <see cref="Min"/> and <see cref="Max"/> (both included).</summary>
    public static bool Contains(DateOnly date) => date >= Min && date <= Max;

    /// <summary>„Bitte ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.“ – for an error shown at its field.</summary>
    public static MessageText OutOfRange() => MessageText.Of(OutOfRangeFormat, Min, Max);

    /// <summary>„Bitte für „<paramref name="field"/>“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.“ – for an error shown apart from its field.</summary>
    public static MessageText OutOfRange(Term field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return MessageText.Of(FieldOutOfRangeFormat, field, Min, Max);
    }
}
