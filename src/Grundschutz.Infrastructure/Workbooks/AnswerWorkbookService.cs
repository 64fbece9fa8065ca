using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Export.Excel;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Grundschutz.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>
/// The offline round trip of one assessment: export the questionnaire workbook, check an upload into a preview that
/// is stored under a random token (bound to user and assessment, expiring), and apply a confirmed preview in one
/// transaction through <see cref="Assessment.RecordAnswer"/> — the same domain method the questionnaire page uses,
/// so validation, versions and history (and anything else hooked onto answer recording) stay the same. Tenant
/// isolation stays with the caller, who passes the assessments the user may see.
/// </summary>
public sealed class AnswerWorkbookService(
    GrundschutzDbContext db,
    CatalogContextCache contexts,
    CatalogFactsCache facts,
    TimeProvider time,
    IOptions<AnswerWorkbookOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public AnswerWorkbookOptions Options => options.Value;

    /// <summary>The questionnaire workbook of assessment <paramref name="id"/>, or null when <paramref name="visible"/> does not contain it.</summary>
    public async Task<QuestionnaireExportFile?> ExportAsync(IQueryable<Assessment> visible, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var assessment = await visible.AsNoTracking()
            .Include(a => a.TargetObjects)
            .Include(a => a.ModuleApplications)
            .Include(a => a.Answers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var catalogFacts = await facts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == assessment.MunicipalityId)
            .Select(m => new { m.Name, m.Ags })
            .FirstAsync(cancellationToken);
        var version = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == assessment.CatalogVersionId)
            .Select(v => new { v.Title, v.Version })
            .FirstAsync(cancellationToken);
        var targets = assessment.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
        var answers = assessment.Answers.ToDictionary(a => (a.RequirementId, a.TargetObjectId));
        var rows = assessment.ApplicableQuestions(context).Select(q =>
        {
            var answer = answers.GetValueOrDefault((q.RequirementId, q.TargetObjectId));
            return new QuestionnaireRow(
                q.RequirementId,
                q.TargetObjectId,
                targets[q.TargetObjectId],
                ExportTexts.IdAndTitle(q.GroupId, catalogFacts.GroupTitle(q.GroupId)),
                catalogFacts.Facts.GetValueOrDefault(q.RequirementId)?.Title,
                answer?.Version ?? 0,
                answer?.Status ?? AnswerStatus.Open,
                answer?.EntbehrlichReason,
                answer?.Justification,
                answer?.ImplementationDescription,
                answer?.Owner,
                answer?.DueDate,
                answer?.CostEstimate,
                answer?.AssessedOn,
                answer?.Interviewees);
        }).ToList();

        var now = time.GetUtcNow();
        var header = new QuestionnaireHeader(
            assessment.Id, assessment.Title, municipality.Name, municipality.Ags, assessment.CatalogVersionId,
            $"{version.Title} {version.Version}".Trim(), assessment.Framework, assessment.Approach, now);
        using var output = new MemoryStream();
        QuestionnaireWorkbook.Write(output, header, rows);
        var fileDate = ExportTexts.GermanTime(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new QuestionnaireExportFile($"Fragebogen-{municipality.Ags}-{fileDate}.xlsx", output.ToArray(), rows.Count);
    }

    /// <summary>
    /// The part of the aggregate <see cref="CheckAsync"/> needs, read-only: scope, assignments and the current
    /// answers, without answer history, evidence and transitions (for a full Kompendium assessment those are hundreds
    /// of thousands of rows that the check never reads). <paramref name="visible"/> keeps tenant isolation with the caller.
    /// </summary>
    public static IQueryable<Assessment> ForCheck(IQueryable<Assessment> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        return visible.AsNoTracking()
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments)
            .Include(a => a.Answers)
            .AsSplitQuery();
    }

    /// <summary>
    /// The tracked aggregate <see cref="ConfirmAsync"/> changes, without the answers' history and evidence: new
    /// history entries are chained from <see cref="Answer.ChainHead"/> and <see cref="Answer.ChainLength"/> (the head is
    /// a concurrency token), so the old entries are not needed to append — loading them was most of the confirm time.
    /// </summary>
    public static IQueryable<Assessment> ForConfirm(IQueryable<Assessment> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        return visible
            .Include(a => a.TargetObjects).Include(a => a.ModuleApplications).Include(a => a.ModuleExclusions)
            .Include(a => a.ContributorAssignments).Include(a => a.Transitions)
            .Include(a => a.Answers)
            .AsSplitQuery();
    }

    /// <summary>
    /// Reads and checks an upload against <paramref name="assessment"/> (loaded with <see cref="ForCheck"/> or the
    /// whole aggregate; only current answers are read) and stores the preview.
    /// Throws <see cref="WorkbookRejectedException"/> for a file refused as a whole; nothing is changed either way.
    /// </summary>
    /// <returns>The token of the stored preview and the preview.</returns>
    public async Task<(Guid Token, AnswerWorkbookPreview Preview)> CheckAsync(
        Assessment assessment, Stream content, string fileName, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        if (!assessment.CanEditAnswers)
        {
            throw new WorkbookRejectedException(MessageText.Of(
                "Die Bewertung ist im Zustand „{0}“; Antworten können nicht geändert werden, auch nicht per Excel-Import.", new Term(AssessmentTexts.StateName(assessment.State))));
        }

        var parsed = QuestionnaireWorkbookReader.Read(content, options.Value);
        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var now = time.GetUtcNow();
        var cleanName = Path.GetFileName(fileName);
        cleanName = cleanName.Length > 200 ? cleanName[..200] : cleanName;
        var preview = AnswerWorkbookCheck.Check(assessment, context, parsed, actor, DateOnly.FromDateTime(now.UtcDateTime), cleanName);

        // This user's earlier preview of this assessment and everyone's expired ones are dropped here, so the table
        // stays small (the expiry is compared in memory: SQLite cannot compare DateTimeOffset in SQL).
        var stored = await db.PendingWorkbookImports.AsNoTracking()
            .Select(p => new { p.Token, p.AssessmentId, p.UserId, p.ExpiresAt })
            .ToListAsync(cancellationToken);
        var stale = stored
            .Where(p => p.ExpiresAt < now || (p.AssessmentId == assessment.Id && p.UserId == actor.UserId))
            .Select(p => p.Token)
            .ToList();
        if (stale.Count > 0)
        {
            await db.PendingWorkbookImports.Where(p => stale.Contains(p.Token)).ExecuteDeleteAsync(cancellationToken);
        }
        var pending = new PendingWorkbookImport
        {
            Token = Guid.NewGuid(),
            AssessmentId = assessment.Id,
            UserId = actor.UserId,
            FileName = cleanName,
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(options.Value.PendingMinutes),
            Payload = JsonSerializer.Serialize(preview, Json),
        };
        db.PendingWorkbookImports.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return (pending.Token, preview);
    }

    /// <summary>The stored preview for this token, assessment and user, or null when there is none or it expired.</summary>
    public async Task<StoredWorkbookPreview?> LoadPreviewAsync(Guid assessmentId, Guid token, string userId, CancellationToken cancellationToken)
    {
        var pending = await FindAsync(assessmentId, token, userId, cancellationToken);
        return pending is null || JsonSerializer.Deserialize<AnswerWorkbookPreview>(pending.Payload, Json) is not { } preview
            ? null
            : new StoredWorkbookPreview(preview, pending.ExpiresAt);
    }

    /// <summary>Drops a stored preview (the user discarded it).</summary>
    /// <returns>False when there was no such preview (expired, confirmed or discarded meanwhile, or someone else's).</returns>
    public async Task<bool> DiscardAsync(Guid assessmentId, Guid token, string userId, CancellationToken cancellationToken) =>
        await db.PendingWorkbookImports.Where(p => p.Token == token && p.AssessmentId == assessmentId && p.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Applies a stored preview to <paramref name="assessment"/> (tracked, loaded with <see cref="ForConfirm"/> or as the
    /// whole aggregate) in one transaction: every
    /// change through <see cref="Assessment.RecordAnswer"/> with its exported version. Any refusal — a new conflict
    /// since the preview, a rule, the state — throws <see cref="WorkbookRejectedException"/> and nothing is saved.
    /// </summary>
    /// <returns>The number of answers changed.</returns>
    public async Task<int> ConfirmAsync(Assessment assessment, Guid token, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(actor);
        var pending = await FindAsync(assessment.Id, token, actor.UserId, cancellationToken)
            ?? throw new WorkbookRejectedException(MessageText.Of("Diese Vorschau gibt es nicht (mehr): Sie ist abgelaufen, wurde schon übernommen oder gehört nicht zu Ihnen. Bitte die Datei erneut hochladen."));
        var preview = JsonSerializer.Deserialize<AnswerWorkbookPreview>(pending.Payload, Json)
            ?? throw new WorkbookRejectedException(MessageText.Of("Die Vorschau ist beschädigt. Bitte die Datei erneut hochladen."));
        if (!preview.CanConfirm)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei enthält fehlerhafte Zeilen oder keine Änderungen; sie kann so nicht übernommen werden."));
        }

        var context = await contexts.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        foreach (var change in preview.Changes)
        {
            var requirement = context.Find(change.RequirementId)
                ?? throw new WorkbookRejectedException(MessageText.Of("{0} gibt es im Katalog nicht mehr. Es wurde nichts übernommen.", change.RequirementId));
            try
            {
                var result = assessment.RecordAnswer(change.Values, change.ExpectedVersion, actor, now, requirement, today);
                changed += result.Changed ? 1 : 0;
            }
            catch (AnswerConflictException)
            {
                throw new WorkbookRejectedException(MessageText.Of(
                    "{0} für „{1}“ wurde seit der Vorschau im Portal geändert. Es wurde nichts übernommen; bitte die Datei erneut hochladen und die Vorschau prüfen.", change.RequirementId, change.TargetObjectName));
            }
            catch (AnswerValidationException ex)
            {
                throw new WorkbookRejectedException(RowRefused(change.Row, change.RequirementId, MessageText.Join(" ", ex.Errors)));
            }
            catch (AssessmentRuleException ex)
            {
                throw new WorkbookRejectedException(RowRefused(change.Row, change.RequirementId, ex));
            }
        }

        db.PendingWorkbookImports.Remove(pending);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new WorkbookRejectedException(MessageText.Of("Während der Übernahme wurden Antworten dieser Bewertung gleichzeitig geändert. Es wurde nichts übernommen; bitte die Datei erneut hochladen."));
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>A row refused on confirm, with the reason (a message).</summary>
    private static MessageText RowRefused(int row, string requirementId, ITranslatableMessage reason) =>
        MessageText.Of("Zeile {0} ({1}): {2} Es wurde nichts übernommen.", row, requirementId, reason);

    private async Task<PendingWorkbookImport?> FindAsync(Guid assessmentId, Guid token, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = await db.PendingWorkbookImports
            .FirstOrDefaultAsync(p => p.Token == token && p.AssessmentId == assessmentId && p.UserId == userId, cancellationToken);

        // SQLite cannot compare DateTimeOffset in SQL; the expiry is checked here.
        return pending is not null && pending.ExpiresAt >= now ? pending : null;
    }
}
