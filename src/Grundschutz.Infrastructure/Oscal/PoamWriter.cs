using System.Globalization;
using System.Text.Json;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// Writes the Realisierungsplan (A.6) as an OSCAL 1.1.3 <c>plan-of-action-and-milestones</c>: one poam-item per action
/// plan entry (teilweise/nein pairs in the report's priority order) with target object, module, requirement, measure,
/// owner, due date, cost, priority rank and the overdue flag as product props (docs/oscal.md).
/// </summary>
public static class PoamWriter
{
    /// <summary>Writes the document (UTF-8 JSON) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, OscalExportSource source)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        var assessment = source.Assessment;
        var plan = source.Report.ActionPlan;
        using var writer = new Utf8JsonWriter(output, OscalWriting.Options);
        writer.WriteStartObject();
        writer.WriteStartObject("plan-of-action-and-milestones");
        writer.WriteString("uuid", OscalIds.Text(OscalIds.For(assessment.Id, "poam")));
        var metadataProps = new OscalWriting.Props()
            .Add(OscalNames.Ags, source.Ags)
            .Add(OscalNames.AssessmentTitle, assessment.Title)
            .Add(OscalNames.Framework, assessment.Framework.ToString())
            .Add(OscalNames.Approach, assessment.Approach.ToString());
        OscalWriting.WriteMetadata(writer, source, $"Realisierungsplan „{assessment.Title}“ – {source.MunicipalityName}".TrimEnd(' ', '–'), metadataProps);

        if (assessment.TargetObjects.Count > 0)
        {
            writer.WriteStartObject("local-definitions");
            writer.WriteStartArray("inventory-items");
            foreach (var target in assessment.TargetObjects.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id))
            {
                writer.WriteStartObject();
                writer.WriteString("uuid", OscalIds.Text(OscalWriting.TargetObjectId(assessment.Id, target.Id)));
                writer.WriteString("description", target.Name);
                new OscalWriting.Props().Add(OscalNames.TargetObjectKind, target.Kind).Write(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // poam-items is required with at least one item; an empty plan says so in one item instead of an invalid file.
        writer.WriteStartArray("poam-items");
        if (plan.Items.Count == 0)
        {
            writer.WriteStartObject();
            writer.WriteString("uuid", OscalIds.Text(OscalIds.For(assessment.Id, "poam-item/none")));
            writer.WriteString("title", "Keine offenen Maßnahmen");
            writer.WriteString("description", "Keine Anforderung hat den Status „teilweise“ oder „nein“; der Realisierungsplan ist leer.");
            writer.WriteEndObject();
        }

        foreach (var item in plan.Items)
        {
            var pair = item.Pair;
            writer.WriteStartObject();
            writer.WriteString("uuid", OscalIds.Text(OscalIds.For(assessment.Id, $"poam-item/{pair.RequirementId}/{pair.TargetObjectId:D}")));
            writer.WriteString("title", string.IsNullOrWhiteSpace(item.Title) ? pair.Label : $"{pair.Label}: {item.Title}");
            writer.WriteString("description", string.IsNullOrWhiteSpace(item.Measure) ? "Maßnahme noch nicht beschrieben." : item.Measure);
            new OscalWriting.Props()
                .Add(OscalNames.Rank, item.Rank.ToString(CultureInfo.InvariantCulture))
                .Add(OscalNames.Requirement, pair.RequirementId)
                .Add(OscalNames.Module, pair.GroupId)
                .Add(OscalNames.TargetObject, OscalIds.Text(OscalWriting.TargetObjectId(assessment.Id, pair.TargetObjectId)))
                .Add(OscalNames.Status, AssessmentResultsWriter.StatusValue(pair.Status, assessment.Framework))
                .Add(OscalNames.Owner, item.Owner)
                .Add(OscalNames.DueDate, item.DueDate is { } due ? OscalWriting.Date(due) : null)
                .Add(OscalNames.CostEstimate, item.CostEstimate?.ToString(CultureInfo.InvariantCulture))
                .Add(OscalNames.Overdue, item.IsOverdue ? "true" : "false")
                .Write(writer);
            writer.WriteStartArray("links");
            writer.WriteStartObject();
            writer.WriteString("href", "#" + OscalIds.Text(OscalWriting.TargetObjectId(assessment.Id, pair.TargetObjectId)));
            writer.WriteString("rel", "related");
            writer.WriteString("text", pair.TargetObjectName);
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (!string.IsNullOrWhiteSpace(pair.Justification))
            {
                writer.WriteString("remarks", pair.Justification);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        OscalWriting.WriteBackMatter(writer, source, withAssessmentPlanNote: false);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }
}
