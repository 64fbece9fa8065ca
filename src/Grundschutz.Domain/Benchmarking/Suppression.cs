namespace Grundschutz.Domain.Benchmarking;

/// <summary>
/// Why a value is not shown: it was computed over <paramref name="GroupSize"/> municipalities, fewer than
/// <paramref name="MinGroupSize"/> (k). <see cref="ToString"/> is the German explanation; the formats are also the
/// resource keys of its translations.
/// </summary>
public sealed record Suppression(int GroupSize, int MinGroupSize)
{
    /// <summary>The explanation for a group of one: {0} = k.</summary>
    public const string OneFormat = "Unterdrückt: nur 1 Kommune in der Gruppe, mindestens {0} nötig (Schutz vor Rückschlüssen auf einzelne Kommunen).";

    /// <summary>The explanation for any other group: {0} = group size, {1} = k.</summary>
    public const string ManyFormat = "Unterdrückt: nur {0} Kommunen in der Gruppe, mindestens {1} nötig (Schutz vor Rückschlüssen auf einzelne Kommunen).";

    /// <summary>
    /// The explanation when no municipality of the group has a value for it (e.g. the Reifegrad, which only
    /// Grundschutz++ assessments have): „nur 0 Kommunen … mindestens 5 nötig“ read like a wrong count.
    /// </summary>
    public const string NoneFormat = "Kein Wert: Für keine Kommune der Gruppe liegt diese Kennzahl vor.";

    /// <summary>The format (resource key) and its arguments, for a translation.</summary>
    public (string Format, object[] Arguments) Text => GroupSize switch
    {
        0 => (NoneFormat, []),
        1 => (OneFormat, [MinGroupSize]),
        _ => (ManyFormat, [GroupSize, MinGroupSize]),
    };

    /// <summary>The German explanation.</summary>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), Text.Format, Text.Arguments);
}
