using System.Globalization;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>
/// Field names and values of an answer as users read them (history, conflict box, read-only view). Stored values
/// are invariant strings (see <see cref="AnswerChange"/>); here they become German (or English) text.
/// </summary>
internal static class AnswerDisplay
{
    /// <summary>The answer's fields in form order.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        AnswerFields.Status, AnswerFields.EntbehrlichReason, AnswerFields.Justification, AnswerFields.ImplementationDescription,
        AnswerFields.Owner, AnswerFields.DueDate, AnswerFields.CostEstimate, AnswerFields.AssessedOn, AnswerFields.Interviewees,
    ];

    /// <summary>The German label (resource key) of a field.</summary>
    public static string FieldKey(string field) => field switch
    {
        AnswerFields.Status => "Umsetzungsstatus",
        AnswerFields.EntbehrlichReason => "Grund für „entbehrlich“",
        AnswerFields.Justification => "Begründung",
        AnswerFields.ImplementationDescription => "Umsetzungsbeschreibung",
        AnswerFields.Owner => "Verantwortlich",
        AnswerFields.DueDate => "Umsetzung bis",
        AnswerFields.CostEstimate => "Kostenschätzung (Euro)",
        AnswerFields.AssessedOn => "Datum der Erhebung",
        AnswerFields.Interviewees => "Befragte Personen",
        AnswerFields.Evidence => "Nachweis",
        AnswerFields.Origin => "Herkunft",
        _ => field,
    };

    /// <summary>The status name for the catalogue's framework (Grundschutz++: umgesetzt / nicht umgesetzt), localised.</summary>
    public static string Status(IStringLocalizer t, AnswerStatus status, CatalogFramework framework) =>
        t[AssessmentTexts.StatusName(status, framework)].Value;

    /// <summary>One stored value (invariant string) as display text; null stays null ("leer").</summary>
    public static string? Value(IStringLocalizer t, string field, string? stored, CatalogFramework framework)
    {
        if (stored is null)
        {
            return null;
        }

        return field switch
        {
            AnswerFields.Status when Enum.TryParse<AnswerStatus>(stored, out var status) => Status(t, status, framework),
            AnswerFields.EntbehrlichReason when Enum.TryParse<EntbehrlichReason>(stored, out var reason) => t[AssessmentTexts.ReasonName(reason)].Value,
            AnswerFields.DueDate or AnswerFields.AssessedOn
                when DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString("d", CultureInfo.CurrentCulture),
            AnswerFields.CostEstimate when decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var cost) =>
                string.Format(CultureInfo.CurrentCulture, "{0:N2} €", cost),
            _ => stored,
        };
    }

    /// <summary>All fields of a set of values as (field, display text) pairs, in form order.</summary>
    public static IReadOnlyList<AnswerFieldValue> Values(IStringLocalizer t, AnswerInput values, CatalogFramework framework)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Stored(string field) => field switch
        {
            AnswerFields.Status => values.Status.ToString(),
            AnswerFields.EntbehrlichReason => values.EntbehrlichReason?.ToString(),
            AnswerFields.Justification => values.Justification,
            AnswerFields.ImplementationDescription => values.ImplementationDescription,
            AnswerFields.Owner => values.Owner,
            AnswerFields.DueDate => values.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AnswerFields.CostEstimate => values.CostEstimate?.ToString(CultureInfo.InvariantCulture),
            AnswerFields.AssessedOn => values.AssessedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AnswerFields.Interviewees => values.Interviewees,
            _ => null,
        };

        return Fields.Select(f => new AnswerFieldValue(f, Value(t, f, Stored(f), framework))).ToList();
    }
}
