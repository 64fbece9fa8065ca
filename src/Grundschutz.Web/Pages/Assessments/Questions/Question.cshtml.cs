using System.Globalization;
using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Pages.Assessments.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments.Questions;

/// <summary>
/// The questionnaire (IT-Grundschutz-Check / Grundschutz++ check): one requirement on one target object per
/// page, in the navigator's order. Saving goes through <see cref="Assessment.RecordAnswer"/> with the version the
/// form was loaded with, so a concurrent change by someone else is shown side by side instead of being
/// overwritten. Evidence files are uploaded and removed here as well; downloads live in Evidence/Download.
/// </summary>
[Authorize]
[EvidenceUploadLimit(UploadHandler)]
public sealed class QuestionModel(
    GrundschutzDbContext db,
    CatalogContextCache catalogs,
    QuestionnaireCache questionnaires,
    EvidenceStore evidenceStore,
    TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The named handler of the evidence upload form.</summary>
    public const string UploadHandler = "Upload";

    /// <summary>Name and id of the file input (errors are keyed by it, so the summary links to it).</summary>
    public const string UploadField = "upload";

    /// <summary>Sent by questionnaire.js: answer with JSON instead of a redirect.</summary>
    public const string AutosaveHeader = "X-Autosave";

    /// <summary>How many of an answer's history entries the page shows unless the whole history is asked for.</summary>
    public const int HistoryShown = 50;

    /// <summary>Query value of <c>verlauf</c> that shows an answer's whole history.</summary>
    public const string WholeHistory = "alle";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public QuestionView View { get; private set; } = null!;

    /// <summary>The language of the catalogue's texts (BCP 47) for their <c>lang</c> attribute (WCAG 3.1.2).</summary>
    public string TextLanguage { get; private set; } = CatalogLanguage.German;

    /// <summary>Set when the save ran into someone else's newer version.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>What is still missing in the current answer (saved, but blocks submitting).</summary>
    public IReadOnlyList<AnswerValidationError> CurrentIssues { get; private set; } = [];

    /// <summary>The missing parts of the answer saved just before (another question), carried across the redirect.</summary>
    public CarriedIssues? PreviousIssues { get; private set; }

    public string UploadLimit => EvidenceStore.FormatSize(evidenceStore.MaxFileBytes, CultureInfo.CurrentCulture);

    public IReadOnlyList<string> UploadExtensions => evidenceStore.AllowedExtensions;

    private bool IsAutosave => string.Equals(Request.Headers[AutosaveHeader], "1", StringComparison.Ordinal);

    private bool showWholeHistory;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, int? position, string? verlauf, CancellationToken cancellationToken)
    {
        showWholeHistory = string.Equals(verlauf, WholeHistory, StringComparison.Ordinal);
        var page = await LoadAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        if (position is null)
        {
            var resume = page.Navigator.ResumePosition;
            if (resume is null)
            {
                TempData["StatusMessage"] = t["Diese Bewertung hat noch keine Fragen: Bitte zuerst Zielobjekte und Bausteine festlegen."].Value;
                return LocalRedirect(QuestionLinks.Overview(id));
            }

            return LocalRedirect(QuestionLinks.Question(id, resume.Position));
        }

        if (position.Value < 0 || position.Value >= page.Navigator.Questions.Count)
        {
            return NotFound();
        }

        var question = page.Navigator.Questions[position.Value];
        var answer = await AssessmentAccess.LoadAnswerAsync(db, id, question.RequirementId, question.TargetObjectId, cancellationToken);
        Input = InputModel.From(answer, question, Today);
        if (answer is { IsAnswered: true })
        {
            CurrentIssues = AnswerValidator.Validate(answer.ToInput(), page.Catalog.Find(question.RequirementId)!, Today)
                .Where(e => e.Severity == AnswerIssueSeverity.Incomplete)
                .ToList();
        }

        if (TempData[EvidenceUploadLimitAttribute.TempDataKey] is string uploadError)
        {
            ModelState.AddModelError(UploadField, uploadError);
        }

        if (TempData[CarriedIssues.TempDataKey] is string carried)
        {
            var issues = JsonSerializer.Deserialize<CarriedIssues>(carried);
            PreviousIssues = issues is not null && (issues.RequirementId != question.RequirementId || issues.TargetObjectId != question.TargetObjectId) ? issues : null;
        }

        await BuildViewAsync(page, question, cancellationToken);
        return Page();
    }

    /// <summary>"Speichern und weiter" (next open question) and "Speichern" (after=stay); JSON for autosave.</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid id, string? after, CancellationToken cancellationToken)
    {
        // The hot path: the assessment head, the cached navigator and the one answer being recorded (see LoadAsync).
        var page = await LoadAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        // The hidden fields are the app's own: one that cannot be read (a version "abc" would bind as 0 and skip the
        // conflict check on a new answer) means a forged or broken request, not a typing error.
        if (HiddenFieldUnreadable())
        {
            return BadRequest();
        }

        // The hidden pair, not the position in the URL, says what is answered: positions move when the scope changes.
        var question = page.Navigator.Find(Input.RequirementId ?? "", Input.TargetObjectId);
        if (question is null)
        {
            return NotFound();
        }

        await AssessmentAccess.LoadModuleApplicationAsync(db, page.Assessment, question.GroupId, question.TargetObjectId, cancellationToken);
        await AssessmentAccess.LoadAnswerAsync(db, id, question.RequirementId, question.TargetObjectId, cancellationToken);

        var values = ParseInput(question);
        if (values is null)
        {
            return await RedisplayAsync(page, question, cancellationToken);
        }

        if (!AssessmentAccess.IsOwnMunicipality(page.User, page.Assessment.MunicipalityId))
        {
            ModelState.AddModelError(string.Empty, t["Sie können die Antworten dieser Bewertung nur ansehen."]);
            return await RedisplayAsync(page, question, cancellationToken);
        }

        RecordAnswerResult result;
        try
        {
            result = page.Assessment.RecordAnswer(values, Input.Version, page.User.ToActor(), time.GetUtcNow(), page.Catalog.Find(question.RequirementId)!, Today);
        }
        catch (AnswerConflictException ex)
        {
            return await ConflictAsync(page, question, ex.Current, values, cancellationToken);
        }
        catch (AnswerValidationException ex)
        {
            foreach (var error in ex.Errors.Where(e => e.Severity == AnswerIssueSeverity.Invalid))
            {
                ModelState.AddModelError($"{nameof(Input)}.{error.Field}", DomainText.Of(t, error));
            }

            CurrentIssues = ex.Errors.Where(e => e.Severity == AnswerIssueSeverity.Incomplete).ToList();
            return await RedisplayAsync(page, question, cancellationToken);
        }
        catch (AssessmentRuleException ex)
        {
            ModelState.AddModelError(string.Empty, DomainText.Of(t, ex));
            return await RedisplayAsync(page, question, cancellationToken);
        }

        if (result.Changed)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone saved between our load and our write (the version is a concurrency token, the pair is unique).
                db.ChangeTracker.Clear();
                var reloaded = await LoadAsync(id, cancellationToken);
                if (reloaded is not null)
                {
                    await AssessmentAccess.LoadModuleApplicationAsync(db, reloaded.Assessment, question.GroupId, question.TargetObjectId, cancellationToken);
                    await AssessmentAccess.LoadAnswerAsync(db, id, question.RequirementId, question.TargetObjectId, cancellationToken);
                }

                var current = reloaded?.Assessment.FindAnswer(question.RequirementId, question.TargetObjectId)?.ToSnapshot();
                var again = reloaded?.Navigator.Find(question.RequirementId, question.TargetObjectId);
                if (reloaded is null || current is null || again is null || current.Version == Input.Version)
                {
                    throw;
                }

                return await ConflictAsync(reloaded, again, current, values, cancellationToken);
            }
        }

        // The questionnaire as loaded, with the recorded answer's new progress (kept for the next request when no one
        // else saved in between).
        var navigator = result.Changed
            ? questionnaires.Saved(db, page.Assessment, page.Questionnaire, result.Answer)
            : page.Navigator;
        var here = navigator.Find(question.RequirementId, question.TargetObjectId)!;
        if (IsAutosave)
        {
            return new JsonResult(new
            {
                saved = true,
                changed = result.Changed,
                version = result.Answer.Version,
                message = t["Gespeichert"].Value,
                issues = result.Issues.Select(i => new { field = i.Field, message = DomainText.Of(t, i) }),
            });
        }

        TempData["StatusMessage"] = result.Changed
            ? t["Die Antwort zu {0} ({1}) wurde gespeichert.", question.RequirementId, question.TargetObjectName].Value
            : t["Keine Änderungen an der Antwort zu {0} ({1}).", question.RequirementId, question.TargetObjectName].Value;
        if (result.Issues.Count > 0)
        {
            TempData[CarriedIssues.TempDataKey] = JsonSerializer.Serialize(new CarriedIssues(
                question.RequirementId, question.TargetObjectId, question.TargetObjectName, here.Position,
                result.Issues.Select(i => new CarriedIssues.Issue(i.Field, DomainText.Of(t, i))).ToList()));
        }

        if (string.Equals(after, "stay", StringComparison.Ordinal))
        {
            return LocalRedirect(QuestionLinks.Question(id, here.Position));
        }

        var next = navigator.NextOpen(here.Position);
        if (next is null)
        {
            TempData["StatusMessage"] = TempData["StatusMessage"] + " " + t["Alle Fragen sind beantwortet."].Value;
            return LocalRedirect(QuestionLinks.Overview(id));
        }

        return LocalRedirect(QuestionLinks.Question(id, next.Position));
    }

    /// <summary>Uploads an evidence file for the answer of one pair (the body size was checked by <see cref="EvidenceUploadLimitAttribute"/>).</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, string? requirementId, Guid targetObjectId, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var question = page.Navigator.Find(requirementId ?? "", targetObjectId);
        if (question is null)
        {
            return NotFound();
        }

        await AssessmentAccess.LoadModuleApplicationAsync(db, page.Assessment, question.GroupId, question.TargetObjectId, cancellationToken);
        await AssessmentAccess.LoadAnswerAsync(db, id, question.RequirementId, question.TargetObjectId, cancellationToken);

        var actor = page.User.ToActor();
        if (!page.Assessment.CanEditAnswers || !page.Assessment.CanAnswer(actor, question.GroupId)
            || !AssessmentAccess.IsOwnMunicipality(page.User, page.Assessment.MunicipalityId))
        {
            // Checked before the bytes are stored; the domain checks again when attaching.
            ModelState.AddModelError(UploadField, ReadOnlyReason(page, question));
            return await RedisplayStoredAsync(page, question, cancellationToken);
        }

        var file = Request.HasFormContentType ? Request.Form.Files.GetFile(UploadField) : null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(UploadField, t["Bitte eine Datei auswählen (sie darf nicht leer sein)."]);
            return await RedisplayStoredAsync(page, question, cancellationToken);
        }

        StoredEvidence stored;
        try
        {
            stored = await evidenceStore.SaveAsync(file.FileName, file.Length, file.OpenReadStream, cancellationToken);
        }
        catch (EvidenceRejectedException ex)
        {
            ModelState.AddModelError(UploadField, DomainText.Of(t, ex));
            return await RedisplayStoredAsync(page, question, cancellationToken);
        }

        try
        {
            page.Assessment.AttachEvidence(
                page.Catalog.Find(question.RequirementId)!, question.TargetObjectId, stored.FileName, stored.StorageKey, stored.SizeBytes,
                stored.ContentType, actor, time.GetUtcNow());
        }
        catch (AssessmentRuleException ex)
        {
            ModelState.AddModelError(UploadField, DomainText.Of(t, ex));
            return await RedisplayStoredAsync(page, question, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = stored.AlreadyStored
            ? t["Der Nachweis „{0}“ wurde angehängt (die gleiche Datei war bereits gespeichert).", stored.FileName].Value
            : t["Der Nachweis „{0}“ wurde hochgeladen.", stored.FileName].Value;
        return LocalRedirect(QuestionLinks.Question(id, question.Position) + "#evidence");
    }

    /// <summary>Removes an evidence reference from its answer (the stored bytes stay: other answers may share them).</summary>
    public async Task<IActionResult> OnPostDeleteEvidenceAsync(Guid id, int? position, Guid evidenceId, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(id, cancellationToken);
        var answer = page is null ? null : await AssessmentAccess.LoadAnswerWithEvidenceAsync(db, id, evidenceId, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        if (answer is null)
        {
            // Removed already (a double click, a second tab, the page from „Zurück“): say so on the question the form
            // came from instead of a 404. An id that belongs to another assessment stays a 404.
            if (await db.Set<EvidenceFile>().AnyAsync(e => e.Id == evidenceId, cancellationToken))
            {
                return NotFound();
            }

            TempData["StatusMessage"] = t["Dieser Nachweis ist nicht mehr vorhanden; er wurde bereits entfernt."].Value;
            return LocalRedirect(position is { } at && at >= 0 && at < page.Navigator.Questions.Count
                ? QuestionLinks.Question(id, at) + "#evidence"
                : QuestionLinks.Questions(id));
        }

        var question = page.Navigator.Find(answer.RequirementId, answer.TargetObjectId);
        var fileName = answer.Evidence.First(e => e.Id == evidenceId).FileName;
        try
        {
            if (!AssessmentAccess.IsOwnMunicipality(page.User, page.Assessment.MunicipalityId))
            {
                throw new AssessmentRuleException(t["Sie können die Antworten dieser Bewertung nur ansehen."]);
            }

            page.Assessment.RemoveEvidence(evidenceId, page.User.ToActor(), time.GetUtcNow());
        }
        catch (AssessmentRuleException ex)
        {
            if (question is null)
            {
                TempData["StatusMessage"] = DomainText.Of(t, ex);
                return LocalRedirect(QuestionLinks.Questions(id));
            }

            ModelState.AddModelError(string.Empty, DomainText.Of(t, ex));
            return await RedisplayStoredAsync(page, question, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = t["Der Nachweis „{0}“ wurde entfernt.", fileName].Value;
        return LocalRedirect(question is null ? QuestionLinks.Questions(id) : QuestionLinks.Question(id, question.Position) + "#evidence");
    }

    /// <summary>
    /// Loads the page's assessment (<see cref="AssessmentAccess.LoadHeadAsync"/>: target objects and contributor
    /// assignments) and the navigator from <see cref="QuestionnaireCache"/> (built from the scope and the progress rows
    /// of all answers, or brought up to date with those saved since it was cached). Each handler adds the one answer
    /// it shows or changes (<see cref="AssessmentAccess.LoadAnswerAsync"/>,
    /// <see cref="AssessmentAccess.LoadAnswerWithEvidenceAsync"/>) and, to record, the one module application the
    /// domain checks; no handler needs every answer or module application entity.
    /// </summary>
    private async Task<PageData?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        // One connection for the whole request (the context closes it when it is disposed) instead of one per
        // statement: opening a pooled SQLite connection registers EF Core's SQL functions on it again each time.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var assessment = await AssessmentAccess.LoadHeadAsync(db, user, id, cancellationToken);
        if (assessment is null || user is null)
        {
            return null;
        }

        var catalog = await catalogs.GetAsync(db, assessment.CatalogVersionId, cancellationToken);
        var questionnaire = await questionnaires.GetAsync(db, assessment, catalog, cancellationToken);
        return new PageData(assessment, catalog, questionnaire, user);
    }

    private bool HiddenFieldUnreadable() =>
        ModelState.TryGetValue($"{nameof(Input)}.{nameof(InputModel.Version)}", out var version) && version.Errors.Count > 0
        || ModelState.TryGetValue($"{nameof(Input)}.{nameof(InputModel.TargetObjectId)}", out var target) && target.Errors.Count > 0;

    /// <summary>Turns the form strings into domain input; null (with model errors) when something cannot be read.</summary>
    private AnswerInput? ParseInput(Question question)
    {
        var ok = true;
        void Error(string field, string message)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            ok = false;
        }

        if (!AnswerForm.TryParseName<AnswerStatus>(Input.Status, out var status))
        {
            Error(nameof(InputModel.Status), t["Bitte einen der angebotenen Umsetzungsstatus wählen."]);
        }

        if (!AnswerForm.TryParseName<EntbehrlichReason>(Input.EntbehrlichReason, out var reason))
        {
            Error(nameof(InputModel.EntbehrlichReason), t["Bitte einen der angebotenen Gründe wählen."]);
        }

        if (!AnswerForm.TryParseDate(Input.DueDate, out var dueDate))
        {
            Error(nameof(InputModel.DueDate), t["Bitte für „Umsetzung bis“ ein gültiges Datum angeben, z. B. 31.12.2026."]);
        }

        if (!AnswerForm.TryParseDate(Input.AssessedOn, out var assessedOn))
        {
            Error(nameof(InputModel.AssessedOn), t["Bitte für „Datum der Erhebung“ ein gültiges Datum angeben, z. B. 23.11.2026."]);
        }

        if (!AnswerForm.TryParseCost(Input.CostEstimate, out var cost))
        {
            Error(nameof(InputModel.CostEstimate), t["Bitte die Kostenschätzung als Betrag in Euro angeben, z. B. 1.250,50 (höchstens zwei Nachkommastellen)."]);
        }
        else if (cost > AnswerForm.MaxCost || cost < -AnswerForm.MaxCost)
        {
            Error(nameof(InputModel.CostEstimate), t["Die Kostenschätzung ist zu groß."]);
        }

        return ok
            ? new AnswerInput(
                question.RequirementId, question.TargetObjectId, status ?? AnswerStatus.Open, reason, Input.Justification,
                Input.ImplementationDescription, Input.Owner, dueDate, cost, assessedOn, Input.Interviewees)
            : null;
    }

    private async Task<IActionResult> RedisplayAsync(PageData page, Question question, CancellationToken cancellationToken)
    {
        if (IsAutosave)
        {
            var errors = ModelState
                .Where(e => e.Value is { Errors.Count: > 0 })
                .SelectMany(e => e.Value!.Errors.Select(x => new { field = e.Key, message = x.ErrorMessage }))
                .ToList();
            return new JsonResult(new { saved = false, errors }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }

        await BuildViewAsync(page, question, cancellationToken);
        return Page();
    }

    /// <summary>Re-renders after an upload/delete problem: the answer form shows the stored values (it was not posted).</summary>
    private Task<IActionResult> RedisplayStoredAsync(PageData page, Question question, CancellationToken cancellationToken)
    {
        Input = InputModel.From(page.Assessment.FindAnswer(question.RequirementId, question.TargetObjectId), question, Today);
        return RedisplayAsync(page, question, cancellationToken);
    }

    private async Task<IActionResult> ConflictAsync(PageData page, Question question, AnswerSnapshot current, AnswerInput mine, CancellationToken cancellationToken)
    {
        if (IsAutosave)
        {
            // Autosave never resolves a conflict: the user has to look at both versions (the next manual save shows them).
            return new JsonResult(new { saved = false, conflict = true, message = t["Jemand anderes hat diese Antwort inzwischen geändert. Bitte „Speichern“ wählen, um beide Fassungen zu vergleichen."].Value })
            {
                StatusCode = StatusCodes.Status409Conflict,
            };
        }

        var names = await DisplayNamesAsync([current.UpdatedByUserId], cancellationToken);
        Conflict = new ConflictView(
            current.Version,
            current.UpdatedByUserId is null ? null : names.GetValueOrDefault(current.UpdatedByUserId, current.UpdatedByUserId),
            current.UpdatedAt,
            AnswerDisplay.Values(t, current.Values, page.Assessment.Framework),
            AnswerDisplay.Values(t, mine, page.Assessment.Framework));

        // The form keeps the user's input but now carries the stored version: saving again overwrites on purpose.
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
        await BuildViewAsync(page, question, cancellationToken);
        return Page();
    }

    private string ReadOnlyReason(PageData page, Question question)
    {
        if (!page.Assessment.CanEditAnswers)
        {
            return t["Die Bewertung ist im Zustand „{0}“: Antworten und Nachweise können nicht geändert werden.", t[AssessmentTexts.StateName(page.Assessment.State)]].Value;
        }

        return page.User.IsContributor && !page.User.IsIsb && AssessmentAccess.IsOwnMunicipality(page.User, page.Assessment.MunicipalityId)
            ? t["Der Baustein {0} ist Ihnen nicht zugewiesen: Sie können die Antworten nur ansehen.", question.GroupId].Value
            : t["Sie können die Antworten dieser Bewertung nur ansehen."].Value;
    }

    private async Task BuildViewAsync(PageData page, Question question, CancellationToken cancellationToken)
    {
        var assessment = page.Assessment;
        var navigator = page.Navigator;
        var versionId = assessment.CatalogVersionId;
        var framework = assessment.Framework;

        TextLanguage = await catalogs.GetLanguageAsync(db, versionId, cancellationToken);
        var row = await catalogs.GetRequirementTextAsync(db, versionId, question.RequirementId, cancellationToken);
        var requirement = row is null
            ? new QuestionView.RequirementText(question.RequirementId, "", "", null, null, null, null, null, [], null)
            : new QuestionView.RequirementText(
                question.RequirementId, row.Title, row.Statement, row.Guidance, row.Level, row.SecLevel, row.ModalVerb, row.EffortLevel,
                row.Roles.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), row.Documentation);

        var groups = await catalogs.GetGroupsAsync(db, versionId, cancellationToken);
        var modules = navigator.Modules.Select(m =>
        {
            var inModule = navigator.InModule(m.GroupId);
            var group = groups.GetValueOrDefault(m.GroupId);
            return new QuestionView.ModuleRow(
                m.GroupId, group?.Title ?? "", group?.Kind ?? GroupKind.Module, m.Answered, m.Total, inModule[0].Position,
                inModule.FirstOrDefault(q => q.IsOpen)?.Position);
        }).ToList();

        var answer = assessment.FindAnswer(question.RequirementId, question.TargetObjectId);
        // Authors' names come with the history and evidence rows; one more query only for a name not among them.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var (history, historyTotal) = answer is null
            ? ([], 0)
            : await AssessmentAccess.LoadHistoryAsync(db, answer.Id, showWholeHistory ? null : HistoryShown, names, cancellationToken);
        var evidence = answer is null ? [] : await AssessmentAccess.LoadEvidenceAsync(db, answer.Id, names, cancellationToken);
        if (answer?.UpdatedByUserId is { } updatedBy && !names.ContainsKey(updatedBy))
        {
            foreach (var (id, name) in await DisplayNamesAsync([updatedBy], cancellationToken))
            {
                names[id] = name;
            }
        }

        string Name(string userId) => names.GetValueOrDefault(userId, userId);
        var fieldOrder = AnswerDisplay.Fields.ToList();

        var target = assessment.TargetObjects.First(o => o.Id == question.TargetObjectId);
        var nextOpen = navigator.NextOpen(question.Position);
        var canEdit = assessment.CanEditAnswers && assessment.CanAnswer(page.User.ToActor(), question.GroupId)
            && AssessmentAccess.IsOwnMunicipality(page.User, assessment.MunicipalityId);

        View = new QuestionView(
            assessment.Id,
            assessment.Title,
            assessment.State,
            framework,
            question.Position,
            navigator.Questions.Count,
            requirement,
            question.GroupId,
            target.Id,
            target.Name,
            target.Kind,
            modules.First(m => m.GroupId == question.GroupId),
            navigator.Overall,
            modules,
            question.Position > 0 ? question.Position - 1 : null,
            question.Position < navigator.Questions.Count - 1 ? question.Position + 1 : null,
            nextOpen is null || nextOpen.Position == question.Position ? null : nextOpen.Position,
            canEdit,
            canEdit ? null : ReadOnlyReason(page, question),
            AnswerDisplay.Values(t, answer?.ToInput() ?? new AnswerInput(question.RequirementId, question.TargetObjectId, AnswerStatus.Open), framework),
            answer is { IsAnswered: true },
            answer?.UpdatedAt,
            answer?.UpdatedByUserId is { } by ? Name(by) : null,
            history
                .OrderByDescending(h => h.At)
                .ThenBy(h => fieldOrder.IndexOf(h.Field) is var i and >= 0 ? i : int.MaxValue)
                .Select(h => new QuestionView.HistoryRow(
                    h.At, Name(h.UserId), t[AnswerDisplay.FieldKey(h.Field)].Value,
                    AnswerDisplay.Value(t, h.Field, h.OldValue, framework), AnswerDisplay.Value(t, h.Field, h.NewValue, framework)))
                .ToList(),
            historyTotal,
            evidence
                .OrderBy(e => e.UploadedAt)
                .ThenBy(e => e.FileName, StringComparer.CurrentCulture)
                .Select(e => new QuestionView.EvidenceRow(
                    e.Id, e.FileName, e.SizeBytes, EvidenceStore.FormatSize(e.SizeBytes, CultureInfo.CurrentCulture), Name(e.UploadedByUserId),
                    e.UploadedAt, EvidenceStore.ShaOf(e.StorageKey)))
                .ToList(),
            framework == CatalogFramework.GrundschutzPlusPlus
                ? [AnswerStatus.Ja, AnswerStatus.Nein, AnswerStatus.Entbehrlich, AnswerStatus.Open]
                : [AnswerStatus.Ja, AnswerStatus.Teilweise, AnswerStatus.Nein, AnswerStatus.Entbehrlich, AnswerStatus.Open]);
    }

    private async Task<Dictionary<string, string>> DisplayNamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => AssessmentAccess.NameOf(u.Id, u.DisplayName, u.UserName), StringComparer.Ordinal);
    }

    /// <summary>The answer form. Amounts and dates are strings so that German input is parsed (and refused) with clear messages.</summary>
    public sealed class InputModel
    {
        public string? RequirementId { get; set; }

        public Guid TargetObjectId { get; set; }

        /// <summary>The answer version the form was loaded with (0 when unanswered): the optimistic-concurrency token.</summary>
        public int Version { get; set; }

        /// <summary>An <see cref="AnswerStatus"/> name.</summary>
        public string? Status { get; set; }

        /// <summary>An <see cref="Domain.Assessments.EntbehrlichReason"/> name.</summary>
        public string? EntbehrlichReason { get; set; }

        public string? Justification { get; set; }

        public string? ImplementationDescription { get; set; }

        public string? Owner { get; set; }

        /// <summary>yyyy-MM-dd (date input) or TT.MM.JJJJ.</summary>
        public string? DueDate { get; set; }

        /// <summary>German amount, e.g. "1.250,50".</summary>
        public string? CostEstimate { get; set; }

        /// <summary>yyyy-MM-dd (date input) or TT.MM.JJJJ.</summary>
        public string? AssessedOn { get; set; }

        public string? Interviewees { get; set; }

        /// <summary>The stored answer as form values; the date of the check defaults to today.</summary>
        public static InputModel From(Answer? answer, Question question, DateOnly today) => new()
        {
            RequirementId = question.RequirementId,
            TargetObjectId = question.TargetObjectId,
            Version = answer?.Version ?? 0,
            Status = (answer?.Status ?? AnswerStatus.Open).ToString(),
            EntbehrlichReason = answer?.EntbehrlichReason?.ToString(),
            Justification = answer?.Justification,
            ImplementationDescription = answer?.ImplementationDescription,
            Owner = answer?.Owner,
            DueDate = AnswerForm.FormatDate(answer?.DueDate),
            CostEstimate = AnswerForm.FormatCost(answer?.CostEstimate),
            AssessedOn = AnswerForm.FormatDate(answer?.AssessedOn ?? today),
            Interviewees = answer?.Interviewees,
        };
    }

    /// <param name="Questionnaire">The navigator and the assessment state it was loaded for.</param>
    private sealed record PageData(Assessment Assessment, CatalogContext Catalog, LoadedQuestionnaire Questionnaire, CurrentUser User)
    {
        public QuestionnaireNavigator Navigator => Questionnaire.Navigator;
    }
}
