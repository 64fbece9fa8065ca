namespace Grundschutz.Domain.Municipalities;

/// <summary>One Gemeinde record (Satzart 60) of a Destatis GV100AD file, joined with its Land and Kreis records.</summary>
/// <param name="LineNumber">1-based line in the file, for messages.</param>
/// <param name="Gebietsstand">Territorial status date of the file (columns 3–10).</param>
/// <param name="Ags">Amtlicher Gemeindeschlüssel (columns 11–18).</param>
/// <param name="Name">Official name with suffixes such as ", Stadt" (columns 23–72, trimmed; at most 50 characters).</param>
/// <param name="LandName">Name from the Land record (Satzart 10), else from <see cref="Land"/>.</param>
/// <param name="KreisName">Name from the Kreis record (Satzart 40) with the same Kreisschlüssel; null if the file has none.</param>
/// <param name="Textkennzeichen">Type code (columns 123–124): 60–64 and 67 Gemeinden, 65/66 gemeindefreie Gebiete.</param>
/// <param name="Type">The municipality type; null for gemeindefreie Gebiete (Textkennzeichen 65/66).</param>
/// <param name="Population">Bevölkerung insgesamt (columns 140–150).</param>
public sealed record Gv100AdMunicipality(
    int LineNumber,
    DateOnly Gebietsstand,
    Ags Ags,
    string Name,
    string LandName,
    string? KreisName,
    int Textkennzeichen,
    MunicipalityType? Type,
    int Population)
{
    /// <summary>True for a gemeindefreies Gebiet (forest, lake, coastal waters …), which is not a municipality.</summary>
    public bool IsGemeindefreiesGebiet => Type is null;
}
