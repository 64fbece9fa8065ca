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
/// The offline round trip of one assessment: download the questionnaire workbook, upload it again. Only the
/// municipality itself (ISB, Contributor) may do either — the workbook carries every answer text and the upload
/// changes answers; auditors and facilitators have no use for it (facilitators see aggregates in their workshops).
/// The upload is checked into a preview (<see cref="PreviewModel"/>); nothing changes before the user confirms there.
/// </summary>
[Authorize]
[WorkbookUploadLimit]
public sealed class IndexModel(GrundschutzDbContext db, AnswerWorkbookService workbooks, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string UploadField = "upload";

    public AssessmentHeader Header { get; private set; } = null!;

    /// <summary>False for users who may only look at the assessment (auditors).</summary>
    public bool CanUse { get; private set; }

    /// <summary>False once the assessment is submitted, approved or archived.</summary>
    public bool CanImport { get; private set; }

    public long LimitMegabytes => workbooks.Options.MaxFileBytes / (1024 * 1024);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadHeaderAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (TempData[WorkbookUploadLimitAttribute.TempDataKey] is string error)
        {
            ModelState.AddModelError(UploadField, error);
        }

        return Page();
    }

    /// <summary>The questionnaire workbook „Fragebogen-&lt;AGS&gt;-&lt;yyyy-MM-dd&gt;.xlsx“.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var visible = AssessmentAccess.Visible(db, user);
        var municipalityId = await visible.Where(a => a.Id == id).Select(a => (int?)a.MunicipalityId).FirstOrDefaultAsync(cancellationToken);
        if (municipalityId is null || user is null)
        {
            return NotFound();
        }

        if (!AssessmentAccess.IsOwnMunicipality(user, municipalityId.Value))
        {
            return Forbid();
        }

        var file = await workbooks.ExportAsync(visible, id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, Exports.IndexModel.XlsxContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var assessment = await AnswerWorkbookService.ForCheck(AssessmentAccess.Visible(db, user))
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null || user is null)
        {
            return NotFound();
        }

        if (!AssessmentAccess.IsOwnMunicipality(user, assessment.MunicipalityId))
        {
            return Forbid();
        }

        var upload = Request.HasFormContentType ? Request.Form.Files.GetFile(UploadField) : null;
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError(UploadField, t["Bitte eine Excel-Datei (.xlsx) auswählen."]);
            return await RedisplayAsync(id, cancellationToken);
        }

        if (upload.Length > workbooks.Options.MaxFileBytes)
        {
            ModelState.AddModelError(UploadField, t["Die Datei ist zu groß: Erlaubt sind höchstens {0} MB. Es wurde nichts übernommen.", LimitMegabytes]);
            return await RedisplayAsync(id, cancellationToken);
        }

        try
        {
            // Copied into memory (bounded above) because the zip directory is read from the end of the file.
            using var content = new MemoryStream((int)upload.Length);
            await using (var stream = upload.OpenReadStream())
            {
                await stream.CopyToAsync(content, cancellationToken);
            }

            var (token, _) = await workbooks.CheckAsync(assessment, content, upload.FileName, user.ToActor(), cancellationToken);
            return LocalRedirect(PreviewModel.Link(id, token));
        }
        catch (WorkbookRejectedException ex)
        {
            ModelState.AddModelError(UploadField, DomainText.Of(t, ex) + " " + t["Es wurde nichts übernommen."]);
            return await RedisplayAsync(id, cancellationToken);
        }
    }

    public static string Link(Guid id) => $"/Assessments/{id}/Workbook";

    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await LoadHeaderAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadHeaderAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var assessment = await AssessmentAccess.Visible(db, user).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null || user is null)
        {
            return false;
        }

        Header = await AssessmentHeader.LoadAsync(db, assessment, cancellationToken);
        CanUse = AssessmentAccess.IsOwnMunicipality(user, assessment.MunicipalityId);
        CanImport = CanUse && assessment.CanEditAnswers;
        return true;
    }
}
