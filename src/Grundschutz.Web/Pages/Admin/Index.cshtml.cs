using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grundschutz.Web.Pages.Admin;

/// <summary>Landing page of the administration: links to the admin tasks.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
