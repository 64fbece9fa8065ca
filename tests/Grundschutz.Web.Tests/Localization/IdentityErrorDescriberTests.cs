using System.Globalization;
using System.Reflection;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Tests.Localization;

/// <summary>
/// The Identity messages (password rules, duplicate names) reach the account and user pages as they are, so the
/// describer speaks the request's language: German keys, English entries.
/// </summary>
public sealed class IdentityErrorDescriberTests
{
    private static GermanIdentityErrorDescriber Describer()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new GermanIdentityErrorDescriber(new StringLocalizer<SharedResource>(factory));
    }

    private static List<(string Code, string Description)> Describe(string culture)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var describer = Describer();
            // Every message the app overrides, with sample arguments.
            return typeof(GermanIdentityErrorDescriber)
                .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(IdentityError))
                .OrderBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => (IdentityError)m.Invoke(describer, m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "erika")
                    .ToArray())!)
                .Select(e => (e.Code, e.Description))
                .ToList();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    [Fact]
    public void EveryMessage_EnglishInTheEnglishUi_GermanInTheGermanUi()
    {
        var german = Describe("de-DE");
        var english = Describe("en");

        Assert.True(german.Count >= 9, $"only {german.Count} messages found");
        Assert.Contains((nameof(IdentityErrorDescriber.PasswordTooShort), "Das Passwort muss mindestens 12 Zeichen lang sein."), german);
        Assert.Contains((nameof(IdentityErrorDescriber.PasswordTooShort), "The password must be at least 12 characters long."), english);
        Assert.Contains((nameof(IdentityErrorDescriber.DuplicateUserName), "The user name “erika” is already taken."), english);
        Assert.Equal(german.Select(g => g.Code), english.Select(e => e.Code));
        // No message left untranslated: an English description equal to the German one means a missing entry.
        Assert.Equal([], german.Zip(english).Where(p => p.First.Description == p.Second.Description).Select(p => p.First.Description).ToList());
    }
}
