using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Export;

/// <summary>German texts and local time for the exports.</summary>
public static class ExportTexts
{
    private static readonly TimeZoneInfo Berlin = FindBerlin();

    /// <summary>„B“, „S“ or „H“ for the Kompendium; the sec_level for Grundschutz++ (none counts as normal-SdT).</summary>
    public static string? Level(RequirementLevel? level, string? secLevel, CatalogFramework framework) =>
        framework == CatalogFramework.GrundschutzPlusPlus
            ? string.IsNullOrWhiteSpace(secLevel) ? "normal-SdT" : secLevel
            : level switch
            {
                RequirementLevel.Basis => "B",
                RequirementLevel.Standard => "S",
                RequirementLevel.Hoch => "H",
                _ => secLevel,
            };

    /// <summary>ja/teilweise/nein/entbehrlich/offen; Grundschutz++ umgesetzt/nicht umgesetzt.</summary>
    public static string Status(AnswerStatus status, CatalogFramework framework) => AssessmentTexts.StatusName(status, framework);

    /// <summary>„SYS.2.1 Allgemeiner Client“, or the id alone when the title is unknown.</summary>
    public static string IdAndTitle(string id, string? title) => string.IsNullOrWhiteSpace(title) ? id : $"{id} {title}";

    /// <summary>A UTC moment as German local time (Europe/Berlin; UTC when the zone is unknown).</summary>
    public static DateTime GermanTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Berlin).DateTime;

    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
