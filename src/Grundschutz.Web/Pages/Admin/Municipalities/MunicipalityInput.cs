using System.ComponentModel.DataAnnotations;
using System.Globalization;

using Grundschutz.Domain.Municipalities;

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>
/// Form shape shared by Create and Edit (same fields, same rules; the markup is in _MunicipalityFields).
/// Population is text so that "12.345" is accepted and a wrong entry gets a German message, not the binder's.
/// </summary>
public sealed class MunicipalityInput
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
            // Thousands separators as people type them: "12.345", "12 345".
            var digits = Population.Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
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
}
