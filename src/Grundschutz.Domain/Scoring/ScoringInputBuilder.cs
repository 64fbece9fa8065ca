using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Scoring;

/// <summary>Builds a <see cref="ScoringInput"/> from the assessment aggregate and the pinned catalogue.</summary>
public static class ScoringInputBuilder
{
    /// <summary>
    /// One <see cref="ScoredPair"/> per <see cref="Assessment.ApplicableQuestions"/> entry (module
    /// applied to the target object, requirement applicable under the approach, not withdrawn), in
    /// questionnaire order, with the stored answer (or status open when there is none). Extra facts
    /// are looked up by requirement id first, then by module id for fields still missing; a missing
    /// top group is the group id up to the first dot (<c>SYS.2.1</c> → <c>SYS</c>, <c>BER.6</c> → <c>BER</c>).
    /// </summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="catalog">Its pinned catalogue.</param>
    /// <param name="extraFacts">Title, effort level, top group and processing order by requirement or module id (see <see cref="FactsFrom"/>).</param>
    /// <param name="today">Reference date.</param>
    /// <param name="options">Options; defaults when null.</param>
    public static ScoringInput From(Assessment assessment, CatalogContext catalog, IReadOnlyDictionary<string, RequirementFacts> extraFacts, DateOnly today, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return From(
            assessment,
            assessment.Answers.Select(static a => new AnswerFacts(
                a.RequirementId, a.TargetObjectId, a.Status, a.EntbehrlichReason, a.Justification, a.ImplementationDescription,
                a.Owner, a.DueDate, a.CostEstimate, a.AssessedOn)),
            catalog,
            extraFacts,
            today,
            options);
    }

    /// <summary>
    /// Same as <see cref="From(Assessment, CatalogContext, IReadOnlyDictionary{string, RequirementFacts}, DateOnly, ScoringOptions?)"/>,
    /// with the answers given separately: the assessment is only read for its scope (target objects, module
    /// applications, adopted H requirements, approach), so it may be loaded without its answers.
    /// </summary>
    /// <param name="assessment">The assessment (its Answers collection is ignored).</param>
    /// <param name="answerFacts">The answers' values.</param>
    /// <param name="catalog">Its pinned catalogue.</param>
    /// <param name="extraFacts">Title, effort level, top group and processing order by requirement or module id.</param>
    /// <param name="today">Reference date.</param>
    /// <param name="options">Options; defaults when null.</param>
    public static ScoringInput From(Assessment assessment, IEnumerable<AnswerFacts> answerFacts, CatalogContext catalog, IReadOnlyDictionary<string, RequirementFacts> extraFacts, DateOnly today, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(answerFacts);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(extraFacts);
        var targetNames = new Dictionary<Guid, string>();
        foreach (var target in assessment.TargetObjects)
        {
            targetNames[target.Id] = target.Name;
        }

        var answers = new Dictionary<(string, Guid), AnswerFacts>();
        foreach (var a in answerFacts)
        {
            answers[(a.RequirementId, a.TargetObjectId)] = a;
        }

        var pairs = new List<ScoredPair>();
        foreach (var question in assessment.ApplicableQuestions(catalog))
        {
            var requirement = catalog.Find(question.RequirementId);
            if (requirement is null)
            {
                continue;
            }

            var own = extraFacts.GetValueOrDefault(requirement.RequirementId);
            var module = extraFacts.GetValueOrDefault(requirement.GroupId);
            answers.TryGetValue((question.RequirementId, question.TargetObjectId), out var answer);
            pairs.Add(WithAnswer(new ScoredPair
            {
                RequirementId = requirement.RequirementId,
                GroupId = requirement.GroupId,
                TopGroupId = own?.TopGroupId ?? module?.TopGroupId ?? DefaultTopGroup(requirement.GroupId),
                Level = requirement.Level,
                SecLevel = requirement.SecLevel,
                ModalVerb = requirement.EffectiveModalVerb,
                EffortLevel = own?.EffortLevel ?? module?.EffortLevel,
                ProcessingOrder = own?.ProcessingOrder ?? module?.ProcessingOrder,
                Title = own?.Title,
                TargetObjectId = question.TargetObjectId,
                TargetObjectName = targetNames.GetValueOrDefault(question.TargetObjectId, ""),
                Withdrawn = requirement.Withdrawn,
                RequiredDependencies = requirement.RequiredDependencies,
            }, answer));
        }

        return new ScoringInput(assessment.Framework, assessment.Approach, pairs, today, options);
    }

    /// <summary>
    /// The pair with the answer's values (status open and no values when <paramref name="answer"/> is null); the
    /// catalogue facts stay. Used for every pair by <c>From</c>, and by callers that keep a scored input and apply
    /// only the answers that changed since.
    /// </summary>
    /// <param name="pair">The pair.</param>
    /// <param name="answer">Its stored answer, or null.</param>
    public static ScoredPair WithAnswer(ScoredPair pair, AnswerFacts? answer)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair with
        {
            Status = answer?.Status ?? AnswerStatus.Open,
            EntbehrlichReason = answer?.EntbehrlichReason,
            Justification = answer?.Justification,
            ImplementationDescription = answer?.ImplementationDescription,
            Owner = answer?.Owner,
            DueDate = answer?.DueDate,
            CostEstimate = answer?.CostEstimate,
            AssessedOn = answer?.AssessedOn,
        };
    }

    /// <summary>
    /// Extra facts from the catalogue: per requirement its title, effort level, top group (the root
    /// of its group's parent chain) and the nearest processing order up the chain; per group its top
    /// group and processing order.
    /// </summary>
    /// <param name="requirements">The catalogue's requirements.</param>
    /// <param name="groups">The catalogue's groups (layers/modules, practices/topics).</param>
    public static IReadOnlyDictionary<string, RequirementFacts> FactsFrom(IEnumerable<Requirement> requirements, IEnumerable<CatalogGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(groups);
        var byId = new Dictionary<string, CatalogGroup>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            byId.TryAdd(group.Id, group);
        }

        var facts = new Dictionary<string, RequirementFacts>(StringComparer.Ordinal);
        foreach (var group in byId.Values)
        {
            facts[group.Id] = new RequirementFacts(group.Title, null, TopOf(group.Id, byId), OrderOf(group.Id, byId));
        }

        foreach (var requirement in requirements)
        {
            facts[requirement.Id] = new RequirementFacts(
                requirement.Title,
                requirement.EffortLevel,
                byId.ContainsKey(requirement.GroupId) ? TopOf(requirement.GroupId, byId) : DefaultTopGroup(requirement.GroupId),
                OrderOf(requirement.GroupId, byId));
        }

        return facts;
    }

    private static string DefaultTopGroup(string groupId)
    {
        var dot = groupId.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? groupId : groupId[..dot];
    }

    private static string TopOf(string groupId, Dictionary<string, CatalogGroup> byId)
    {
        var current = groupId;
        var seen = 0;
        while (byId.TryGetValue(current, out var group) && group.ParentId is { } parent && seen++ < byId.Count)
        {
            current = parent;
        }

        return current;
    }

    private static string? OrderOf(string groupId, Dictionary<string, CatalogGroup> byId)
    {
        var current = groupId;
        var seen = 0;
        while (byId.TryGetValue(current, out var group) && seen++ <= byId.Count)
        {
            if (group.ProcessingOrder is { } order)
            {
                return order;
            }

            if (group.ParentId is not { } parent)
            {
                break;
            }

            current = parent;
        }

        return null;
    }
}
