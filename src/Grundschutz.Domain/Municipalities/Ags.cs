using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Municipalities;

/// <summary>
/// Amtlicher Gemeindeschlüssel (official municipality key): eight digits = Land (2, 01–16) + Regierungsbezirk (1)
/// + Kreis (2) + Gemeinde (3), e.g. <c>05315000</c> for Köln. Only valid keys can be constructed.
/// </summary>
public sealed record Ags
{
    /// <summary>Number of digits.</summary>
    public const int Length = 8;

    /// <summary>Message for <see cref="AgsError.NotEightDigits"/>.</summary>
    public const string NotEightDigitsMessage = "Der Amtliche Gemeindeschlüssel muss aus genau 8 Ziffern bestehen.";

    /// <summary>Message for <see cref="AgsError.UnknownLand"/>; <c>{0}</c> is the two-digit code.</summary>
    public const string UnknownLandMessage = "Der Amtliche Gemeindeschlüssel beginnt mit „{0}“; das ist kein Landesschlüssel (gültig sind 01 bis 16).";

    private static readonly CompositeFormat UnknownLandFormat = CompositeFormat.Parse(UnknownLandMessage);

    private Ags(string value) => Value = value;

    /// <summary>The eight digits.</summary>
    public string Value { get; }

    /// <summary>Land code, digits 1–2 (e.g. "05").</summary>
    public string LandCode => Value[..2];

    /// <summary>Regierungsbezirk digit, digit 3 ("0" in Länder without Regierungsbezirke).</summary>
    public string RegierungsbezirkCode => Value[2..3];

    /// <summary>Kreis code within the Regierungsbezirk, digits 4–5.</summary>
    public string KreisCode => Value[3..5];

    /// <summary>Kreisschlüssel, digits 1–5: Land + Regierungsbezirk + Kreis (e.g. "05315").</summary>
    public string KreisKey => Value[..5];

    /// <summary>Gemeinde code within the Kreis, digits 6–8.</summary>
    public string GemeindeCode => Value[5..];

    /// <summary>The Land the municipality belongs to.</summary>
    public Land Land => Land.FromCode(LandCode);

    /// <summary>Checks <paramref name="value"/> (surrounding white space is ignored).</summary>
    public static AgsError Validate(string? value)
    {
        var text = value?.Trim();
        if (text is not { Length: Length } || !text.All(char.IsAsciiDigit))
        {
            return AgsError.NotEightDigits;
        }

        return Land.TryFromCode(text[..2], out _) ? AgsError.None : AgsError.UnknownLand;
    }

    /// <summary>Parses <paramref name="value"/>; on failure <paramref name="error"/> is a German sentence for the user.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out Ags? ags, [NotNullWhen(false)] out string? error)
    {
        var result = Validate(value);
        if (result == AgsError.None)
        {
            ags = new Ags(value!.Trim());
            error = null;
            return true;
        }

        ags = null;
        error = Describe(result, value);
        return false;
    }

    /// <summary>Parses <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">Not a valid AGS; the message is German and names the reason.</exception>
    public static Ags Parse(string? value) =>
        TryParse(value, out var ags, out var error) ? ags : throw new FormatException(error);

    /// <summary>The German message for <paramref name="error"/> about <paramref name="value"/>.</summary>
    public static string Describe(AgsError error, string? value) => error switch
    {
        AgsError.None => "",
        AgsError.UnknownLand => string.Format(CultureInfo.InvariantCulture, UnknownLandFormat, value!.Trim()[..2]),
        _ => NotEightDigitsMessage,
    };

    /// <summary>
    /// <see cref="Describe"/> as a translatable message (its format is the resource key; the Land code is shown as it is).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is <see cref="AgsError.None"/>.</exception>
    public static MessageText DescribeText(AgsError error, string? value) => error switch
    {
        AgsError.None => throw new ArgumentOutOfRangeException(nameof(error), error, "A valid AGS has no error to describe."),
        AgsError.UnknownLand => MessageText.Of(UnknownLandMessage, value!.Trim()[..2]),
        _ => MessageText.Of(NotEightDigitsMessage),
    };

    /// <inheritdoc />
    public override string ToString() => Value;
}
