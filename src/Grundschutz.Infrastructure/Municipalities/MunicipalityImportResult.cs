namespace Grundschutz.Infrastructure.Municipalities;

/// <summary>Outcome of one GV100AD import.</summary>
/// <param name="FileName">The imported file.</param>
/// <param name="Gebietsstand">Territorial status date of the file.</param>
/// <param name="Municipalities">Municipalities in the file (Gemeinden without the gemeindefreie Gebiete).</param>
/// <param name="Added">New in the database.</param>
/// <param name="Updated">Already there; name, Kreis, population or type changed.</param>
/// <param name="Unchanged">Already there with the same data.</param>
/// <param name="SkippedGemeindefreieGebiete">Gemeindefreie Gebiete in the file (Textkennzeichen 65/66), not imported.</param>
public sealed record MunicipalityImportResult(
    string FileName,
    DateOnly Gebietsstand,
    int Municipalities,
    int Added,
    int Updated,
    int Unchanged,
    int SkippedGemeindefreieGebiete);
