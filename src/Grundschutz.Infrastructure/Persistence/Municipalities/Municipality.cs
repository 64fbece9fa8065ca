using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Municipalities;

namespace Grundschutz.Infrastructure.Persistence.Municipalities;

/// <summary>
/// A municipality (or Kreis) that can run assessments: created by the GV100AD import or by hand. The import
/// matches on <see cref="Ags"/> and only updates the fields the directory owns (name, Kreis, population,
/// type); everything else an administrator sets stays as it is.
/// </summary>
public class Municipality
{
    /// <summary>Source of records created or last changed by hand.</summary>
    public const string ManualSource = "manuell";

    public int Id { get; set; }

    /// <summary>Amtlicher Gemeindeschlüssel, eight digits, unique.</summary>
    public string Ags { get; set; } = "";

    public string Name { get; private set; } = "";

    /// <summary><see cref="Name"/> folded for search (<see cref="SearchText.Fold"/>), so that "koeln" finds "Köln".</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>Two-digit Land code, the first two digits of the AGS.</summary>
    public string LandCode { get; set; } = "";

    public string LandName { get; set; } = "";

    public string? KreisName { get; set; }

    /// <summary>Inhabitants; null when unknown (manual entries).</summary>
    public int? Population { get; set; }

    public MunicipalityType Type { get; set; }

    /// <summary>Where the data comes from: "GV100AD 30.11.2025" or <see cref="ManualSource"/>.</summary>
    public string Source { get; set; } = ManualSource;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The size class for benchmarking; null when the population is unknown.</summary>
    public SizeClass? SizeClass => Population is { } p ? SizeClasses.Of(p) : null;

    /// <summary>Sets the name and its search form together.</summary>
    public void SetName(string name)
    {
        Name = name;
        SearchName = SearchText.Fold(name);
    }

    /// <summary>Sets the AGS together with the Land it implies.</summary>
    public void SetAgs(Ags ags)
    {
        ArgumentNullException.ThrowIfNull(ags);
        Ags = ags.Value;
        LandCode = ags.LandCode;
        LandName = ags.Land.Name;
    }
}
