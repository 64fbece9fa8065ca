using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Tests.Assessments;

/// <summary>Builds <see cref="AssessedRequirement"/>s with sensible defaults.</summary>
internal sealed class RequirementBuilder
{
    private readonly string _id;
    private readonly CatalogFramework _framework;
    private string _groupId;
    private RequirementLevel? _level;
    private string? _secLevel;
    private string? _modalVerb;
    private bool _withdrawn;
    private readonly List<string> _dependencies = [];

    private RequirementBuilder(string id, string groupId, CatalogFramework framework)
    {
        _id = id;
        _groupId = groupId;
        _framework = framework;
    }

    /// <summary>A Kompendium requirement; the group is the id without ".A&lt;n&gt;"; modal verb MUSS for B, SOLLTE otherwise.</summary>
    public static RequirementBuilder ItGs(string id, RequirementLevel level = RequirementLevel.Basis)
    {
        var builder = new RequirementBuilder(id, id[..id.LastIndexOf(".A", StringComparison.Ordinal)], CatalogFramework.ItGrundschutz)
        {
            _level = level,
            _modalVerb = level == RequirementLevel.Basis ? "MUSS" : "SOLLTE",
        };
        return builder;
    }

    /// <summary>A Grundschutz++ control; the group is the first two id segments (e.g. BER.6).</summary>
    public static RequirementBuilder Gspp(string id, string? secLevel = ApproachRules.SecLevelNormal)
    {
        var parts = id.Split('.');
        var builder = new RequirementBuilder(id, parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : id, CatalogFramework.GrundschutzPlusPlus)
        {
            _secLevel = secLevel,
            _modalVerb = secLevel == ApproachRules.SecLevelErhoeht ? "KANN" : "SOLLTE",
        };
        return builder;
    }

    public RequirementBuilder InGroup(string groupId)
    {
        _groupId = groupId;
        return this;
    }

    public RequirementBuilder WithModalVerb(string? modalVerb)
    {
        _modalVerb = modalVerb;
        return this;
    }

    public RequirementBuilder WithSecLevel(string? secLevel)
    {
        _secLevel = secLevel;
        return this;
    }

    public RequirementBuilder Withdrawn()
    {
        _withdrawn = true;
        return this;
    }

    public RequirementBuilder DependingOn(params string[] ids)
    {
        _dependencies.AddRange(ids);
        return this;
    }

    public AssessedRequirement Build() =>
        new(_id, _groupId, _level, _secLevel, _modalVerb, _withdrawn, _dependencies.ToList(), _framework);
}
