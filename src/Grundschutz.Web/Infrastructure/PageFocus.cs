using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Which message of a page takes the focus when it loads (WCAG 4.1.3): a message that comes with a new page – the
/// conflict, the error summary, a result, the status message after post-redirect-get – is in the page from the start,
/// so screen readers do not read it as a live region; focused (<c>autofocus</c> on a <c>tabindex="-1"</c> element) it
/// is read at once. Only the first message asks: the page body renders before the layout, so the layout's status
/// message yields to a message of the page.
/// </summary>
public static class PageFocus
{
    private const string Key = "Grundschutz.PageFocus";

    /// <summary>True for the first caller on a page (it renders <c>autofocus</c>), false for every later one.</summary>
    public static bool Take(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        if (viewData[Key] is true)
        {
            return false;
        }

        viewData[Key] = true;
        return true;
    }
}
