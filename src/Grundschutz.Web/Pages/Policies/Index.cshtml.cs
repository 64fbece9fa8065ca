using System.ComponentModel.DataAnnotations;
using Grundschutz.Domain.Evidence;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Pages.Assessments.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Policies;

/// <summary>
/// The A.0 policies (Richtlinien) of the ISB's municipality: list every version, upload a new document or a new
/// version of an existing number (the old version is kept and marked as replaced), download. The file goes through
/// the evidence store's checks (size before reading, allowlist, content sniff). Only the own municipality's
/// documents are found: another municipality's id answers 404.
/// </summary>
[Authorize(Roles = Roles.Isb)]
[EvidenceUploadLimit(UploadHandler)]
public sealed class IndexModel(GrundschutzDbContext db, EvidenceStore store, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string UploadHandler = "Upload";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<PolicyRow> Policies { get; private set; } = [];

    public IReadOnlyList<FreshnessWarning> Warnings { get; private set; } = [];

    public string LimitText => EvidenceStore.FormatSize(store.MaxFileBytes, System.Globalization.CultureInfo.CurrentCulture);

    public string AllowedText => string.Join(", ", store.AllowedExtensions);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Municipality() is not { } municipalityId)
        {
            return NotFound();
        }

        if (TempData[EvidenceUploadLimitAttribute.TempDataKey] is string uploadError)
        {
            ModelState.AddModelError(nameof(Upload), uploadError);
        }

        await LoadAsync(municipalityId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (Municipality() is not { } municipalityId)
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Bitte wählen Sie eine Datei aus."]);
        }

        if (!ModelState.IsValid || Upload is null)
        {
            await LoadAsync(municipalityId, cancellationToken);
            return Page();
        }

        var metadata = new PolicyMetadata(
            Input.Number ?? "", Input.Title ?? "", Input.Author ?? "", Input.Version ?? "", Input.ApprovedOn!.Value, Input.ApprovedBy ?? "", Input.NextReview, Input.Changes);
        try
        {
            // Validate the metadata before the file is stored.
            _ = PolicyDocument.Create(municipalityId, metadata, "check", null, 0, "check", "check", time.GetUtcNow());
            var stored = await store.SaveAsync(Upload.FileName, Upload.Length, Upload.OpenReadStream, cancellationToken);
            var now = time.GetUtcNow();
            var document = PolicyDocument.Create(municipalityId, metadata, stored.FileName, stored.ContentType, stored.SizeBytes, stored.StorageKey, CurrentUser.From(User)!.UserId, now);
            var current = await db.PolicyDocuments
                .Where(p => p.MunicipalityId == municipalityId && p.Number == document.Number && p.SupersededAt == null)
                .ToListAsync(cancellationToken);

            // The same file with the same details once more (a double click, a second tab, „Zurück“ and send again):
            // not a new version that supersedes an identical one, and no „gespeichert“ for it.
            if (current.Find(old => SameVersion(old, document)) is { } same)
            {
                TempData["StatusMessage"] = t["{0} „{1}“ ist in dieser Fassung bereits gespeichert; es wurde nichts geändert.", same.Number, same.Title].Value;
                return RedirectToPage();
            }

            foreach (var old in current)
            {
                old.Supersede(now);
            }

            db.PolicyDocuments.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            TempData["StatusMessage"] = current.Count > 0
                ? t["{0} „{1}“ wurde als neue Version gespeichert; die bisherige Version bleibt erhalten.", document.Number, document.Title].Value
                : t["{0} „{1}“ wurde gespeichert.", document.Number, document.Title].Value;
            return RedirectToPage();
        }
        catch (PolicyRuleException ex)
        {
            ModelState.AddModelError(string.Empty, DomainText.Of(t, ex));
        }
        catch (EvidenceRejectedException ex)
        {
            ModelState.AddModelError(nameof(Upload), DomainText.Of(t, ex) + " " + t["Es wurde nichts gespeichert."]);
        }

        await LoadAsync(municipalityId, cancellationToken);
        return Page();
    }

    private static bool SameVersion(PolicyDocument a, PolicyDocument b) =>
        a.StorageKey == b.StorageKey
        && a.FileName == b.FileName
        && a.Title == b.Title
        && a.Author == b.Author
        && a.Version == b.Version
        && a.ApprovedOn == b.ApprovedOn
        && a.ApprovedBy == b.ApprovedBy
        && a.NextReview == b.NextReview
        && a.Changes == b.Changes;

    public async Task<IActionResult> OnGetDownloadAsync(Guid policyId, CancellationToken cancellationToken)
    {
        if (Municipality() is not { } municipalityId)
        {
            return NotFound();
        }

        var policy = await db.PolicyDocuments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == policyId && p.MunicipalityId == municipalityId, cancellationToken);
        var stream = policy is null ? null : store.OpenRead(policy.StorageKey);
        if (policy is null || stream is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(stream, "application/octet-stream", policy.FileName);
    }

    private int? Municipality() => CurrentUser.From(User)?.MunicipalityId;

    private async Task LoadAsync(int municipalityId, CancellationToken cancellationToken)
    {
        var all = await db.PolicyDocuments.AsNoTracking()
            .Where(p => p.MunicipalityId == municipalityId)
            .ToListAsync(cancellationToken);
        Policies = all
            .OrderBy(p => p.Number, StringComparer.Ordinal)
            .ThenBy(p => p.IsCurrent ? 0 : 1)
            .ThenByDescending(p => p.UploadedAt)
            .Select(p => new PolicyRow(p.Id, p.Number, p.Title, p.Author, p.Version, p.ApprovedOn, p.ApprovedBy, p.NextReview, p.FileName, p.IsCurrent))
            .ToList();
        var leitlinie = all.Where(p => p.Number == PolicyNumbers.Leitlinie && p.IsCurrent).OrderByDescending(p => p.UploadedAt).FirstOrDefault();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Warnings = AuditFreshness.Evaluate(today, [], leitlinie is null ? null : new LeitlinieFacts(leitlinie.ApprovedOn, leitlinie.NextReview));
    }

    /// <summary>One policy version in the list.</summary>
    public sealed record PolicyRow(Guid Id, string Number, string Title, string Author, string Version, DateOnly ApprovedOn, string ApprovedBy, DateOnly? NextReview, string FileName, bool IsCurrent);

    /// <summary>The metadata form.</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte die Nummer angeben (z. B. A.0.1).")]
        [Display(Name = "Nummer")]
        public string? Number { get; set; } = PolicyNumbers.Leitlinie;

        [Required(ErrorMessage = "Bitte den Titel angeben.")]
        [StringLength(PolicyDocument.MaxTextLength, ErrorMessage = "Der Titel darf höchstens 200 Zeichen lang sein.")]
        [Display(Name = "Titel")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Bitte die Autorin oder den Autor angeben.")]
        [StringLength(PolicyDocument.MaxTextLength, ErrorMessage = "Die Angabe zur Autorin oder zum Autor darf höchstens 200 Zeichen lang sein.")]
        [Display(Name = "Autor/in")]
        public string? Author { get; set; }

        [Required(ErrorMessage = "Bitte die Version angeben.")]
        [StringLength(PolicyDocument.MaxTextLength, ErrorMessage = "Die Version darf höchstens 200 Zeichen lang sein.")]
        [Display(Name = "Version")]
        public string? Version { get; set; }

        [Required(ErrorMessage = "Bitte das Freigabedatum angeben.")]
        [Display(Name = "Freigegeben am")]
        public DateOnly? ApprovedOn { get; set; }

        [Required(ErrorMessage = "Bitte angeben, wer das Dokument freigegeben hat.")]
        [StringLength(PolicyDocument.MaxTextLength, ErrorMessage = "Die Angabe „Freigegeben von“ darf höchstens 200 Zeichen lang sein.")]
        [Display(Name = "Freigegeben von")]
        public string? ApprovedBy { get; set; }

        [Display(Name = "Nächste Überprüfung")]
        public DateOnly? NextReview { get; set; }

        [StringLength(4000, ErrorMessage = "Die Änderungen dürfen höchstens 4000 Zeichen lang sein.")]
        [Display(Name = "Änderungen gegenüber der vorigen Version")]
        public string? Changes { get; set; }
    }
}
