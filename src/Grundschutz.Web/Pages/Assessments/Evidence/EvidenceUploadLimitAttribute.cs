using System.Globalization;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Assessments.Evidence;

/// <summary>Size guard of an evidence or policy upload handler (see <see cref="UploadLimitAttribute"/>).</summary>
public sealed class EvidenceUploadLimitAttribute : UploadLimitAttribute
{
    /// <summary>TempData key of the refusal message (the page shows it as an error of the file field).</summary>
    public const string TempDataKey = "EvidenceUploadError";

    public EvidenceUploadLimitAttribute(string handler)
    {
        Handler = handler;
        Fragment = "#upload";
    }

    protected override string MessageKey => TempDataKey;

    protected override long MaxFileBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxFileBytes;

    protected override string TooLargeMessage(IStringLocalizer t, long maxFileBytes) =>
        t["Die Datei ist zu groß: Erlaubt sind höchstens {0}. Es wurde nichts gespeichert.", EvidenceStore.FormatSize(maxFileBytes, CultureInfo.CurrentCulture)].Value;
}
