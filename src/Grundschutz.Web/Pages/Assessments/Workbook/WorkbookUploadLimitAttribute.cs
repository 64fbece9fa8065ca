using Grundschutz.Infrastructure.Workbooks;
using Grundschutz.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Assessments.Workbook;

/// <summary>Size guard of the questionnaire workbook upload (see <see cref="UploadLimitAttribute"/>).</summary>
public sealed class WorkbookUploadLimitAttribute : UploadLimitAttribute
{
    public const string TempDataKey = "WorkbookUploadError";

    protected override string MessageKey => TempDataKey;

    protected override long MaxFileBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AnswerWorkbookOptions>>().Value.MaxFileBytes;

    protected override string TooLargeMessage(IStringLocalizer t, long maxFileBytes) =>
        t["Die Datei ist zu groß: Erlaubt sind höchstens {0} MB. Es wurde nichts übernommen.", maxFileBytes / (1024 * 1024)].Value;
}
