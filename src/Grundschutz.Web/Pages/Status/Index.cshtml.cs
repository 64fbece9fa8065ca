using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Status;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[OriginalRequestCulture]
public sealed class IndexModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Heading { get; private set; } = "";

    public string Text { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Text) = code switch
        {
            404 => (t["Seite nicht gefunden"].Value, t["Die angeforderte Seite gibt es nicht oder Sie haben keinen Zugriff darauf."].Value),
            403 => (t["Kein Zugriff"].Value, t["Für diese Seite fehlt Ihnen die Berechtigung."].Value),
            400 => (t["Ungültige Anfrage"].Value, t["Die Anfrage war ungültig oder abgelaufen. Bitte laden Sie die Seite neu und versuchen Sie es erneut."].Value),
            429 => (t["Zu viele Versuche"].Value, t["Bitte warten Sie eine Minute und versuchen Sie es dann erneut."].Value),
            413 => (t["Datei zu groß"].Value, t["Die hochgeladene Datei überschreitet die erlaubte Größe."].Value),
            _ => (t["Fehler"].Value, t["Die Anfrage konnte nicht bearbeitet werden."].Value),
        };
    }
}
