using System.Globalization;
using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// Writes an assessment as an OSCAL 1.1.3 <c>assessment-results</c> document: one result with the target objects as
/// inventory items and one finding per requirement × target object (target type <c>objective-id</c> = the control id,
/// status satisfied/not-satisfied) carrying the IT-Grundschutz answer in product props. The layout is documented in
/// docs/oscal.md; <see cref="AssessmentResultsReader"/> reads it back.
/// </summary>
public static class AssessmentResultsWriter
{
    /// <summary>Writes the document (UTF-8 JSON) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, OscalExportSource source)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        var assessment = source.Assessment;
        var report = source.Report;
        var framework = assessment.Framework;
        using var writer = new Utf8JsonWriter(output, OscalWriting.Options);
        writer.WriteStartObject();
        writer.WriteStartObject("assessment-results");
        writer.WriteString("uuid", OscalIds.Text(OscalIds.For(assessment.Id, "assessment-results")));

        var metadataProps = new OscalWriting.Props()
            .Add(OscalNames.ExportFormat, OscalNames.ExportFormatVersion)
            .Add(OscalNames.Ags, source.Ags)
            .Add(OscalNames.AssessmentTitle, assessment.Title)
            .Add(OscalNames.AssessmentState, assessment.State.ToString())
            .Add(OscalNames.Framework, framework.ToString())
            .Add(OscalNames.Approach, assessment.Approach.ToString());
        OscalWriting.WriteMetadata(writer, source, $"{Word(framework)} „{assessment.Title}“ – {source.MunicipalityName}".TrimEnd(' ', '–'), metadataProps);

        writer.WriteStartObject("import-ap");
        writer.WriteString("href", "#" + OscalIds.Text(OscalWriting.AssessmentPlanResourceId(assessment.Id)));
        writer.WriteString("remarks", "Kein separater Bewertungsplan: Verweis auf die Erläuterung im back-matter.");
        writer.WriteEndObject();

        writer.WriteStartArray("results");
        writer.WriteStartObject();
        writer.WriteString("uuid", OscalIds.Text(OscalIds.For(assessment.Id, "result")));
        writer.WriteString("title", assessment.Title);
        writer.WriteString("description", $"{Word(framework)} der Kommune {source.MunicipalityName}, Vorgehensweise {AssessmentTexts.ApproachName(assessment.Approach)}.");
        writer.WriteString("start", OscalWriting.DateTime(assessment.CreatedAt));
        writer.WriteString("end", OscalWriting.DateTime(source.Now));

        var resultProps = new OscalWriting.Props()
            .Add(OscalNames.Approach, assessment.Approach.ToString())
            .Add(OscalNames.CatalogTitle, source.Catalog.Title)
            .Add(OscalNames.CatalogVersion, source.Catalog.Version)
            .Add(OscalNames.CatalogSha256, source.Catalog.Sha256);
        foreach (var adopted in assessment.AdoptedHRequirements.Order(StringComparer.Ordinal))
        {
            resultProps.Add(OscalNames.AdoptedHRequirement, adopted);
        }

        foreach (var exclusion in assessment.ModuleExclusions.OrderBy(e => e.GroupId, StringComparer.Ordinal))
        {
            resultProps.Add(OscalNames.ExcludedModule, exclusion.GroupId, exclusion.Reason);
        }

        if (report.Maturity.Overall is { } overall)
        {
            resultProps.Add(OscalNames.Reifegrad, overall.ToString(CultureInfo.InvariantCulture));
        }

        resultProps.Write(writer);
        WriteInventory(writer, assessment);
        WriteReviewedControls(writer, report);
        WriteFindings(writer, source);
        writer.WriteEndObject();
        writer.WriteEndArray();

        OscalWriting.WriteBackMatter(writer, source, withAssessmentPlanNote: true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>„IT-Grundschutz-Check“ or „Grundschutz++-Check“.</summary>
    private static string Word(CatalogFramework framework) =>
        framework == CatalogFramework.GrundschutzPlusPlus ? "Grundschutz++-Check" : "IT-Grundschutz-Check";

    private static void WriteInventory(Utf8JsonWriter writer, Assessment assessment)
    {
        if (assessment.TargetObjects.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("local-definitions");
        writer.WriteStartArray("inventory-items");
        foreach (var target in assessment.TargetObjects.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id))
        {
            writer.WriteStartObject();
            writer.WriteString("uuid", OscalIds.Text(OscalWriting.TargetObjectId(assessment.Id, target.Id)));
            writer.WriteString("description", target.Name);
            var props = new OscalWriting.Props().Add(OscalNames.TargetObjectKind, target.Kind);
            foreach (var application in assessment.ModuleApplications.Where(a => a.TargetObjectId == target.Id).OrderBy(a => a.GroupId, StringComparer.Ordinal))
            {
                props.Add(OscalNames.Module, application.GroupId);
            }

            props.Write(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteReviewedControls(Utf8JsonWriter writer, ScoreReport report)
    {
        writer.WriteStartObject("reviewed-controls");
        writer.WriteStartArray("control-selections");
        writer.WriteStartObject();
        var ids = report.Input.Pairs.Select(p => p.RequirementId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            writer.WriteStartObject("include-all");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartArray("include-controls");
            foreach (var id in ids)
            {
                writer.WriteStartObject();
                writer.WriteString("control-id", id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter writer, OscalExportSource source)
    {
        var assessment = source.Assessment;
        var report = source.Report;
        var pairs = report.Input.Pairs;
        if (pairs.Count == 0)
        {
            return;
        }

        var interviewees = assessment.Answers
            .Where(a => !string.IsNullOrWhiteSpace(a.Interviewees))
            .ToDictionary(a => (a.RequirementId, a.TargetObjectId), a => a.Interviewees!);
        writer.WriteStartArray("findings");
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var verdict = report.Verdicts[i];
            var key = $"{pair.RequirementId}/{pair.TargetObjectId:D}";
            writer.WriteStartObject();
            writer.WriteString("uuid", OscalIds.Text(OscalIds.For(assessment.Id, "finding/" + key)));
            writer.WriteString("title", pair.Label);
            writer.WriteString("description", string.IsNullOrWhiteSpace(pair.Title) ? pair.RequirementId : $"{pair.RequirementId} {pair.Title}");

            var props = new OscalWriting.Props()
                .Add(OscalNames.TargetObject, OscalIds.Text(OscalWriting.TargetObjectId(assessment.Id, pair.TargetObjectId)))
                .Add(OscalNames.Module, pair.GroupId)
                .Add(OscalNames.Status, StatusValue(pair.Status, assessment.Framework))
                .Add(OscalNames.EntbehrlichReason, pair.EntbehrlichReason switch
                {
                    EntbehrlichReason.NotRelevant => "nicht-relevant",
                    EntbehrlichReason.AlternativeMeasure => "alternativmassnahme",
                    _ => null,
                })
                .Add(OscalNames.AssessedOn, pair.AssessedOn is { } on ? OscalWriting.Date(on) : null)
                .Add(OscalNames.Level, pair.Level?.ToString() ?? pair.SecLevel)
                .Add(OscalNames.ModalVerb, pair.ModalVerb)
                .Add(OscalNames.Owner, pair.Owner)
                .Add(OscalNames.DueDate, pair.DueDate is { } due ? OscalWriting.Date(due) : null)
                .Add(OscalNames.CostEstimate, pair.CostEstimate?.ToString(CultureInfo.InvariantCulture))
                .Add(OscalNames.Interviewees, interviewees.GetValueOrDefault((pair.RequirementId, pair.TargetObjectId)));
            if (report.Maturity.Find(pair.TopGroupId) is { Level: { } level })
            {
                props.Add(OscalNames.Reifegrad, level.ToString(CultureInfo.InvariantCulture));
            }

            props.Write(writer);

            writer.WriteStartObject("target");
            writer.WriteString("type", "objective-id");
            writer.WriteString("target-id", pair.RequirementId);
            if (!string.IsNullOrWhiteSpace(pair.ImplementationDescription))
            {
                writer.WriteString("description", pair.ImplementationDescription);
            }

            writer.WriteStartObject("status");
            var satisfied = verdict.Fulfilled || pair.Status == AnswerStatus.Entbehrlich;
            writer.WriteString("state", satisfied ? "satisfied" : "not-satisfied");
            writer.WriteString("reason", pair.Status switch
            {
                AnswerStatus.Ja when verdict.Fulfilled => "pass",
                AnswerStatus.Teilweise or AnswerStatus.Nein => "fail",
                AnswerStatus.Ja => "fail",
                _ => "other",
            });
            if (pair.Status == AnswerStatus.Ja && !verdict.Fulfilled && verdict.BlockingDependencyId is { } blocking)
            {
                writer.WriteString("remarks", $"Umgesetzt, aber die vorausgesetzte Anforderung {blocking} ist nicht umgesetzt (UMS.1.1).");
            }
            else if (pair.Status == AnswerStatus.Open)
            {
                writer.WriteString("remarks", "Noch nicht bewertet.");
            }

            writer.WriteEndObject();
            if (ImplementationState(pair) is { } state)
            {
                writer.WriteStartObject("implementation-status");
                writer.WriteString("state", state);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            if (!string.IsNullOrWhiteSpace(pair.Justification))
            {
                writer.WriteString("remarks", pair.Justification);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The <c>status</c> prop: ja/teilweise/nein/entbehrlich/offen, or for Grundschutz++ umgesetzt/nicht-umgesetzt/entbehrlich/offen.</summary>
    public static string StatusValue(AnswerStatus status, CatalogFramework framework) => (status, framework) switch
    {
        (AnswerStatus.Ja, CatalogFramework.GrundschutzPlusPlus) => "umgesetzt",
        (AnswerStatus.Nein, CatalogFramework.GrundschutzPlusPlus) => "nicht-umgesetzt",
        (AnswerStatus.Ja, _) => "ja",
        (AnswerStatus.Teilweise, _) => "teilweise",
        (AnswerStatus.Nein, _) => "nein",
        (AnswerStatus.Entbehrlich, _) => "entbehrlich",
        _ => "offen",
    };

    /// <summary>DOMAIN.md §4.3: ja→implemented, teilweise→partial, nein→planned (with a due date), entbehrlich→not-applicable/alternative.</summary>
    private static string? ImplementationState(ScoredPair pair) => pair.Status switch
    {
        AnswerStatus.Ja => "implemented",
        AnswerStatus.Teilweise => "partial",
        AnswerStatus.Nein when pair.DueDate is not null => "planned",
        AnswerStatus.Entbehrlich when pair.EntbehrlichReason == EntbehrlichReason.AlternativeMeasure => "alternative",
        AnswerStatus.Entbehrlich => "not-applicable",
        _ => null,
    };
}
