using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Workbooks;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Assessments.Workbook;

/// <summary>
/// The preview of an uploaded questionnaire workbook (stored under a token bound to user and assessment): changes
/// old → new, conflicts with newer answers in the portal (never applied) and row errors (the import cannot be
/// confirmed until the file is fixed). „Übernehmen“ applies all changes in one transaction; „Verwerfen“ drops it.
/// A forged or expired token shows a clear message and changes nothing.
/// </summary>
[Authorize]
public sealed class PreviewModel(GrundschutzDbContext db, AnswerWorkbookService workbooks, IStringLocalizer<SharedResource> t) : PageModel
{
    public AssessmentHeader Header { get; private set; } = null!;

    public AnswerWorkbookPreview? Preview => Stored?.Preview;

    /// <summary>The stored preview with the time until which it can be confirmed; null when there is none (any more).</summary>
    public StoredWorkbookPreview? Stored { get; private set; }

    public Guid Token { get; private set; }

    public static string Link(Guid id, Guid token) => $"/Assessments/{id}/Workbook/Preview/{token}";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid token, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        if (user is null || !await LoadHeaderAsync(id, user, cancellationToken))
        {
            return NotFound();
        }

        Token = token;
        Stored = await workbooks.LoadPreviewAsync(id, token, user.UserId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid token, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var assessment = await AnswerWorkbookService.ForConfirm(AssessmentAccess.Visible(db, user))
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null || user is null)
        {
            return NotFound();
        }

        if (!AssessmentAccess.IsOwnMunicipality(user, assessment.MunicipalityId))
        {
            return Forbid();
        }

        try
        {
            var changed = await workbooks.ConfirmAsync(assessment, token, user.ToActor(), cancellationToken);
            TempData["StatusMessage"] = t["Der Excel-Fragebogen wurde übernommen: {0} Antworten geändert.", changed].Value;
            return LocalRedirect(AssessmentLinks.Overview(id));
        }
        catch (WorkbookRejectedException ex)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, DomainText.Of(t, ex));
            Token = token;
            await LoadHeaderAsync(id, user, cancellationToken);
            Stored = await workbooks.LoadPreviewAsync(id, token, user.UserId, cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, Guid token, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        if (user is null || !await LoadHeaderAsync(id, user, cancellationToken))
        {
            return NotFound();
        }

        // A stale tab: the preview may have been confirmed meanwhile – then „nichts übernommen“ would be wrong.
        TempData["StatusMessage"] = await workbooks.DiscardAsync(id, token, user.UserId, cancellationToken)
            ? t["Der Import wurde verworfen; es wurde nichts übernommen."].Value
            : t["Diese Vorschau gab es nicht mehr (abgelaufen, schon übernommen oder verworfen); es wurde nichts verworfen."].Value;
        return LocalRedirect(IndexModel.Link(id));
    }

    private async Task<bool> LoadHeaderAsync(Guid id, CurrentUser user, CancellationToken cancellationToken)
    {
        var assessment = await AssessmentAccess.Visible(db, user).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return false;
        }

        Header = await AssessmentHeader.LoadAsync(db, assessment, cancellationToken);
        return true;
    }
}
