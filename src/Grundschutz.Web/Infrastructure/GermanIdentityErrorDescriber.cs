using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// The messages of the Identity rules users meet (password policy, duplicate names, a concurrent change) in the
/// request's language: the German texts are the resource keys, as everywhere in the UI. The pages put
/// <see cref="IdentityError.Description"/> into the model state as it is, so it has to be translated here.
/// </summary>
public sealed class GermanIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), t["Das Passwort muss mindestens {0} Zeichen lang sein.", length]);

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), t["Das Passwort muss mindestens eine Ziffer enthalten."]);

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), t["Das Passwort muss mindestens einen Kleinbuchstaben enthalten."]);

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), t["Das Passwort muss mindestens einen Großbuchstaben enthalten."]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), t["Das aktuelle Passwort ist falsch."]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), t["Der Benutzername „{0}“ ist bereits vergeben.", userName]);

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), t["Der Benutzername „{0}“ ist ungültig (erlaubt: Buchstaben, Ziffern, -._@+).", userName ?? ""]);

    // Reachable from the user pages (a save that raced another one, an unexpected store failure): without these two
    // the German pages showed Identity's English defaults.
    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), t["Der Benutzer wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie den aktuellen Stand und versuchen Sie es erneut."]);

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), t["Ein unbekannter Fehler ist aufgetreten."]);

    private static IdentityError Error(string code, LocalizedString description) => new() { Code = code, Description = description.Value };
}
