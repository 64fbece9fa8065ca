using Grundschutz.Infrastructure.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Evidence;

/// <summary>
/// Upload page for checking an evidence package: answers „intakt“ or names every altered, missing or added file, a
/// bad signature, an unknown key or the broken audit-trail line, in the reader's language. Nothing is stored.
/// </summary>
[Authorize]
[VerifyUploadLimit]
public sealed class VerifyModel(EvidencePackageVerifier verifier, EvidenceKeyRing keys, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public PackageVerification? Result { get; private set; }

    public string? FileName { get; private set; }

    public IReadOnlyCollection<string> TrustedKeys => keys.TrustedKeyIds;

    public void OnGet()
    {
        if (TempData[VerifyUploadLimitAttribute.TempDataKey] is string error)
        {
            ModelState.AddModelError(nameof(Upload), error);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Bitte wählen Sie eine Datei aus."]);
            return Page();
        }

        FileName = Path.GetFileName(Upload.FileName);
        // A private temporary copy (deleted on close): the ZIP reader seeks freely, the upload stream is not meant for that.
        var temp = Path.Combine(Path.GetTempPath(), $"paketpruefung-{Guid.NewGuid():N}.zip");
        await using var copy = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var upload = Upload.OpenReadStream())
        {
            await upload.CopyToAsync(copy, cancellationToken);
        }

        copy.Position = 0;
        Result = await verifier.VerifyAsync(copy, cancellationToken);
        return Page();
    }
}
