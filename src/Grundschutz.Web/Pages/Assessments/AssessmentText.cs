using System.Globalization;
using Grundschutz.Domain.Assessments;

namespace Grundschutz.Web.Pages.Assessments;

/// <summary>
/// Display helpers shared by the assessment pages. The German names come from the Domain
/// (<see cref="AssessmentTexts"/>) and double as resource keys, so the views pass them through the localizer.
/// </summary>
internal static class AssessmentText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly TimeZoneInfo Berlin = FindBerlin();

    /// <summary>A UTC time as German local time, "dd.MM.yyyy HH:mm" (the form users know from letters and files).</summary>
    public static string LocalTime(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Berlin).ToString("dd.MM.yyyy HH:mm", German);

    /// <summary>Machine-readable form for the datetime attribute of &lt;time&gt;.</summary>
    public static string IsoTimestamp(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>"Standard-Absicherung" etc.: the resource key of an approach.</summary>
    public static string ApproachKey(Approach approach) => AssessmentTexts.ApproachName(approach);

    /// <summary>
    /// What an approach asks for and whether it can lead to a certificate (BSI-Standard 200-2 Kap. 3.3 and 11, BSI
    /// course 6.1): the resource key of the hint beside the approach's radio button on the create form.
    /// </summary>
    public static string ApproachHintKey(Approach approach) => approach switch
    {
        Approach.Basis => "Nur die Basis-Anforderungen (B): der Einstieg, eine breite Erst-Absicherung. Reicht nicht für eine ISO-27001-Zertifizierung auf der Basis von IT-Grundschutz.",
        Approach.Kern => "Basis- und Standard-Anforderungen (B und S) nur für die wichtigsten Geschäftsprozesse und Informationen („Kronjuwelen“). Zertifizierbar.",
        Approach.Standard => "Basis- und Standard-Anforderungen (B und S) für den ganzen Informationsverbund; vom BSI bevorzugt und Grundlage einer Zertifizierung.",
        Approach.GsppNormal => "Die Anforderungen der Standard-Sicherheitsstufe (normal-SdT).",
        Approach.GsppErhoeht => "Zusätzlich die Anforderungen der erhöhten Sicherheitsstufe; für hohen Schutzbedarf.",
        _ => AssessmentTexts.ApproachName(approach),
    };

    /// <summary>"In Bearbeitung" etc.: the resource key of a state.</summary>
    public static string StateKey(AssessmentState state) => AssessmentTexts.StateName(state);

    /// <summary>"Einreichen" etc.: the resource key of a trigger.</summary>
    public static string TriggerKey(AssessmentTrigger trigger) => AssessmentTexts.TriggerName(trigger);

    /// <summary>"Umfang" etc.: the resource key of a wizard step.</summary>
    public static string StepKey(WizardStep step) => AssessmentTexts.StepName(step);

    /// <summary>The handler name of the form that fires <paramref name="trigger"/> (OnPost{Handler}Async on the overview).</summary>
    public static string Handler(AssessmentTrigger trigger) => trigger.ToString();

    /// <summary>A string usable in an id attribute (letters, digits, dashes) for ids that come from catalogue data.</summary>
    public static string IdPart(string value)
    {
        var chars = value.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return new string(chars);
    }

    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // No time zone data on the host: show UTC rather than fail.
            return TimeZoneInfo.Utc;
        }
    }
}
