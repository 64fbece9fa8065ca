using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Accessibility;

/// <summary>
/// WCAG 3.1.2 on the English UI: the catalogue's texts (requirement titles, statements, guidance, module titles) are
/// German – the BSI publishes the catalogues the app imports in German – and a screen reader reads them with the
/// page's English voice unless they carry <c>lang="de"</c>. The English UI text around them stays English.
/// </summary>
public sealed class LanguageOfPartsTests(Assessments.QuestionnaireWebFactory factory) : IClassFixture<Assessments.QuestionnaireWebFactory>
{
    [Fact]
    public async Task Question_English_CatalogueTextsAreMarkedGerman()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100911", "Sprachstadt");
        var client = await tenant.SignInAsync();

        var page = await Html.GetDocumentAsync(client, Html.English(Question(tenant.Id, 0)));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", Lang(page.QuerySelector("#answer-heading")!));
        Assert.Equal("en", Lang(page.QuerySelector("#requirement-id")!));
        Assert.Equal("de", Lang(page.QuerySelector("#requirement-title")!));
        Assert.Equal("de", Lang(page.QuerySelector("#requirement-statement")!));
        if (page.QuerySelector("#requirement-guidance .prose") is { } guidance)
        {
            Assert.Equal("de", Lang(guidance));
            Assert.Equal("en", Lang(page.QuerySelector("#requirement-guidance summary")!));
        }

        var modules = page.QuerySelectorAll("#module-nav li a");
        Assert.NotEmpty(modules);
        Assert.All(modules, a => Assert.Equal("de", Lang(Assert.Single(a.QuerySelectorAll(".catalog-title")))));
    }

    [Fact]
    public async Task OverviewAndScope_English_ModuleTitlesAreMarkedGerman()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100912", "Sprachdorf");
        var client = await tenant.SignInAsync();

        var overview = await Html.GetDocumentAsync(client, Html.English($"/Assessments/{tenant.Id}"));
        var rows = overview.QuerySelectorAll("th[scope='row'] a[href*='/Questions/']");
        Assert.NotEmpty(rows);
        Assert.All(rows, a => Assert.Equal("de", Lang(Assert.Single(a.QuerySelectorAll(".catalog-title")))));

        var scope = await Html.GetDocumentAsync(client, Html.English($"/Assessments/{tenant.Id}/Scope"));
        var labels = scope.QuerySelectorAll("fieldset.module-layer label");
        Assert.NotEmpty(labels);
        Assert.All(labels, label =>
        {
            Assert.Equal("de", Lang(Assert.Single(label.QuerySelectorAll(".catalog-title"))));
            Assert.Equal("en", Lang(label.QuerySelector(".count")!));
        });
        Assert.All(scope.QuerySelectorAll("fieldset.module-layer legend"), legend => Assert.Equal("de", Lang(Assert.Single(legend.QuerySelectorAll(".catalog-title")))));
    }

    [Fact]
    public async Task Report_English_ModuleAndRequirementTitlesAreMarkedGerman()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100913", "Berichtsdorf", b => b.Answer("ORG.1.1", Target, Grundschutz.Domain.Assessments.AnswerStatus.Nein));
        var client = await tenant.SignInAsync();

        var report = await Html.GetDocumentAsync(client, Html.English($"/Assessments/{tenant.Id}/Report"));

        Assert.Equal("en", report.DocumentElement.GetAttribute("lang"));
        foreach (var table in new[] { "#layers", "#modules" })
        {
            var titles = report.QuerySelectorAll($"{table} tbody tr td:first-of-type");
            Assert.NotEmpty(titles);
            Assert.All(titles, td => Assert.Equal("de", Lang(td)));
            Assert.All(report.QuerySelectorAll($"{table} tbody tr td.num"), td => Assert.Equal("en", Lang(td)));
        }

        var plan = report.QuerySelector("#action-plan tbody tr[data-requirement='ORG.1.1']");
        Assert.NotNull(plan);
        Assert.Equal("de", Lang(Assert.Single(plan.QuerySelectorAll(".catalog-title"))));
    }

    [Fact]
    public async Task CatalogRequirementAndGroup_English_CatalogueTextsAreMarkedGerman()
    {
        var built = await new Catalog.CatalogBuilder("Sprachkatalog")
            .Group("LNG", "Sprachen")
            .Group("LNG.1", "Baustein Sprache", "LNG")
            .Requirement("LNG.1.A1", "Anforderung auf Deutsch", "LNG.1", r =>
            {
                r.Statement = "Der Text MUSS mit deutscher Stimme gelesen werden.";
                r.Guidance = "Hinweise zur Umsetzung.";
            })
            .SaveAsync(factory.Services);
        var client = factory.CreateBrowserClient();

        var requirement = await Html.GetDocumentAsync(client, Html.English($"/Catalog/Versions/{built.VersionId}/Requirements/LNG.1.A1"));
        Assert.Equal("en", requirement.DocumentElement.GetAttribute("lang"));
        Assert.Equal("de", Lang(requirement.QuerySelector("#requirement-title .catalog-title")!));
        Assert.Equal("de", Lang(requirement.QuerySelector("#statement")!));
        Assert.Equal("de", Lang(requirement.QuerySelector("#guidance")!));

        var group = await Html.GetDocumentAsync(client, Html.English($"/Catalog/Versions/{built.VersionId}/Groups/LNG.1"));
        Assert.Equal("de", Lang(group.QuerySelector("#group-title .catalog-title")!));
        Assert.Equal("en", Lang(group.QuerySelector("#group-kind")!));
        var title = group.QuerySelector("tr[data-requirement-id='LNG.1.A1'] .req-title .catalog-title");
        Assert.NotNull(title);
        Assert.Equal("de", Lang(title));
    }

    /// <summary>The language an element is read in: its own <c>lang</c> or the nearest ancestor's.</summary>
    private static string? Lang(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.GetAttribute("lang") is { } lang)
            {
                return lang;
            }
        }

        return null;
    }
}
