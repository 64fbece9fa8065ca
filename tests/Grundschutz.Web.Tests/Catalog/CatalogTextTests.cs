using System.Globalization;
using Grundschutz.Web.Pages.Catalog;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Tests.Catalog;

public sealed class CatalogTextTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Theory]
    [InlineData("de-DE", "2026-07-29T06:41:35.985975+00:00", "Stand 29.07.2026")]
    [InlineData("de-DE", "2026-06-24T07:29:51Z", "Stand 24.06.2026")]
    [InlineData("en", "2026-07-29T06:41:35.985975+00:00", "as of 7/29/2026")]
    [InlineData("de-DE", "2026.1", "2026.1")]
    [InlineData("de-DE", "Edition 2023", "Edition 2023")]
    [InlineData("de-DE", "2022.annex-a.1.0.0-qa-cleaned", "2022.annex-a.1.0.0-qa-cleaned")]
    [InlineData("de-DE", "2026-07-29", "2026-07-29")]
    public void VersionLabel_BuildTimestampsBecomeADate_OtherVersionsStayVerbatim(string culture, string version, string expected)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var t = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

            Assert.Equal(expected, CatalogText.VersionLabel(t, version));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task StartPage_CatalogueList_NamesVersionAndRequirementsInForce()
    {
        var versionId = await new AssessmentSeed(factory).DemoCatalogVersionIdAsync();

        var start = await Html.GetDocumentAsync(factory.CreateBrowserClient(), "/");

        var item = start.QuerySelectorAll("#catalog-list li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/Catalog/Versions/{versionId}");
        Assert.Equal("(2026.1, 15 Anforderungen)", item.QuerySelector(".muted")!.TextContent.Trim());
    }
}
