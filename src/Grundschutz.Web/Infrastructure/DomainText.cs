using Grundschutz.Domain.Assessments;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Answer validation messages in the reader's language: the domain builds them in German from formats that double as
/// resource keys (as it does for completeness problems, freshness warnings and suppression notes, which the pages
/// translate the same way). A format without an entry stays German.
/// </summary>
public static class DomainText
{
    /// <summary>The message of an answer validation error.</summary>
    public static string Of(IStringLocalizer t, AnswerValidationError error)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(error);
        return t[error.Format, [.. error.Arguments]].Value;
    }

    /// <summary>
    /// The message of a refused action: its format translated, with its <see cref="Term"/> arguments (state, step and
    /// approach names) translated as well – never names users typed. A workflow refusal that lists its reasons stays German.
    /// </summary>
    public static string Of(IStringLocalizer t, AssessmentRuleException refusal)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(refusal);
        return t[refusal.Format, [.. refusal.Arguments.Select(a => a is Term term ? t[term.German].Value : a)]].Value;
    }
}
