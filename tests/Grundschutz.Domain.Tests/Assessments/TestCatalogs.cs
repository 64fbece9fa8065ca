using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Tests.Assessments;

/// <summary>Small catalogues in catalogue order.</summary>
internal static class TestCatalogs
{
    /// <summary>
    /// ISMS.1 (A1 B, A2 S), SYS.2.1 (A1 B, A2 S, A3 H, A4 B withdrawn), APP.1.1 (A1 B).
    /// Standard without adopted H: ISMS.1 has 2 and SYS.2.1 has 2 applicable requirements.
    /// </summary>
    public static CatalogContext ItGrundschutz() => new(
    [
        RequirementBuilder.ItGs("ISMS.1.A1", RequirementLevel.Basis).Build(),
        RequirementBuilder.ItGs("ISMS.1.A2", RequirementLevel.Standard).Build(),
        RequirementBuilder.ItGs("SYS.2.1.A1", RequirementLevel.Basis).Build(),
        RequirementBuilder.ItGs("SYS.2.1.A2", RequirementLevel.Standard).Build(),
        RequirementBuilder.ItGs("SYS.2.1.A3", RequirementLevel.Hoch).Build(),
        RequirementBuilder.ItGs("SYS.2.1.A4", RequirementLevel.Basis).Withdrawn().Build(),
        RequirementBuilder.ItGs("APP.1.1.A1", RequirementLevel.Basis).Build(),
    ]);

    /// <summary>
    /// BER.6 (BER.6.1 depends on BER.6.2; BER.6.2; BER.6.3 erhöht) and GC.1 (GC.1.1, required by BER.6.2).
    /// </summary>
    public static CatalogContext GrundschutzPlusPlus() => new(
    [
        RequirementBuilder.Gspp("GC.1.1").Build(),
        RequirementBuilder.Gspp("BER.6.1").DependingOn("BER.6.2").Build(),
        RequirementBuilder.Gspp("BER.6.2").DependingOn("GC.1.1").Build(),
        RequirementBuilder.Gspp("BER.6.3", ApproachRules.SecLevelErhoeht).Build(),
    ]);

    public static AssessedRequirement Get(this CatalogContext catalog, string id) =>
        catalog.Find(id) ?? throw new InvalidOperationException($"{id} is not in the test catalogue.");
}
