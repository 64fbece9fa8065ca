using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Workshops;

/// <summary>
/// Computes a <see cref="WorkshopSummary"/> for the facilitator who owns the workshop. This is the one place where a
/// facilitator's request reads assessments (they have no access to assessment pages): only scope and answer statuses
/// are loaded and only aggregates leave. A participant's current assessment is its newest not archived assessment on
/// the workshop's catalogue version; its pairs are restricted to the selected modules (all modules when none are
/// selected) and scored with the same <see cref="AssessmentScorer"/> as the report. Only participants whose ISB has
/// agreed (<c>ConsentedAt</c> set) are read at all: the others appear by name with <see cref="ParticipantProgress.Consented"/>
/// false and contribute nothing, not even to the common gaps.
/// </summary>
public sealed class WorkshopSummaryService(GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, TimeProvider time)
{
    /// <summary>The summary, or null when the workshop does not exist or belongs to another facilitator.</summary>
    public async Task<WorkshopSummary?> SummarizeAsync(Guid workshopId, string facilitatorUserId, CancellationToken cancellationToken)
    {
        var workshop = await db.Workshops.AsNoTracking()
            .Include(w => w.Participants)
            .Include(w => w.Modules)
            .AsSplitQuery()
            .FirstOrDefaultAsync(w => w.Id == workshopId && w.FacilitatorUserId == facilitatorUserId, cancellationToken);
        if (workshop is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == workshop.CatalogVersionId)
            .Select(v => new { v.Title, v.Version, v.Framework, v.Language })
            .FirstAsync(cancellationToken);
        var context = await contexts.GetAsync(db, workshop.CatalogVersionId, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, workshop.CatalogVersionId, cancellationToken);
        var modules = workshop.Modules.Select(m => m.GroupId).OrderBy(g => context.GroupPosition(g)).ThenBy(g => g, StringComparer.Ordinal).ToList();
        var selected = modules.ToHashSet(StringComparer.Ordinal);
        var municipalityIds = workshop.Participants.Select(p => p.MunicipalityId).ToList();
        var consented = workshop.Participants.Where(p => p.ConsentedAt is not null).Select(p => p.MunicipalityId).ToList();
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => municipalityIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Ags })
            .ToListAsync(cancellationToken);
        var candidates = await db.Assessments.AsNoTracking()
            .Where(a => consented.Contains(a.MunicipalityId) && a.CatalogVersionId == workshop.CatalogVersionId && a.State != AssessmentState.Archived)
            .Select(a => new { a.Id, a.MunicipalityId, a.CreatedAt })
            .ToListAsync(cancellationToken);

        // Newest per municipality; chosen in memory because SQLite cannot order by DateTimeOffset.
        var current = candidates
            .GroupBy(a => a.MunicipalityId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).First().Id);

        var participants = new List<ParticipantProgress>();
        var gaps = new Dictionary<string, (int Municipalities, int Nein, int Teilweise, string GroupId)>(StringComparer.Ordinal);
        foreach (var municipality in municipalities.OrderBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), true)).ThenBy(m => m.Ags, StringComparer.Ordinal))
        {
            if (!consented.Contains(municipality.Id))
            {
                participants.Add(new ParticipantProgress(municipality.Id, municipality.Name, municipality.Ags, null, null, null, Empty(""), [], [], Consented: false));
                continue;
            }

            if (!current.TryGetValue(municipality.Id, out var assessmentId))
            {
                participants.Add(new ParticipantProgress(municipality.Id, municipality.Name, municipality.Ags, null, null, null, Empty(""), [], []));
                continue;
            }

            var assessment = await db.Assessments.AsNoTracking()
                .Include(a => a.TargetObjects)
                .Include(a => a.ModuleApplications)
                .AsSplitQuery()
                .FirstAsync(a => a.Id == assessmentId, cancellationToken);
            var answers = await db.Answers.AsNoTracking()
                .Where(a => EF.Property<Guid>(a, "AssessmentId") == assessmentId)
                .Select(a => new AnswerFacts(
                    a.RequirementId, a.TargetObjectId, a.Status, a.EntbehrlichReason, a.Justification, a.ImplementationDescription,
                    a.Owner, a.DueDate, a.CostEstimate, a.AssessedOn))
                .ToListAsync(cancellationToken);
            var full = ScoringInputBuilder.From(assessment, answers, context, catalogFacts.Facts, today);
            var pairs = selected.Count == 0 ? full.Pairs : full.Pairs.Where(p => selected.Contains(p.GroupId)).ToList();
            var report = AssessmentScorer.Score(new ScoringInput(full.Framework, full.Approach, pairs, today, full.Options));
            participants.Add(new ParticipantProgress(
                municipality.Id,
                municipality.Name,
                municipality.Ags,
                assessment.Id,
                assessment.Title,
                assessment.State,
                Progress(report.Overall, null, version.Framework),
                [.. report.TopGroups.Select(s => Progress(s, catalogFacts.GroupTitle(s.Id), version.Framework))],
                [.. report.Groups.Select(s => Progress(s, catalogFacts.GroupTitle(s.Id), version.Framework))]));

            foreach (var requirement in pairs
                .Where(p => !p.Withdrawn && p.Status is AnswerStatus.Nein or AnswerStatus.Teilweise)
                .GroupBy(p => p.RequirementId, StringComparer.Ordinal))
            {
                var entry = gaps.TryGetValue(requirement.Key, out var known) ? known : (Municipalities: 0, Nein: 0, Teilweise: 0, requirement.First().GroupId);
                gaps[requirement.Key] = (
                    entry.Municipalities + 1,
                    entry.Nein + requirement.Count(p => p.Status == AnswerStatus.Nein),
                    entry.Teilweise + requirement.Count(p => p.Status == AnswerStatus.Teilweise),
                    entry.GroupId);
            }
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < context.Requirements.Count; i++)
        {
            order.TryAdd(context.Requirements[i].RequirementId, i);
        }

        var common = gaps
            .Select(g => new CommonGap(g.Key, catalogFacts.Facts.GetValueOrDefault(g.Key)?.Title, g.Value.GroupId, g.Value.Municipalities, g.Value.Nein, g.Value.Teilweise))
            .OrderByDescending(g => g.Municipalities)
            .ThenByDescending(g => g.Nein + g.Teilweise)
            .ThenBy(g => order.GetValueOrDefault(g.RequirementId, int.MaxValue))
            .ToList();
        return new WorkshopSummary(
            workshop.Id, workshop.Topic, workshop.Date, $"{version.Title} {version.Version}".Trim(), version.Framework, modules, today, participants, common)
        {
            Language = version.Language,
        };
    }

    private static ScopeProgress Empty(string id) => new(id, null, 0, 0, new Ratio(0, 0), new Ratio(0, 0));

    private static ScopeProgress Progress(ScopeScore score, string? title, CatalogFramework framework)
    {
        var gspp = framework == CatalogFramework.GrundschutzPlusPlus;
        return new ScopeProgress(
            score.Id,
            title,
            score.Pairs,
            score.Answered,
            (gspp ? score.NormalSdT : score.Basis).Strict,
            (gspp ? score.Erhoeht : score.BasisStandard).Strict);
    }
}
