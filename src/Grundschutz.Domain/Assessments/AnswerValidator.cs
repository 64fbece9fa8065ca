using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Dates;

namespace Grundschutz.Domain.Assessments;

/// <summary>
/// The rules for one answer (BSI 200-2 Kap. 8.4, BSI course 6.3, Grundschutz++ UMS.1.1).
/// <see cref="AnswerIssueSeverity.Invalid"/> errors refuse saving; <see cref="AnswerIssueSeverity.Incomplete"/>
/// errors allow saving work in progress but block submitting. Dates must lie in <see cref="PlausibleDates"/>.
/// </summary>
public static class AnswerValidator
{
    /// <summary>Longest allowed justification / implementation description.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Longest allowed owner name.</summary>
    public const int MaxOwnerLength = 200;

    /// <summary>Longest allowed interviewee list.</summary>
    public const int MaxIntervieweesLength = 1000;

    /// <summary>Checks the proposed values against the requirement's rules.</summary>
    /// <param name="input">The proposed values.</param>
    /// <param name="requirement">The catalogue facts (framework decides the allowed statuses).</param>
    /// <param name="today">The current date (assessed-on may not lie after it).</param>
    /// <returns>All problems found, in field order; empty when the answer is fine.</returns>
    public static IReadOnlyList<AnswerValidationError> Validate(AnswerInput input, AssessedRequirement requirement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(requirement);
        var errors = new List<AnswerValidationError>();
        void Invalid(string field, string format, params object[] arguments) => errors.Add(AnswerValidationError.Of(field, AnswerIssueSeverity.Invalid, format, arguments));
        void Incomplete(string field, string format, params object[] arguments) => errors.Add(AnswerValidationError.Of(field, AnswerIssueSeverity.Incomplete, format, arguments));

        if (!Enum.IsDefined(input.Status))
        {
            Invalid(AnswerFields.Status, "Unbekannter Umsetzungsstatus.");
        }
        else if (input.Status == AnswerStatus.Teilweise && requirement.Framework == CatalogFramework.GrundschutzPlusPlus)
        {
            Invalid(AnswerFields.Status, "Grundschutz++ kennt nur umgesetzt oder nicht umgesetzt.");
        }

        if (input.Status == AnswerStatus.Entbehrlich)
        {
            if (input.EntbehrlichReason is null)
            {
                Incomplete(AnswerFields.EntbehrlichReason, "Bitte angeben, warum die Anforderung entbehrlich ist (nicht relevant oder Alternativmaßnahme).");
            }
            else if (!Enum.IsDefined(input.EntbehrlichReason.Value))
            {
                Invalid(AnswerFields.EntbehrlichReason, "Unbekannter Grund für „entbehrlich“.");
            }
        }

        var unmet = input.Status is AnswerStatus.Teilweise or AnswerStatus.Nein;
        if (IsBlank(input.Justification))
        {
            if (input.Status == AnswerStatus.Entbehrlich)
            {
                Incomplete(AnswerFields.Justification, "Eine entbehrliche Anforderung muss begründet werden.");
            }
            else if (unmet && requirement.EffectiveModalVerb is "MUSS" or "SOLLTE")
            {
                Incomplete(AnswerFields.Justification, "Eine nicht erfüllte {0}-Anforderung muss begründet werden.", requirement.EffectiveModalVerb!);
            }
        }

        CheckLength(errors, AnswerFields.Justification, "Die Begründung darf höchstens {0} Zeichen lang sein.", input.Justification, MaxTextLength);
        CheckLength(errors, AnswerFields.ImplementationDescription, "Die Umsetzungsbeschreibung darf höchstens {0} Zeichen lang sein.", input.ImplementationDescription, MaxTextLength);

        if (unmet && IsBlank(input.Owner))
        {
            Incomplete(AnswerFields.Owner, "Für den Realisierungsplan ist eine verantwortliche Person nötig.");
        }

        CheckLength(errors, AnswerFields.Owner, "Die verantwortliche Person darf höchstens {0} Zeichen lang sein.", input.Owner, MaxOwnerLength);

        if (unmet && input.DueDate is null)
        {
            Incomplete(AnswerFields.DueDate, "Für den Realisierungsplan ist ein Umsetzungstermin nötig.");
        }
        else if (input.DueDate is { } due && !PlausibleDates.Contains(due))
        {
            Invalid(AnswerFields.DueDate, PlausibleDates.FieldOutOfRangeFormat, new Term("Umsetzung bis"), PlausibleDates.Min, PlausibleDates.Max);
        }

        if (input.CostEstimate < 0)
        {
            Invalid(AnswerFields.CostEstimate, "Die Kostenschätzung darf nicht negativ sein.");
        }

        if (input.AssessedOn is { } assessedOn && !PlausibleDates.Contains(assessedOn))
        {
            Invalid(AnswerFields.AssessedOn, PlausibleDates.FieldOutOfRangeFormat, new Term("Datum der Erhebung"), PlausibleDates.Min, PlausibleDates.Max);
        }
        else if (input.AssessedOn > today)
        {
            Invalid(AnswerFields.AssessedOn, "Das Datum der Erhebung darf nicht in der Zukunft liegen.");
        }

        CheckLength(errors, AnswerFields.Interviewees, "Die Angabe der befragten Personen darf höchstens {0} Zeichen lang sein.", input.Interviewees, MaxIntervieweesLength);
        return errors;
    }

    private static void CheckLength(List<AnswerValidationError> errors, string field, string format, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(AnswerValidationError.Of(field, AnswerIssueSeverity.Invalid, format, max));
        }
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}
