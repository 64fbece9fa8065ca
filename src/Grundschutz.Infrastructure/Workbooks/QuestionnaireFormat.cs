using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>
/// The layout of the questionnaire workbook (offline round trip), shared by writer and reader: sheet names, column
/// positions, the German status and reason words of the drop-downs, and the stamp of the metadata sheet.
/// </summary>
public static class QuestionnaireFormat
{
    /// <summary>Format marker in the metadata sheet; a workbook with another one is refused.</summary>
    public const string FormatId = "grundschutz-fragebogen/1";

    public const string InstructionsSheet = "Anleitung";

    public const string QuestionsSheet = "Fragebogen";

    public const string MetadataSheet = "Metadaten";

    // 1-based columns of the questions sheet.
    public const int RequirementColumn = 1;
    public const int TargetIdColumn = 2;
    public const int TargetNameColumn = 3;
    public const int ModuleColumn = 4;
    public const int TitleColumn = 5;
    public const int VersionColumn = 6;
    public const int StatusColumn = 7;
    public const int ReasonColumn = 8;
    public const int JustificationColumn = 9;
    public const int ImplementationColumn = 10;
    public const int OwnerColumn = 11;
    public const int DueDateColumn = 12;
    public const int CostColumn = 13;
    public const int AssessedOnColumn = 14;
    public const int IntervieweesColumn = 15;
    public const int ColumnCount = 15;

    // Metadata sheet: label in column A, value in column B, one line each in this order.
    public const string FormatLabel = "Format";
    public const string AssessmentLabel = "Bewertung (ID)";
    public const string CatalogVersionLabel = "Katalogversion (ID)";
    public const string CatalogLabel = "Katalog";
    public const string ExportedAtLabel = "Exportiert am (UTC)";
    public const string StampLabel = "Prüfsumme";

    /// <summary>The statuses offered for a framework, in drop-down order.</summary>
    public static IReadOnlyList<AnswerStatus> Statuses(CatalogFramework framework) => framework == CatalogFramework.GrundschutzPlusPlus
        ? [AnswerStatus.Open, AnswerStatus.Ja, AnswerStatus.Nein, AnswerStatus.Entbehrlich]
        : [AnswerStatus.Open, AnswerStatus.Ja, AnswerStatus.Teilweise, AnswerStatus.Nein, AnswerStatus.Entbehrlich];

    /// <summary>The status words of the drop-down (e.g. „ja“, „teilweise“ or „umgesetzt“ for Grundschutz++).</summary>
    public static IReadOnlyList<string> StatusWords(CatalogFramework framework) =>
        [.. Statuses(framework).Select(s => AssessmentTexts.StatusName(s, framework))];

    /// <summary>The reason words of the „entbehrlich“ drop-down.</summary>
    public static IReadOnlyList<string> ReasonWords { get; } =
        [.. Enum.GetValues<EntbehrlichReason>().Select(AssessmentTexts.ReasonName)];

    /// <summary>Reads a status word (case and surrounding blanks ignored); an empty cell is „offen“.</summary>
    public static bool TryParseStatus(string? text, CatalogFramework framework, out AnswerStatus status)
    {
        var clean = text?.Trim() ?? "";
        status = AnswerStatus.Open;
        if (clean.Length == 0)
        {
            return true;
        }

        foreach (var candidate in Statuses(framework))
        {
            if (string.Equals(AssessmentTexts.StatusName(candidate, framework), clean, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a reason word; an empty cell is no reason.</summary>
    public static bool TryParseReason(string? text, out EntbehrlichReason? reason)
    {
        var clean = text?.Trim() ?? "";
        reason = null;
        if (clean.Length == 0)
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<EntbehrlichReason>())
        {
            if (string.Equals(AssessmentTexts.ReasonName(candidate), clean, StringComparison.OrdinalIgnoreCase))
            {
                reason = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The stamp over the metadata: SHA-256 of format, assessment, catalogue version and export time. It detects an
    /// edited metadata sheet (e.g. the assessment id copied from another workbook); it is a checksum, not a signature.
    /// </summary>
    public static string Stamp(Guid assessmentId, int catalogVersionId, string exportedAt)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{FormatId}|{assessmentId:D}|{catalogVersionId}|{exportedAt}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
