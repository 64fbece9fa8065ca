using Grundschutz.Domain.Assessments;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Texts the domain builds in German from formats that double as resource keys (answer validation, completeness,
/// freshness, suppression), in the reader's language. A format without an entry stays German.
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
}
