using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Assessments;

/// <summary>
/// The assessment list of an auditor of a Land with many municipalities: 50 per page, every visible assessment on
/// exactly one page, search by municipality name (umlauts folded) or AGS, filter by state; an ISB with a short list
/// sees neither filter nor pager.
/// </summary>
public sealed class AssessmentListTests(AssessmentListTests.Scenario scenario) : IClassFixture<AssessmentListTests.Scenario>
{
    private static List<string> RowIds(IHtmlDocument document) =>
        document.QuerySelectorAll("#assessments tbody tr").Select(r => r.Id!).ToList();

    private static string Caption(IHtmlDocument document) => document.QuerySelector("#assessments caption")!.TextContent.Trim();

    [Fact]
    public async Task Auditor_ManyAssessments_PagedBy50_EveryVisibleAssessmentOnExactlyOnePage()
    {
        var client = await scenario.Seed.SignInAsync(scenario.Auditor);

        var first = await Html.GetDocumentAsync(client, "/Assessments");
        var second = await Html.GetDocumentAsync(client, "/Assessments?p=2");

        Assert.Equal(50, RowIds(first).Count);
        Assert.Equal(scenario.Visible.Count - 50, RowIds(second).Count);
        Assert.Equal(
            scenario.Visible.Select(id => $"assessment-{id}").Order(StringComparer.Ordinal),
            RowIds(first).Concat(RowIds(second)).Order(StringComparer.Ordinal));
        Assert.Equal("Ihre Bewertungen, Seite 1 von 2", Caption(first));
        Assert.Equal("Seite 2 von 2", second.QuerySelector("#page-info")!.TextContent.Trim());
        Assert.Equal("/Assessments?p=2", first.QuerySelector("#page-next")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("#page-prev"));
        Assert.Null(second.QuerySelector("#page-next"));
        Assert.Equal($"{scenario.Visible.Count} Bewertungen", first.QuerySelector("#assessment-count")!.TextContent.Trim());
        // Sorted by municipality: the 52 of Köln fill page 1 and start page 2, then Münster.
        Assert.Equal(["Köln", "Köln", "Münster", "Münster"], second.QuerySelectorAll("#assessments tbody td.municipality").Select(c => c.TextContent.Trim()));
        // Progress is computed for the rows shown (submitted: every question answered).
        Assert.All(second.QuerySelectorAll("#assessments tbody td.progress-cell"), c => Assert.Equal("3 von 3 beantwortet", c.TextContent.Trim()));
        // A page beyond the end shows the last page; a page before the start the first.
        Assert.Equal(RowIds(second), RowIds(await Html.GetDocumentAsync(client, "/Assessments?p=999")));
        Assert.Equal(RowIds(first), RowIds(await Html.GetDocumentAsync(client, "/Assessments?p=-3")));
        // The draft of Bonn is not visible to the auditor on any page.
        Assert.DoesNotContain($"assessment-{scenario.BonnDraft}", RowIds(first).Concat(RowIds(second)));
    }

    [Theory]
    [InlineData("münster")]
    [InlineData("MUENSTER")]
    [InlineData("05515")]
    public async Task Auditor_SearchByMunicipalityNameOrAgs_ShowsOnlyItsAssessments(string query)
    {
        var client = await scenario.Seed.SignInAsync(scenario.Auditor);

        var document = await Html.GetDocumentAsync(client, $"/Assessments?q={Uri.EscapeDataString(query)}");

        Assert.Equal(
            new[] { scenario.MuensterSubmitted, scenario.MuensterApproved }.Select(id => $"assessment-{id}").Order(StringComparer.Ordinal),
            RowIds(document).Order(StringComparer.Ordinal));
        Assert.Equal($"2 von {scenario.Visible.Count} Bewertungen", document.QuerySelector("#assessment-count")!.TextContent.Trim());
        Assert.Equal(query, document.QuerySelector<IHtmlInputElement>("#filter-q")!.Value);
        Assert.Null(document.QuerySelector(".pager"));
    }

    [Fact]
    public async Task Auditor_FilterByState_KeepsTheFilterInThePagerLinks_UnknownStateIsIgnored()
    {
        var client = await scenario.Seed.SignInAsync(scenario.Auditor);

        var approved = await Html.GetDocumentAsync(client, "/Assessments?zustand=Approved");
        Assert.Equal([$"assessment-{scenario.MuensterApproved}"], RowIds(approved));
        Assert.Equal(["Approved"], approved.QuerySelectorAll("#filter-state option[selected]").Select(o => o.GetAttribute("value")));

        var submitted = await Html.GetDocumentAsync(client, "/Assessments?zustand=Submitted");
        Assert.Equal($"{scenario.Visible.Count - 1} von {scenario.Visible.Count} Bewertungen", submitted.QuerySelector("#assessment-count")!.TextContent.Trim());
        Assert.Equal("/Assessments?zustand=Submitted&p=2", submitted.QuerySelector("#page-next")!.GetAttribute("href"));
        Assert.All(submitted.QuerySelectorAll("#assessments tbody tr"), r => Assert.Equal("Submitted", r.GetAttribute("data-state")));

        var nothing = await Html.GetDocumentAsync(client, "/Assessments?zustand=Draft");
        Assert.Empty(RowIds(nothing));
        Assert.Equal("Keine Bewertung passt zur Suche.", nothing.QuerySelector("#no-assessments")!.TextContent.Trim());

        foreach (var bogus in new[] { "Bogus", "3", "Approved,Submitted", "<script>" })
        {
            var all = await Html.GetDocumentAsync(client, $"/Assessments?zustand={Uri.EscapeDataString(bogus)}");
            Assert.Equal($"{scenario.Visible.Count} Bewertungen", all.QuerySelector("#assessment-count")!.TextContent.Trim());
            Assert.Null(all.QuerySelector("#filter-state option[selected]"));
        }
    }

    [Fact]
    public async Task Isb_FewAssessments_NoFilterAndNoPager()
    {
        var client = await scenario.Seed.SignInAsync(scenario.IsbBonn);

        var document = await Html.GetDocumentAsync(client, "/Assessments");

        Assert.Equal([$"assessment-{scenario.BonnDraft}"], RowIds(document));
        Assert.Null(document.QuerySelector("#assessment-filter"));
        Assert.Null(document.QuerySelector(".pager"));
        Assert.Equal("Ihre Bewertungen", Caption(document));
    }

    public sealed class Scenario : IAsyncLifetime
    {
        public GrundschutzWebFactory Factory { get; } = new();

        public AssessmentSeed Seed { get; private set; } = null!;

        public ApplicationUser Auditor { get; private set; } = null!;

        public ApplicationUser IsbBonn { get; private set; } = null!;

        /// <summary>Everything the auditor may see.</summary>
        public List<Guid> Visible { get; } = [];

        public Guid MuensterSubmitted { get; private set; }

        public Guid MuensterApproved { get; private set; }

        public Guid BonnDraft { get; private set; }

        public async Task InitializeAsync()
        {
            Seed = new AssessmentSeed(Factory);
            var (koeln, isbKoeln) = await Seed.TenantAsync("05315000", "Köln");
            var (muenster, isbMuenster) = await Seed.TenantAsync("05515000", "Münster");
            var (bonn, isbBonn) = await Seed.TenantAsync("05314000", "Bonn");
            IsbBonn = isbBonn;
            Auditor = await Seed.UserAsync("pruefer-nrw", Roles.Auditor, null, "05");
            for (var i = 1; i <= 52; i++)
            {
                Visible.Add((await Seed.Assessment(koeln, isbKoeln).Titled($"Köln {i:00}")
                    .WithTarget("Server Rathaus", "TEC.1").InState(AssessmentState.Submitted).BuildAsync()).Id);
            }

            MuensterSubmitted = (await Seed.Assessment(muenster, isbMuenster).Titled("Münster 2026")
                .WithTarget("Server Rathaus", "TEC.1").InState(AssessmentState.Submitted).BuildAsync()).Id;
            MuensterApproved = (await Seed.Assessment(muenster, isbMuenster).Titled("Münster 2025")
                .WithTarget("Server Rathaus", "TEC.1").InState(AssessmentState.Approved).BuildAsync()).Id;
            Visible.Add(MuensterSubmitted);
            Visible.Add(MuensterApproved);
            BonnDraft = (await Seed.Assessment(bonn, isbBonn).Titled("Bonn Entwurf").WithTarget("Server Rathaus", "TEC.1").BuildAsync()).Id;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
