using System.ComponentModel.DataAnnotations;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Pages.Account;

// Razor Pages take rate-limit metadata from the page, not the handler; the policy itself only counts POSTs.
[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> t,
    IOptions<StartupOptions> startup,
    IWebHostEnvironment environment,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The demo accounts to mention, only while demo data is on (never their password).</summary>
    public IReadOnlyList<string> DemoUserNames => DemoDataSeeder.IsEnabled(startup.Value, environment) ? DemoDataSeeder.UserNames : [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the sign-in cookie's session had ended (<see cref="SessionTimeout.EndedParameter"/>).</summary>
    [BindProperty(SupportsGet = true, Name = SessionTimeout.EndedParameter)]
    public string? SessionEnded { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.UserName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Security: login for {UserName} from {Ip} refused, account locked out", LogText.Of(Input.UserName), HttpContext.Connection.RemoteIpAddress);
            ModelState.AddModelError(string.Empty, t["Das Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt. Bitte versuchen Sie es in 15 Minuten erneut."]);
            return Page();
        }

        if (!result.Succeeded)
        {
            // The user name is what the client sent, line breaks included: escaped, so that it cannot forge log lines.
            logger.LogWarning("Security: failed login for {UserName} from {Ip}", LogText.Of(Input.UserName), HttpContext.Connection.RemoteIpAddress);
            ModelState.AddModelError(string.Empty, t["Benutzername oder Passwort ist falsch."]);
            return Page();
        }

        logger.LogInformation("Security: {UserName} signed in from {Ip}", LogText.Of(Input.UserName), HttpContext.Connection.RemoteIpAddress);
        var user = await users.FindByNameAsync(Input.UserName);
        // Only an own address, and none longer than any page of the app has (the redirect would fail with HTTP 414).
        var returnUrl = Url.IsLocalUrl(ReturnUrl) && ReturnUrl.Length <= CultureModel.MaxReturnUrlLength ? ReturnUrl : null;
        if (user?.MustChangePassword == true)
        {
            return RedirectToPage("/Account/ChangePassword", new { returnUrl });
        }

        return LocalRedirect(returnUrl ?? "/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihren Benutzernamen ein.")]
        [StringLength(256, ErrorMessage = "Der Benutzername darf höchstens 256 Zeichen lang sein.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort ein.")]
        [StringLength(256, ErrorMessage = "Das Passwort darf höchstens 256 Zeichen lang sein.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
