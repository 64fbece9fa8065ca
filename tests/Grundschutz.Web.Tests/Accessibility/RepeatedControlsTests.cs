using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.AssessmentPages;

namespace Grundschutz.Web.Tests.Accessibility;

/// <summary>
/// WCAG 2.4.6 and 2.4.9 for a screen-reader user who lists a page's buttons or jumps from control to control: the
/// controls repeated in every row of a table (rename a target object, save its new name) name the row they act on, in
/// visually hidden text where the visible label stays short.
/// </summary>
public sealed class RepeatedControlsTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task Scope_TwoTargets_RenameControlsNameTheirTarget()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("03241911", "Zeilenstadt");
        var assessment = await seed.Assessment(municipality, isb).WithTarget("Server Rathaus", "TEC.1").WithTarget("Clients Bürgeramt", "TEC.1").BuildAsync();
        var client = await seed.SignInAsync(isb);

        var page = await Html.GetDocumentAsync(client, Scope(assessment.Id));

        foreach (var name in new[] { "Server Rathaus", "Clients Bürgeramt" })
        {
            var n = assessment.Target(name).ToString("N");
            Assert.Equal($"Umbenennen {name}", Text(page, $"#target-{n} details summary"));
            Assert.Equal($"Speichern {name}", Text(page, $"#rename-submit-{n}"));
            Assert.Equal(name, Text(page, $"#target-{n} details summary .visually-hidden"));
        }
    }
}
