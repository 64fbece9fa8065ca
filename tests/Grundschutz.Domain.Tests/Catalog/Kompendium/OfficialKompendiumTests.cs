using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Tests.Catalog.Kompendium;

/// <summary>
/// The reader against the official IT-Grundschutz-Kompendium Edition 2023 XML in ../shared
/// (expected numbers from catalogs/README.md §2.2 and DOMAIN.md §1, counted independently).
/// </summary>
public class OfficialKompendiumTests
{
    [SkippableFact]
    public void Read_Edition2023_DescribesTheDocument()
    {
        var doc = KompendiumFixtures.Official();

        Assert.Equal(CatalogFormat.KompendiumXml, doc.Format);
        Assert.Equal(CatalogFramework.ItGrundschutz, doc.Framework);
        Assert.Equal("IT-Grundschutz-Kompendium", doc.Title);
        Assert.Equal("Edition 2023", doc.Version);
    }

    [SkippableFact]
    public void Read_Edition2023_HasTenLayersAnd111Modules()
    {
        var doc = KompendiumFixtures.Official();

        var layers = doc.Groups.Where(g => g.Kind == GroupKind.Layer).ToList();
        Assert.Equal(["ISMS", "ORP", "CON", "OPS", "DER", "APP", "SYS", "IND", "NET", "INF"], layers.Select(l => l.Id));
        Assert.Equal("Sicherheitsmanagement", layers[0].Title);
        Assert.Equal("Netze und Kommunikation", layers[8].Title);
        Assert.Equal(111, doc.Groups.Count(g => g.Kind == GroupKind.Module));
        Assert.Equal(doc.Groups.Count, doc.Groups.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(
            doc.Groups.Where(g => g.Kind == GroupKind.Module),
            m => Assert.StartsWith(m.ParentId + ".", m.Id, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Read_Edition2023_ModulesPerLayer()
    {
        var doc = KompendiumFixtures.Official();

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["ISMS"] = 1,
                ["ORP"] = 5,
                ["CON"] = 9,
                ["OPS"] = 14,
                ["DER"] = 7,
                ["APP"] = 20,
                ["SYS"] = 25,
                ["IND"] = 7,
                ["NET"] = 11,
                ["INF"] = 12,
            },
            doc.Groups.Where(g => g.Kind == GroupKind.Module).CountBy(g => g.ParentId!).ToDictionary());
    }

    [SkippableFact]
    public void Read_Edition2023_Has2125RequirementSections()
    {
        var doc = KompendiumFixtures.Official();

        Assert.Equal(2125, doc.Requirements.Count);
        Assert.Equal(290, doc.WithdrawnCount);
        Assert.Equal(doc.Requirements.Count, doc.Requirements.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            new Dictionary<RequirementLevel, int> { [RequirementLevel.Basis] = 563, [RequirementLevel.Standard] = 867, [RequirementLevel.Hoch] = 405 },
            doc.Requirements.Where(r => !r.Withdrawn).CountBy(r => r.Level!.Value).ToDictionary());
        Assert.Equal(
            new Dictionary<RequirementLevel, int> { [RequirementLevel.Basis] = 89, [RequirementLevel.Standard] = 147, [RequirementLevel.Hoch] = 54 },
            doc.Requirements.Where(r => r.Withdrawn).CountBy(r => r.Level!.Value).ToDictionary());
        Assert.All(doc.Requirements.Where(r => r.Withdrawn), r => Assert.Equal("ENTFALLEN", r.Title));
    }

    [SkippableTheory]
    [InlineData("ISMS", 9, 5, 2)]
    [InlineData("ORP", 27, 21, 6)]
    [InlineData("CON", 65, 32, 17)]
    [InlineData("OPS", 70, 125, 52)]
    [InlineData("DER", 32, 69, 27)]
    [InlineData("APP", 101, 141, 59)]
    [InlineData("SYS", 111, 223, 126)]
    [InlineData("IND", 20, 35, 14)]
    [InlineData("NET", 67, 109, 51)]
    [InlineData("INF", 61, 107, 51)]
    public void Read_Edition2023_ActiveRequirementsPerLayer(string layer, int basis, int standard, int hoch)
    {
        var doc = KompendiumFixtures.Official();
        var layerOf = doc.Groups.Where(g => g.Kind == GroupKind.Module).ToDictionary(g => g.Id, g => g.ParentId);

        var active = doc.Requirements.Where(r => !r.Withdrawn && layerOf[r.GroupId] == layer).ToList();

        Assert.Equal(basis, active.Count(r => r.Level == RequirementLevel.Basis));
        Assert.Equal(standard, active.Count(r => r.Level == RequirementLevel.Standard));
        Assert.Equal(hoch, active.Count(r => r.Level == RequirementLevel.Hoch));
    }

    [SkippableFact]
    public void Read_Edition2023_FirstRequirementOfIsms()
    {
        var requirement = KompendiumFixtures.Official().Requirements.Single(r => r.Id == "ISMS.1.A1");

        Assert.Equal("Übernahme der Gesamtverantwortung für Informationssicherheit durch die Leitung", requirement.Title);
        Assert.Equal("ISMS.1", requirement.GroupId);
        Assert.Equal(0, requirement.Order);
        Assert.Equal(RequirementLevel.Basis, requirement.Level);
        Assert.Equal(["Institutionsleitung"], requirement.Roles);
        Assert.Equal("MUSS", requirement.ModalVerb);
        Assert.StartsWith("Die Institutionsleitung MUSS die Gesamtverantwortung", requirement.Statement, StringComparison.Ordinal);
        Assert.Equal(3, requirement.Statement.Split("\n\n").Length);
    }

    [SkippableFact]
    public void Read_Edition2023_OtRoleWithCommaStaysWhole()
    {
        var requirement = KompendiumFixtures.Official().Requirements.Single(r => r.Id == "IND.1.A19");

        Assert.Equal("Erstellung von Datensicherungen", requirement.Title);
        Assert.Equal(["Mitarbeitende", "OT-Betrieb (Operational Technology, OT)"], requirement.Roles);
    }

    [SkippableFact]
    public void Read_Edition2023_NoRoleIsSplitInsideParentheses()
    {
        var doc = KompendiumFixtures.Official();

        var roles = doc.Requirements.SelectMany(r => r.Roles)
            .Concat(doc.Groups.SelectMany(g => g.FurtherRoles))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("OT-Betrieb (Operational Technology, OT)", roles);
        Assert.All(roles, role => Assert.Equal(role.Count(c => c == '('), role.Count(c => c == ')')));
        Assert.DoesNotContain("Keine", roles);
    }

    [SkippableFact]
    public void Read_Edition2023_MissingDotInOps23A22IsNormalisedAndReported()
    {
        var doc = KompendiumFixtures.Official();

        var requirement = doc.Requirements.Single(r => r.Id == "OPS.2.3.A22");
        Assert.Equal("Durchführung von gemeinsamen Notfall- und Krisenübungen", requirement.Title);
        Assert.Equal(RequirementLevel.Hoch, requirement.Level);
        Assert.False(requirement.Withdrawn);
        Assert.Equal(["Notfallbeauftragte"], requirement.Roles);
        var warning = Assert.Single(doc.Warnings).ToString();
        Assert.Contains("„OPS.2.3A22“", warning, StringComparison.Ordinal);
        Assert.Contains("„OPS.2.3.A22“", warning, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("CON.2", 1, 1)]
    [InlineData("SYS.2.1", 45, 35)]
    [InlineData("NET.1.1", 36, 36)]
    [InlineData("CON.7", 18, 18)]
    [InlineData("SYS.4.4", 24, 20)]
    public void Read_Edition2023_RequirementsPerModule(string module, int all, int active)
    {
        var requirements = KompendiumFixtures.Official().Requirements.Where(r => r.GroupId == module).ToList();

        Assert.Equal(all, requirements.Count);
        Assert.Equal(active, requirements.Count(r => !r.Withdrawn));
        Assert.Equal(Enumerable.Range(0, all), requirements.Select(r => r.Order));
    }

    [SkippableFact]
    public void Read_Edition2023_Isms1ResponsibilitiesAndModelling()
    {
        var module = KompendiumFixtures.Official().Groups.Single(g => g.Id == "ISMS.1");

        Assert.Equal("Sicherheitsmanagement", module.Title);
        Assert.Equal("ISMS", module.ParentId);
        Assert.Equal("Informationssicherheitsbeauftragte (ISB)", module.ResponsibleRole);
        Assert.Equal(["Vorgesetzte", "Institutionsleitung"], module.FurtherRoles);
        Assert.Equal("R1", module.ProcessingOrder);
        Assert.Equal("Informationsverbund/übergeordnete Aspekte", module.TargetObjectType);
        Assert.StartsWith("Einleitung\n\nMit (Informations-)Sicherheitsmanagement", module.Description, StringComparison.Ordinal);
        Assert.Contains("\n\nZielsetzung\n\n", module.Description, StringComparison.Ordinal);
        Assert.Contains("\n\nAbgrenzung und Modellierung\n\n", module.Description, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_Edition2023_EveryModuleHasResponsibleRoleDescriptionAndModelling()
    {
        var modules = KompendiumFixtures.Official().Groups.Where(g => g.Kind == GroupKind.Module).ToList();

        Assert.All(modules, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.ResponsibleRole));
            Assert.False(string.IsNullOrWhiteSpace(m.Description));
        });
        Assert.Equal(65, modules.Count(m => m.ResponsibleRole == "IT-Betrieb"));
        Assert.Equal(17, modules.Count(m => m.ResponsibleRole == "Informationssicherheitsbeauftragte (ISB)"));
        Assert.Equal(
            new Dictionary<string, int> { ["R1"] = 15, ["R2"] = 80, ["R3"] = 16 },
            modules.CountBy(m => m.ProcessingOrder!).ToDictionary());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["Informationsverbund/übergeordnete Aspekte"] = 39,
                ["IT-System"] = 38,
                ["Anwendung"] = 20,
                ["Gebäude/Raum"] = 11,
                ["Netz"] = 3,
            },
            modules.CountBy(m => m.TargetObjectType!).ToDictionary());
    }

    [SkippableFact]
    public void Read_Edition2023_ModalVerbsFollowTheLevels()
    {
        var active = KompendiumFixtures.Official().Requirements.Where(r => !r.Withdrawn).ToList();

        // Every Basis requirement contains a MUSS-type keyword (DOMAIN.md §1.1); S and H mostly SOLLTE.
        Assert.All(active.Where(r => r.Level == RequirementLevel.Basis), r => Assert.Equal("MUSS", r.ModalVerb));
        Assert.All(active.Where(r => r.Level != RequirementLevel.Basis), r => Assert.NotNull(r.ModalVerb));
        Assert.Equal(825, active.Count(r => r.Level == RequirementLevel.Standard && r.ModalVerb == "SOLLTE"));
        Assert.Equal(400, active.Count(r => r.Level == RequirementLevel.Hoch && r.ModalVerb == "SOLLTE"));
    }

    [SkippableFact]
    public void Read_Edition2023_TitlesAreWhitespaceNormalisedAndStatementsPresent()
    {
        var doc = KompendiumFixtures.Official();

        Assert.All(doc.Requirements, r =>
        {
            Assert.Equal(r.Title.Trim(), r.Title);
            Assert.DoesNotContain("  ", r.Title, StringComparison.Ordinal);
            Assert.DoesNotContain('\u00A0', r.Title);
            Assert.NotEmpty(r.Statement);
            Assert.Contains(new CatalogProperty("level", r.Level switch
            {
                RequirementLevel.Basis => "B",
                RequirementLevel.Standard => "S",
                _ => "H",
            }), r.Props);
        });
        Assert.All(doc.Requirements.Where(r => r.Withdrawn), r => Assert.Equal("Diese Anforderung ist entfallen.", r.Statement));
    }
}
