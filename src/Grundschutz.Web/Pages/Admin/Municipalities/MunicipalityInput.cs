using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

using Grundschutz.Domain.Municipalities;

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>
/// Form shape shared by Create and Edit (same fields, same rules; the markup is in _MunicipalityFields).
/// Population is text so that "12.345" is accepted and a wrong entry gets a German message, not the binder's.
/// </summary>
public sealed partial class MunicipalityInput
{
    [Required(ErrorMessage = "Bitte geben Sie den Amtlichen Gemeindeschlüssel an.")]
    public string? Ags { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den Namen an.")]
    [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "Der Kreis darf höchstens 200 Zeichen lang sein.")]
    public string? KreisName { get; set; }

    public string? Population { get; set; }

    [Required(ErrorMessage = "Bitte wählen Sie die Art der Kommune.")]
    public MunicipalityType? Type { get; set; }

    /// <summary>
    /// Checks what data annotations cannot (AGS format and Land, population as a whole number ≥ 0) and adds
    /// field errors under <paramref name="prefix"/>. Returns the parsed values when everything is valid.
    /// </summary>
    public bool TryParse(ModelStateDictionary modelState, IStringLocalizer t, string prefix, out Ags? ags, out int? population)
    {
        ags = null;
        population = null;
        if (!string.IsNullOrWhiteSpace(Ags))
        {
            switch (Domain.Municipalities.Ags.Validate(Ags))
            {
                case AgsError.None:
                    ags = Domain.Municipalities.Ags.Parse(Ags);
                    break;
                case AgsError.UnknownLand:
                    modelState.AddModelError($"{prefix}.{nameof(Ags)}", t[Domain.Municipalities.Ags.UnknownLandMessage, Ags.Trim()[..2]]);
                    break;
                default:
                    modelState.AddModelError($"{prefix}.{nameof(Ags)}", t[Domain.Municipalities.Ags.NotEightDigitsMessage]);
                    break;
            }
        }

        if (!string.IsNullOrWhiteSpace(Population))
        {
            // Thousands separators as people type them: "12.345", "12 345" – in groups of three, so that "1.2.3" is
            // refused rather than read as 123.
            var text = Population.Trim();
            var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit) && (digits.Length == text.Length || GroupedDigits().IsMatch(text))
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                population = value;
            }
            else
            {
                modelState.AddModelError($"{prefix}.{nameof(Population)}", t["Die Einwohnerzahl muss eine ganze Zahl ab 0 sein."]);
            }
        }

        return modelState.IsValid && ags is not null && Type is not null;
    }

    /// <summary>Digits in groups of three after the first, separated by a dot, a space or a no-break space.</summary>
    [GeneratedRegex(@"^\d{1,3}([. \u00A0]\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedDigits();
}
