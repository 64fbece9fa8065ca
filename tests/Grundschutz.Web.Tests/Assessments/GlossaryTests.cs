using System.Globalization;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.TestSupport;
using Grundschutz.Web.Pages.Hilfe;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>
/// The glossary (/Hilfe/Begriffe) explains each BSI term under a stable anchor, and the pages where a term first
/// matters link to it: the approach on the create form, target objects, modules and exclusions on the scope, the
/// statuses and „entbehrlich“ on a question, the figures on the report. The create form says per approach what it
/// checks and whether it can lead to a certificate.
/// </summary>
public sealed class GlossaryTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    private static string MinimalKompendium => SharedFiles.InRepository("tests/Grundschutz.Domain.Tests/Fixtures/Kompendium/minimal-kompendium.xml");

    private static IEnumerable<string> Anchors() =>
        typeof(BegriffeModel.Anchors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

    [Fact]
    public async Task Glossary_EveryAnchor_IsASectionWithAHeadingAndText()
    {
        var page = await Html.GetDocumentAsync(factory.CreateBrowserClient(), BegriffeModel.Path);

        Assert.Equal(12, Anchors().Count());
        foreach (var anchor in Anchors())
        {
            var section = page.GetElementById(anchor) ?? throw new Xunit.Sdk.XunitException($"No #{anchor} on the glossary.");
            Assert.NotNull(section.QuerySelector("h2"));
            Assert.True(section.QuerySelectorAll("p, dd").Length > 0, $"#{anchor} explains nothing.");
        }

        // The statuses as the BSI defines them; Basis-Absicherung is not enough for a certificate.
        Assert.Contains("vollständig, wirksam und angemessen", page.GetElementById(BegriffeModel.Anchors.Umsetzungsstatus)!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Begründung ist immer Pflicht", page.GetElementById(BegriffeModel.Anchors.Entbehrlich)!.TextContent, StringComparison.Ordinal);
        Assert.Contains("reicht sie nicht", page.GetElementById(BegriffeModel.Anchors.Vorgehensweise)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessmentPages_LinkTheGlossaryWhereTheTermMatters_AndEveryLinkedAnchorExists()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241010", "Glossarhausen");
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget("Server Rathaus", "TEC.1")
            .InState(AssessmentState.InProgress)
            .BuildAsync();
        var client = await seed.SignInAsync(isb);
        var glossary = await Html.GetDocumentAsync(client, BegriffeModel.Path);

        var links = new (string Url, string LinkId, string Anchor)[]
        {
            ("/Assessments/Create", "approach-help-link", BegriffeModel.Anchors.Vorgehensweise),
            (Scope(assessment.Id), "targets-help-link", BegriffeModel.Anchors.Zielobjekt),
            (Scope(assessment.Id), "modules-help-link", BegriffeModel.Anchors.Baustein),
            (Scope(assessment.Id), "exclusions-help-link", BegriffeModel.Anchors.Modellierung),
            (QuestionnaireTestData.Question(assessment.Id, 0), "status-help-link", BegriffeModel.Anchors.Umsetzungsstatus),
            (QuestionnaireTestData.Question(assessment.Id, 0), "entbehrlich-help-link", BegriffeModel.Anchors.Entbehrlich),
        };
        var inForms = 0;
        foreach (var (url, linkId, anchor) in links)
        {
            var page = await Html.GetDocumentAsync(client, url);
            var link = page.GetElementById(linkId) ?? throw new Xunit.Sdk.XunitException($"No #{linkId} on {url}.");
            Assert.Equal($"{BegriffeModel.Path}#{anchor}", link.GetAttribute("href"));
            Assert.NotNull(glossary.GetElementById(anchor));
            if (link.Closest("form") is not null)
            {
                inForms++;
                // Inside a form the help must not take the typed input away: it opens in a new tab and says so.
                Assert.Equal(("_blank", "noopener"), (link.GetAttribute("target"), link.GetAttribute("rel")));
                Assert.EndsWith("(öffnet in neuem Tab)", link.TextContent.Trim(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(3, inForms);
        var report = await Html.GetDocumentAsync(client, $"/Assessments/{assessment.Id}/Report");
        Assert.Equal(BegriffeModel.Path, report.GetElementById("glossary-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Create_KompendiumApproaches_EachSaysWhatItChecksAndWhetherItCanBeCertified()
    {
        var seed = new AssessmentSeed(factory);
        await seed.DemoCatalogVersionIdAsync();
        int kompendiumId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImportService>();
            kompendiumId = (await importer.ImportAsync([CatalogImportFile.FromPath(MinimalKompendium)], "test", CancellationToken.None))[0].CatalogVersionId;
        }

        var (_, isb) = await seed.TenantAsync("03241011", "Vorgehensdorf");
        var client = await seed.SignInAsync(isb);
        var page = await Html.GetDocumentAsync(client, "/Assessments/Create");
        var form = Form(page, "create-form");
        ((IHtmlSelectElement)form.Elements["Input.CatalogVersionId"]!).Value = kompendiumId.ToString(CultureInfo.InvariantCulture);
        form.Action = page.GetElementById("choose-version-button")!.GetAttribute("formaction")!;
        var chosen = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, form));

        string Hint(Approach approach)
        {
            var radio = chosen.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Approach']").Single(i => i.Value == approach.ToString());
            var hintId = radio.GetAttribute("aria-describedby") ?? throw new Xunit.Sdk.XunitException($"The {approach} radio has no description.");
            return chosen.GetElementById(hintId)!.TextContent;
        }

        Assert.Contains("Nur die Basis-Anforderungen (B)", Hint(Approach.Basis), StringComparison.Ordinal);
        Assert.Contains("Reicht nicht für eine ISO-27001-Zertifizierung", Hint(Approach.Basis), StringComparison.Ordinal);
        Assert.Contains("Zertifizierbar", Hint(Approach.Kern), StringComparison.Ordinal);
        Assert.Contains("ganzen Informationsverbund", Hint(Approach.Standard), StringComparison.Ordinal);
    }
}
