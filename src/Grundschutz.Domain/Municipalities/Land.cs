using System.Diagnostics.CodeAnalysis;

namespace Grundschutz.Domain.Municipalities;

/// <summary>
/// A German Land (Bundesland) with its two-digit code, the first two digits of every Amtlicher
/// Gemeindeschlüssel. Names as in the Destatis Gemeindeverzeichnis (Satzart 10).
/// </summary>
/// <param name="Code">Two-digit code, 01 to 16.</param>
/// <param name="Name">Official short name, e.g. "Nordrhein-Westfalen".</param>
public sealed record Land(string Code, string Name)
{
    /// <summary>All 16 Länder in the order of their codes.</summary>
    public static IReadOnlyList<Land> All { get; } =
    [
        new("01", "Schleswig-Holstein"),
        new("02", "Hamburg"),
        new("03", "Niedersachsen"),
        new("04", "Bremen"),
        new("05", "Nordrhein-Westfalen"),
        new("06", "Hessen"),
        new("07", "Rheinland-Pfalz"),
        new("08", "Baden-Württemberg"),
        new("09", "Bayern"),
        new("10", "Saarland"),
        new("11", "Berlin"),
        new("12", "Brandenburg"),
        new("13", "Mecklenburg-Vorpommern"),
        new("14", "Sachsen"),
        new("15", "Sachsen-Anhalt"),
        new("16", "Thüringen"),
    ];

    /// <summary>Finds the Land with the two-digit <paramref name="code"/> ("05"); false for anything else.</summary>
    public static bool TryFromCode([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Land? land)
    {
        land = null;
        if (code is not { Length: 2 } || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]))
        {
            return false;
        }

        var index = ((code[0] - '0') * 10) + (code[1] - '0') - 1;
        if (index < 0 || index >= All.Count)
        {
            return false;
        }

        land = All[index];
        return true;
    }

    /// <summary>The Land with the two-digit <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentException">The code is not 01 to 16.</exception>
    public static Land FromCode(string code) =>
        TryFromCode(code, out var land)
            ? land
            : throw new ArgumentException($"„{code}“ ist kein Landesschlüssel; gültig sind 01 bis 16.", nameof(code));

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}";
}
