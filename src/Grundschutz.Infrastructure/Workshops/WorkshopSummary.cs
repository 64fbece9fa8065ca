using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Scoring;

namespace Grundschutz.Infrastructure.Workshops;

/// <summary>
/// The numbers of one workshop: per participating municipality the progress of its current assessment on the
/// workshop's catalogue version, restricted to the selected modules, and the common gaps. Aggregates only — no
/// answer texts (justifications, owners, costs) reach the facilitator.
/// </summary>
public sealed record WorkshopSummary(
    Guid WorkshopId,
    string Topic,
    DateOnly Date,
    string CatalogLabel,
    CatalogFramework Framework,
    IReadOnlyList<string> Modules,
    DateOnly ReferenceDate,
    IReadOnlyList<ParticipantProgress> Participants,
    IReadOnlyList<CommonGap> Gaps)
{
    /// <summary>Language of the catalogue's texts (titles of layers and requirements, the catalogue label; BCP 47).</summary>
    public string Language { get; init; } = CatalogLanguage.German;

    /// <summary>Label of the first headline slice: E_B (Kompendium) or normal-SdT (Grundschutz++).</summary>
    public string FirstSliceLabel => Framework == CatalogFramework.GrundschutzPlusPlus ? "Umsetzungsgrad normal-SdT" : "E_B";

    /// <summary>Label of the second headline slice: E_BS (Kompendium) or erhöht (Grundschutz++).</summary>
    public string SecondSliceLabel => Framework == CatalogFramework.GrundschutzPlusPlus ? "Umsetzungsgrad erhöht" : "E_BS";
}

/// <summary>
/// One municipality's progress (no assessment yet: <see cref="AssessmentId"/> is null and every number is 0). Without
/// the municipality's consent (<see cref="Consented"/> false) nothing but name and AGS is filled in.
/// </summary>
public sealed record ParticipantProgress(
    int MunicipalityId,
    string Name,
    string Ags,
    Guid? AssessmentId,
    string? AssessmentTitle,
    AssessmentState? State,
    ScopeProgress Overall,
    IReadOnlyList<ScopeProgress> Layers,
    IReadOnlyList<ScopeProgress> Modules,
    bool Consented = true);

/// <summary>The numbers of one scope (whole selection, a layer/practice or a module/topic).</summary>
/// <param name="Id">Layer or module id; empty for the whole selection.</param>
/// <param name="Title">Its title, if known.</param>
/// <param name="Pairs">Requirement × target-object pairs in scope.</param>
/// <param name="Answered">Pairs no longer open.</param>
/// <param name="First">E_B (Kompendium) or normal-SdT (Grundschutz++), strict.</param>
/// <param name="Second">E_BS (Kompendium) or erhöht (Grundschutz++), strict.</param>
public sealed record ScopeProgress(string Id, string? Title, int Pairs, int Answered, Ratio First, Ratio Second)
{
    public Ratio Coverage => new(Answered, Pairs);
}

/// <summary>A requirement many participants have not (fully) implemented.</summary>
/// <param name="RequirementId">The requirement.</param>
/// <param name="Title">Its title.</param>
/// <param name="GroupId">Its module/topic.</param>
/// <param name="Municipalities">Consenting participants with at least one pair nein or teilweise.</param>
/// <param name="Nein">Pairs answered nein (all consenting participants).</param>
/// <param name="Teilweise">Pairs answered teilweise (all consenting participants).</param>
public sealed record CommonGap(string RequirementId, string? Title, string GroupId, int Municipalities, int Nein, int Teilweise);
