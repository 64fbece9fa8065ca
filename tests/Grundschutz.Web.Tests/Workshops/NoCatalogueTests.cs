using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Workshops;

/// <summary>
/// Day one of an installation, before the administration imported a catalogue: the forms that need a catalogue version
/// say so and whom to ask, instead of a form whose every send is refused („Bitte eine Katalogversion wählen“).
/// The fixture imports nothing (no demo data, nothing imported on start).
/// </summary>
public sealed class NoCatalogueTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task WorkshopAndAssessmentForms_WithoutAnyCatalogue_SayWhomToAsk()
    {
        var seed = new AssessmentSeed(factory);
        var facilitator = await seed.UserAsync("moderation-ohne-katalog", Roles.Facilitator);
        var (_, isb) = await seed.TenantAsync("05315099", "Katalogfreie Stadt");

        var workshop = await Html.GetDocumentAsync(await seed.SignInAsync(facilitator), "/Workshops/Create");
        Assert.Equal("Es ist noch kein Katalog importiert. Bitte wenden Sie sich an die Administration.", workshop.GetElementById("no-catalogs")!.TextContent.Trim());
        Assert.Null(workshop.GetElementById("workshop-form"));

        var assessment = await Html.GetDocumentAsync(await seed.SignInAsync(isb), "/Assessments/Create");
        Assert.Equal("Es ist noch kein Katalog importiert. Bitte wenden Sie sich an die Administration.", assessment.GetElementById("no-catalogs")!.TextContent.Trim());
        Assert.Null(assessment.GetElementById("create-form"));
    }
}
