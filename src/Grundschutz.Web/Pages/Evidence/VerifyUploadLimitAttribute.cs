using System.Globalization;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Evidence;

/// <summary>
/// Size guard of the package upload on the verify page, bounded by <see cref="EvidenceSigningOptions.MaxVerifyBytes"/>
/// (see <see cref="UploadLimitAttribute"/>).
/// </summary>
public sealed class VerifyUploadLimitAttribute : UploadLimitAttribute
{
    public const string TempDataKey = "VerifyUploadError";

    protected override string MessageKey => TempDataKey;

    protected override long MaxFileBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<EvidenceSigningOptions>>().Value.MaxVerifyBytes;

    protected override string TooLargeMessage(IStringLocalizer t, long maxFileBytes) =>
        t["Die Datei ist zu groß: Geprüft werden Pakete bis {0}. Größere Pakete prüfen Sie mit dem Befehl „evidence verify“.", EvidenceStore.FormatSize(maxFileBytes, CultureInfo.CurrentCulture)].Value;
}
