using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grundschutz.Web.Pages.Hilfe;

/// <summary>
/// „Begriffe“: the terms of the BSI method an ISB meets on her first assessment (Zielobjekt, Baustein, the statuses,
/// Realisierungsplan, Reifegrad, the approaches), each under a stable anchor the pages link to where the term first
/// matters. Wording after BSI-Standard 200-2 and the BSI online course; open to everyone, it shows no data.
/// </summary>
public sealed class BegriffeModel : PageModel
{
    /// <summary>The anchors other pages link to (<c>/Hilfe/Begriffe#…</c>).</summary>
    public static class Anchors
    {
        public const string Informationsverbund = "informationsverbund";
        public const string Zielobjekt = "zielobjekt";
        public const string Baustein = "baustein";
        public const string Modellierung = "modellierung";
        public const string Anforderung = "anforderung";
        public const string Vorgehensweise = "vorgehensweise";
        public const string Umsetzungsstatus = "umsetzungsstatus";
        public const string Entbehrlich = "entbehrlich";
        public const string Realisierungsplan = "realisierungsplan";
        public const string Umsetzungsgrad = "umsetzungsgrad";
        public const string Reifegrad = "reifegrad";
        public const string Referenzdokumente = "referenzdokumente";
    }

    /// <summary>The page's path.</summary>
    public const string Path = "/Hilfe/Begriffe";

    /// <summary>The link to one term, e.g. <c>/Hilfe/Begriffe#entbehrlich</c>.</summary>
    public static string Link(string anchor) => $"{Path}#{anchor}";

    public void OnGet()
    {
    }
}
