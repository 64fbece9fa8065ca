using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Messages of the domain and of imports in the reader's language: they are built in German from formats that double as
/// resource keys (<see cref="ITranslatableMessage"/>: answer validation errors, refused actions, rejected catalogue,
/// OSCAL and workbook uploads and their row errors, refused evidence and policy uploads, policy rules, refused
/// evidence packages, refused municipality directory imports, the warnings of a catalogue import and the problems of the
/// evidence package check – as for
/// completeness problems, freshness warnings and suppression notes, which the pages translate the same way; the report
/// page's scoring texts – gate summaries, block reasons, Reifegrad levels and
/// criteria, „3 von 4“ – too, while the downloaded report stays German). A format without an entry stays German.
/// </summary>
public static class DomainText
{
    /// <summary>
    /// The message translated: its format, its <see cref="Term"/> arguments (state, step and approach names) and its
    /// nested messages (a location, a size, a reason) – never names users typed or text from their files. A workflow
    /// refusal that lists its reasons stays German. Numbers are formatted the German way in both languages, as
    /// everywhere in the UI.
    /// </summary>
    public static string Of(IStringLocalizer t, ITranslatableMessage message)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Arguments.Count == 0)
        {
            return t[message.Format].Value;
        }

        var arguments = message.Arguments.Select(a => Argument(t, a)).ToArray();
        var format = message.Format == MessageText.VerbatimFormat ? message.Format : t[message.Format].Value;
        return string.Format(GrundschutzApp.German, format, arguments);
    }

    private static object Argument(IStringLocalizer t, object argument) => argument switch
    {
        Term term => t[term.German].Value,
        ITranslatableMessage nested => Of(t, nested),
        _ => argument,
    };
}
