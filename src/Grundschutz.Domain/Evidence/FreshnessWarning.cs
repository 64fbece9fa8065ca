using System.Globalization;

namespace Grundschutz.Domain.Evidence;

/// <summary>One freshness warning.</summary>
/// <param name="Kind">Which rule.</param>
/// <param name="Message">German text for the user.</param>
/// <param name="Count">Number of stale answers (for <see cref="FreshnessWarningKind.StaleAnswers"/>).</param>
/// <param name="Date">The date the warning is about (oldest answer, approval, review), if any.</param>
public sealed record FreshnessWarning(FreshnessWarningKind Kind, string Message, int Count, DateOnly? Date)
{
    /// <summary>One stale answer: {0} = months, {1} = date of the answer.</summary>
    public const string StaleOneFormat = "1 Antwort des IT-Grundschutz-Checks (A.4) ist älter als {0} Monate (älteste vom {1:d}); für das Audit muss A.4 innerhalb der letzten {0} Monate erhoben sein.";

    /// <summary>Several stale answers: {0} = count, {1} = months, {2} = date of the oldest.</summary>
    public const string StaleManyFormat = "{0} Antworten des IT-Grundschutz-Checks (A.4) sind älter als {1} Monate (älteste vom {2:d}); für das Audit muss A.4 innerhalb der letzten {1} Monate erhoben sein.";

    /// <summary>No Leitlinie.</summary>
    public const string LeitlinieMissingFormat = "Es ist keine Leitlinie zur Informationssicherheit (A.0.1) hinterlegt.";

    /// <summary>Leitlinie too old: {0} = approval date, {1} = years.</summary>
    public const string LeitlinieOldFormat = "Die Leitlinie zur Informationssicherheit (A.0.1) wurde am {0:d} freigegeben und ist damit älter als {1} Jahre.";

    /// <summary>Review overdue: {0} = planned review date.</summary>
    public const string ReviewOverdueFormat = "Die Überprüfung der Leitlinie zur Informationssicherheit (A.0.1) war für den {0:d} geplant und ist überfällig.";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The format (resource key) and its arguments, for a translation (<see cref="Message"/> is the German one).</summary>
    public (string Format, object[] Arguments) Text => Kind switch
    {
        FreshnessWarningKind.StaleAnswers when Count == 1 => (StaleOneFormat, [AuditFreshness.AnswerMonths, Date!.Value]),
        FreshnessWarningKind.StaleAnswers => (StaleManyFormat, [Count, AuditFreshness.AnswerMonths, Date!.Value]),
        FreshnessWarningKind.LeitlinieMissing => (LeitlinieMissingFormat, []),
        FreshnessWarningKind.LeitlinieOld => (LeitlinieOldFormat, [Date!.Value, AuditFreshness.LeitlinieYears]),
        FreshnessWarningKind.LeitlinieReviewOverdue => (ReviewOverdueFormat, [Date!.Value]),
        _ => (Message, []),
    };

    /// <summary>A warning whose <see cref="Message"/> is the German text of its <see cref="Text"/>.</summary>
    public static FreshnessWarning Of(FreshnessWarningKind kind, int count, DateOnly? date)
    {
        var (format, arguments) = new FreshnessWarning(kind, "", count, date).Text;
        return new FreshnessWarning(kind, string.Format(German, format, arguments), count, date);
    }
}
