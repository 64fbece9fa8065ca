using Grundschutz.Domain.Scoring;

namespace Grundschutz.Web.Api;

/// <summary>All numbers of one scope: the whole assessment, a layer/practice or a module/topic.</summary>
/// <param name="Id">Layer/practice or module/topic id; empty for the whole assessment.</param>
/// <param name="Title">Catalogue title of the layer/module, if known.</param>
/// <param name="LayerId">For a module/topic: its layer/practice.</param>
/// <param name="Pairs">Requirement × target-object pairs in scope (entbehrlich included, withdrawn excluded).</param>
/// <param name="Answered">Pairs not open.</param>
/// <param name="Basis">E_B (Kompendium level B).</param>
/// <param name="BasisStandard">E_BS (levels B and S).</param>
/// <param name="Hoch">E_H (adopted H requirements).</param>
/// <param name="All">All pairs in scope.</param>
/// <param name="NormalSdT">Grundschutz++ sec_level normal-SdT.</param>
/// <param name="Erhoeht">Grundschutz++ sec_level erhöht.</param>
/// <param name="Muss">Modal verb MUSS.</param>
/// <param name="Sollte">Modal verb SOLLTE.</param>
/// <param name="Kann">Modal verb KANN.</param>
/// <param name="Coverage">Abdeckung: answered / pairs.</param>
/// <param name="Freshness">Aktualität: assessed within the freshness window / answered.</param>
/// <param name="EntbehrlichWithoutJustification">Entbehrlich pairs without a justification (should be 0).</param>
/// <param name="ActionItems">Pairs with status teilweise or nein (Realisierungsplan entries).</param>
/// <param name="OverdueActionItems">Action items whose due date lies before the reference date.</param>
public sealed record ScopeScoreDto(
    string Id,
    string? Title,
    string? LayerId,
    int Pairs,
    int Answered,
    SliceDto Basis,
    SliceDto BasisStandard,
    SliceDto Hoch,
    SliceDto All,
    SliceDto NormalSdT,
    SliceDto Erhoeht,
    SliceDto Muss,
    SliceDto Sollte,
    SliceDto Kann,
    RatioDto Coverage,
    RatioDto Freshness,
    int EntbehrlichWithoutJustification,
    int ActionItems,
    int OverdueActionItems)
{
    public static ScopeScoreDto From(ScopeScore scope, string? title)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new ScopeScoreDto(
            scope.Id,
            title,
            scope.TopGroupId,
            scope.Pairs,
            scope.Answered,
            SliceDto.From(scope.Basis),
            SliceDto.From(scope.BasisStandard),
            SliceDto.From(scope.Hoch),
            SliceDto.From(scope.All),
            SliceDto.From(scope.NormalSdT),
            SliceDto.From(scope.Erhoeht),
            SliceDto.From(scope.Muss),
            SliceDto.From(scope.Sollte),
            SliceDto.From(scope.Kann),
            RatioDto.From(scope.Coverage),
            RatioDto.From(scope.Freshness),
            scope.EntbehrlichWithoutJustification,
            scope.ActionItems,
            scope.OverdueActionItems);
    }
}
