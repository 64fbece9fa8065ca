using System.Text;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments.Migration;

/// <summary>
/// Builds a Grundschutz++ draft from an IT-Grundschutz (Edition 2023) assessment and a mapping collection
/// (docs/oscal.md §Migration). Rules:
/// <list type="number">
/// <item>The draft has the same target objects. A Grundschutz++ control C is <em>reached</em> on target object T when a map
/// leads from a requirement R to C and R × T is applicable in the source assessment; C's topic is then applied to T.</item>
/// <item>C × T is prefilled „umgesetzt“ only when at least one map to C has a relationship in
/// <see cref="PrefillRelationships"/> (the source covers the whole control) and <em>every</em> such source R is „ja“ on T.
/// subset-of / intersects-with never prefill (the source covers only part of C); teilweise, nein, entbehrlich or open
/// sources never prefill. Everything else in the draft's scope needs an answer.</item>
/// <item>The prefilled answer's justification names the source assessment, the mapping and each justifying map;
/// its Datum der Erhebung is the oldest date of the justifying source answers (freshness is not reset).</item>
/// <item>Map targets missing in the chosen catalogue are reported (<see cref="MigrationPlan.StaleTargets"/>), never dropped
/// silently. A mapping (target catalogue) counts as relevant when at least one of its targets exists in the chosen catalogue.</item>
/// </list>
/// The draft is built through the aggregate's own methods (AddTargetObject, ApplyModule, RecordAnswer).
/// </summary>
public static class MigrationPlanner
{
    /// <summary>Relationships under which a fully „ja“ source prefills „umgesetzt“.</summary>
    public static readonly IReadOnlySet<string> PrefillRelationships =
        new HashSet<string>(StringComparer.Ordinal) { "equivalent-to", "equal-to", "superset-of" };

    /// <summary>Plans (and builds in memory) the draft; nothing is saved.</summary>
    /// <param name="source">The IT-Grundschutz assessment (with target objects, module applications and answers).</param>
    /// <param name="sourceCatalog">Its pinned catalogue.</param>
    /// <param name="maps">All entries of the chosen mapping collection.</param>
    /// <param name="targetCatalog">The chosen Grundschutz++ catalogue version.</param>
    /// <param name="targetVersionId">Its id (pinned in the draft).</param>
    /// <param name="approach">GS++ approach of the draft.</param>
    /// <param name="title">Title of the draft.</param>
    /// <param name="labels">Names for the justification text.</param>
    /// <param name="actor">The ISB creating the draft.</param>
    /// <param name="now">Current time.</param>
    /// <param name="draftId">The draft's id when the caller chose it in advance (see <see cref="Assessment.Create"/>).</param>
    public static MigrationPlan Plan(
        Assessment source,
        CatalogContext sourceCatalog,
        IReadOnlyList<MigrationMap> maps,
        CatalogContext targetCatalog,
        int targetVersionId,
        Approach approach,
        string title,
        MigrationSource labels,
        Actor actor,
        DateTimeOffset now,
        Guid? draftId = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceCatalog);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(targetCatalog);
        ArgumentNullException.ThrowIfNull(labels);
        if (source.Framework != CatalogFramework.ItGrundschutz)
        {
            throw new AssessmentRuleException("Übertragen lassen sich nur Bewertungen nach IT-Grundschutz (Kompendium).");
        }

        var relevantSets = maps.Where(m => targetCatalog.Find(m.TargetId) is not null).Select(m => m.SetIndex).ToHashSet();
        var relevant = maps.Where(m => relevantSets.Contains(m.SetIndex)).ToList();
        var bySource = relevant.ToLookup(m => m.SourceRequirementId, StringComparer.Ordinal);

        // Evidence per (control, source target object), in source questionnaire order.
        var evidence = new Dictionary<(string Control, Guid Target), List<MigrationEvidence>>();
        var stale = new Dictionary<(string Target, string Relationship), List<string>>();
        foreach (var question in source.ApplicableQuestions(sourceCatalog))
        {
            var answer = source.FindAnswer(question.RequirementId, question.TargetObjectId);
            foreach (var map in bySource[question.RequirementId])
            {
                if (targetCatalog.Find(map.TargetId) is null)
                {
                    var key = (map.TargetId, map.Relationship);
                    if (!stale.TryGetValue(key, out var sources))
                    {
                        stale[key] = sources = [];
                    }

                    if (!sources.Contains(map.SourceId))
                    {
                        sources.Add(map.SourceId);
                    }

                    continue;
                }

                var pair = (map.TargetId, question.TargetObjectId);
                if (!evidence.TryGetValue(pair, out var list))
                {
                    evidence[pair] = list = [];
                }

                list.Add(new MigrationEvidence(
                    map.SourceId,
                    map.SourceRequirementId,
                    answer?.Status ?? AnswerStatus.Open,
                    answer?.AssessedOn,
                    map.Relationship,
                    PrefillRelationships.Contains(map.Relationship)));
            }
        }

        var draft = Assessment.Create(source.MunicipalityId, targetVersionId, CatalogFramework.GrundschutzPlusPlus, approach, title, actor.UserId, now, draftId);
        var targetIds = new Dictionary<Guid, Guid>();
        var targetNames = new Dictionary<Guid, string>();
        foreach (var target in source.TargetObjects)
        {
            var created = draft.AddTargetObject(target.Name, target.Kind);
            targetIds[target.Id] = created.Id;
            targetNames[created.Id] = created.Name;
        }

        foreach (var (control, target) in evidence.Keys)
        {
            draft.ApplyModule(targetCatalog.Find(control)!.GroupId, targetIds[target]);
        }

        var applicable = draft.ApplicableQuestions(targetCatalog).Select(q => (q.RequirementId, q.TargetObjectId)).ToHashSet();
        var position = targetCatalog.Requirements.Select((r, i) => (r.RequirementId, i)).ToDictionary(x => x.RequirementId, x => x.i, StringComparer.Ordinal);
        var controls = new List<MigratedControl>();
        foreach (var ((control, sourceTarget), list) in evidence
            .OrderBy(e => position[e.Key.Control])
            .ThenBy(e => targetNames[targetIds[e.Key.Target]], StringComparer.Ordinal))
        {
            var draftTarget = targetIds[sourceTarget];
            var inScope = applicable.Contains((control, draftTarget));
            var qualifying = list.Where(e => e.Qualifies).ToList();
            var prefill = inScope && qualifying.Count > 0 && qualifying.TrueForAll(e => e.SourceStatus == AnswerStatus.Ja);
            var reason = !inScope ? "nicht im Prüfumfang der gewählten Vorgehensweise"
                : qualifying.Count == 0 ? "nur Teilabdeckung (subset-of/intersects-with): Antwort nötig"
                : prefill ? "alle vollständig abdeckenden Quellen „ja“"
                : "eine vollständig abdeckende Quelle ist nicht „ja“: Antwort nötig";
            if (prefill)
            {
                var requirement = targetCatalog.Find(control)!;
                var assessedOn = qualifying.Where(e => e.SourceAssessedOn is not null).Select(e => e.SourceAssessedOn).Min();
                draft.RecordAnswer(
                    new AnswerInput(control, draftTarget, AnswerStatus.Ja, Justification: Justification(source, labels, control, qualifying), AssessedOn: assessedOn),
                    0,
                    actor,
                    now,
                    requirement);
            }

            controls.Add(new MigratedControl(control, targetNames[draftTarget], prefill, inScope, reason, list));
        }

        var needsAnswer = draft.ApplicableQuestions(targetCatalog)
            .Where(q => draft.FindAnswer(q.RequirementId, q.TargetObjectId) is not { IsAnswered: true })
            .ToList();
        var staleTargets = stale
            .OrderBy(s => s.Key.Target, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Relationship, StringComparer.Ordinal)
            .Select(s => new StaleMappingTarget(s.Key.Target, s.Key.Relationship, s.Value))
            .ToList();
        var staleInCollection = relevant.Where(m => targetCatalog.Find(m.TargetId) is null).Select(m => m.TargetId).Distinct(StringComparer.Ordinal).Count();
        return new MigrationPlan(draft, controls, needsAnswer, staleTargets, staleInCollection);
    }

    private static string Justification(Assessment source, MigrationSource labels, string control, List<MigrationEvidence> qualifying)
    {
        var sb = new StringBuilder()
            .Append("Vorbelegt aus der Bewertung „").Append(source.Title).Append("“ (").Append(labels.SourceCatalog)
            .Append(") über die Zuordnung „").Append(labels.MappingTitle).Append("“ (").Append(labels.MappingVersion).Append("): ");
        sb.AppendJoin("; ", qualifying.Select(e => $"{e.SourceId} „ja“ {e.Relationship} {control}"));
        sb.Append(". Bitte prüfen und bestätigen.");
        var text = sb.ToString();
        return text.Length <= AnswerValidator.MaxTextLength ? text : text[..(AnswerValidator.MaxTextLength - 1)] + "…";
    }
}
