using System.Globalization;
using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// Reads an assessment-results document in this product's layout (docs/oscal.md) after schema validation: the
/// catalogue reference, approach, target objects with their modules, adopted H requirements, module exclusions and one
/// answer per finding. Anything missing or malformed in the product props is refused with a German message.
/// </summary>
public static class AssessmentResultsReader
{
    /// <summary>Reads <paramref name="root"/> (the whole document).</summary>
    /// <exception cref="AssessmentResultsImportException">The document lacks this product's data or has malformed values.</exception>
    public static ImportedAssessmentResults Read(JsonElement root)
    {
        var ar = root.GetProperty("assessment-results");
        var metadata = ar.GetProperty("metadata");
        if (Prop(metadata, OscalNames.ExportFormat) != OscalNames.ExportFormatVersion)
        {
            throw new AssessmentResultsImportException(MessageText.Of(
                "Die Datei ist ein gültiges OSCAL-Assessment-Results-Dokument, stammt aber nicht aus dieser Anwendung (es fehlen Katalog, Vorgehensweise und Zielobjekte)."));
        }

        var results = ar.GetProperty("results");
        if (results.GetArrayLength() != 1)
        {
            throw new AssessmentResultsImportException(MessageText.Of("Erwartet wird genau ein Ergebnis (results), die Datei enthält {0}.", results.GetArrayLength()));
        }

        var result = results[0];
        var title = Prop(metadata, OscalNames.AssessmentTitle) ?? result.GetProperty("title").GetString() ?? "";
        var approachText = Prop(result, OscalNames.Approach) ?? Prop(metadata, OscalNames.Approach);
        if (!Enum.TryParse<Approach>(approachText, ignoreCase: false, out var approach) || !Enum.IsDefined(approach))
        {
            throw new AssessmentResultsImportException(MessageText.Of("Unbekannte Vorgehensweise „{0}“.", approachText ?? ""));
        }

        var catalogTitle = Prop(result, OscalNames.CatalogTitle) ?? throw Missing(OscalNames.CatalogTitle);
        var catalogVersion = Prop(result, OscalNames.CatalogVersion) ?? throw Missing(OscalNames.CatalogVersion);
        var sha = Prop(result, OscalNames.CatalogSha256);
        var adopted = Props(result, OscalNames.AdoptedHRequirement).Select(p => p.Value).ToList();
        var exclusions = Props(result, OscalNames.ExcludedModule).Select(p => (p.Value, p.Remarks ?? "")).ToList();

        var targets = new List<ImportedTargetObject>();
        if (result.TryGetProperty("local-definitions", out var local) && local.TryGetProperty("inventory-items", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                targets.Add(new ImportedTargetObject(
                    item.GetProperty("uuid").GetString()!,
                    item.GetProperty("description").GetString() ?? "",
                    Prop(item, OscalNames.TargetObjectKind),
                    Props(item, OscalNames.Module).Select(p => p.Value).ToList()));
            }
        }

        var answers = new List<ImportedAnswer>();
        if (result.TryGetProperty("findings", out var findings))
        {
            foreach (var finding in findings.EnumerateArray())
            {
                answers.Add(ReadFinding(finding));
            }
        }

        return new ImportedAssessmentResults(title, approach, catalogTitle, catalogVersion, sha, adopted, exclusions, targets, answers);
    }

    private static ImportedAnswer ReadFinding(JsonElement finding)
    {
        var findingTitle = finding.GetProperty("title").GetString() ?? "";
        var target = finding.GetProperty("target");
        var requirementId = target.GetProperty("target-id").GetString()!;
        var targetUuid = Prop(finding, OscalNames.TargetObject)
            ?? throw new AssessmentResultsImportException(MessageText.Of("Im Befund „{0}“ fehlt das Zielobjekt ({1}).", findingTitle, OscalNames.TargetObject));
        var status = Prop(finding, OscalNames.Status) switch
        {
            "ja" or "umgesetzt" => AnswerStatus.Ja,
            "teilweise" => AnswerStatus.Teilweise,
            "nein" or "nicht-umgesetzt" => AnswerStatus.Nein,
            "entbehrlich" => AnswerStatus.Entbehrlich,
            "offen" or null => AnswerStatus.Open,
            var other => throw new AssessmentResultsImportException(MessageText.Of("Im Befund „{0}“ ist der Status „{1}“ unbekannt.", findingTitle, other)),
        };
        EntbehrlichReason? reason = Prop(finding, OscalNames.EntbehrlichReason) switch
        {
            null => null,
            "nicht-relevant" => EntbehrlichReason.NotRelevant,
            "alternativmassnahme" => EntbehrlichReason.AlternativeMeasure,
            var other => throw new AssessmentResultsImportException(MessageText.Of("Im Befund „{0}“ ist der Entbehrlichkeitsgrund „{1}“ unbekannt.", findingTitle, other)),
        };
        var input = new AnswerInput(
            requirementId,
            Guid.Empty,
            status,
            reason,
            Justification: finding.TryGetProperty("remarks", out var remarks) ? remarks.GetString() : null,
            ImplementationDescription: target.TryGetProperty("description", out var description) ? description.GetString() : null,
            Owner: Prop(finding, OscalNames.Owner),
            DueDate: Date(finding, OscalNames.DueDate, findingTitle),
            CostEstimate: Decimal(finding, OscalNames.CostEstimate, findingTitle),
            AssessedOn: Date(finding, OscalNames.AssessedOn, findingTitle),
            Interviewees: Prop(finding, OscalNames.Interviewees));
        return new ImportedAnswer(findingTitle, requirementId, targetUuid, input);
    }

    private static AssessmentResultsImportException Missing(string name) =>
        new(MessageText.Of("Die Angabe „{0}“ fehlt im Ergebnis; ohne sie lässt sich der Katalog nicht bestimmen.", name));

    private static DateOnly? Date(JsonElement element, string name, string findingTitle)
    {
        var text = Prop(element, name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new AssessmentResultsImportException(MessageText.Of("Im Befund „{0}“ ist „{1}“ kein Datum (JJJJ-MM-TT): „{2}“.", findingTitle, name, text));
    }

    private static decimal? Decimal(JsonElement element, string name, string findingTitle)
    {
        var text = Prop(element, name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AssessmentResultsImportException(MessageText.Of("Im Befund „{0}“ ist „{1}“ keine Zahl: „{2}“.", findingTitle, name, text));
    }

    private static string? Prop(JsonElement element, string name) => Props(element, name).Select(p => p.Value).FirstOrDefault();

    private static IEnumerable<(string Value, string? Remarks)> Props(JsonElement element, string name)
    {
        if (!element.TryGetProperty("props", out var props))
        {
            yield break;
        }

        foreach (var prop in props.EnumerateArray())
        {
            if (prop.TryGetProperty("ns", out var ns) && ns.GetString() == OscalNames.Namespace
                && prop.GetProperty("name").GetString() == name)
            {
                yield return (prop.GetProperty("value").GetString()!, prop.TryGetProperty("remarks", out var r) ? r.GetString() : null);
            }
        }
    }
}
