using System.Net;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Assessments;

public sealed class QuestionnaireConflictTests(QuestionnaireWebFactory factory) : IClassFixture<QuestionnaireWebFactory>
{
    [Fact]
    public async Task Save_SomeoneSavedMeanwhile_ShowsBothVersionsSavesNothingAndASecondSaveOverwrites()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "06100001", "Darmstadt");
        var colleague = await tenant.ColleagueAsync("isb2-06100001");
        var clientA = await tenant.SignInAsync();
        var clientB = await tenant.Seed.SignInAsync(colleague);
        var pageA = await Html.GetDocumentAsync(clientA, Question(tenant.Id, 0));
        var pageB = await Html.GetDocumentAsync(clientB, Question(tenant.Id, 0));

        var savedA = await SaveAsync(clientA, pageA, new()
        {
            ["Input.Status"] = "Ja",
            ["Input.ImplementationDescription"] = "Fassung A: Bestellung liegt vor.",
        }, "save-stay");
        Assert.Equal(HttpStatusCode.Redirect, savedA.StatusCode);
        factory.Time.Advance(TimeSpan.FromMinutes(1));

        var conflict = await SaveRefusedAsync(clientB, pageB, new()
        {
            ["Input.Status"] = "Nein",
            ["Input.Justification"] = "Fassung B: Niemand ist benannt.",
            ["Input.Owner"] = "Bürgermeisterin",
            ["Input.DueDate"] = "2027-01-31",
        }, "save-stay");

        var box = conflict.GetElementById("conflict");
        Assert.NotNull(box);
        Assert.Equal("alert", box.GetAttribute("role"));
        Assert.Contains(tenant.Isb.DisplayName, Text(conflict, "#conflict-meta"), StringComparison.Ordinal);
        Assert.Equal("umgesetzt", Text(conflict, "#conflict-theirs-Status"));
        Assert.Equal("Fassung A: Bestellung liegt vor.", Text(conflict, "#conflict-theirs-ImplementationDescription"));
        Assert.Equal("nicht umgesetzt", Text(conflict, "#conflict-mine-Status"));
        Assert.Equal("Fassung B: Niemand ist benannt.", Text(conflict, "#conflict-mine-Justification"));
        Assert.Equal("–", Text(conflict, "#conflict-theirs-Justification"));

        // B's input stays in the form, which now carries A's version.
        Assert.Equal("1", conflict.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Fassung B: Niemand ist benannt.", ((IHtmlTextAreaElement)conflict.GetElementById("Input_Justification")!).Value);
        Assert.True(((IHtmlInputElement)conflict.GetElementById("Input_Status_Nein")!).IsChecked);

        // Nothing of B was saved.
        var afterConflict = await tenant.AnswerAsync("ORG.1.1");
        Assert.Equal((AnswerStatus.Ja, 1, "Fassung A: Bestellung liegt vor.", (string?)null), (afterConflict!.Status, afterConflict.Version, afterConflict.ImplementationDescription, afterConflict.Justification));

        // Saving again is a deliberate overwrite.
        var overwrite = await SaveAsync(clientB, conflict, new(), "save-stay");
        var shown = await Html.FollowRedirectAsync(clientB, overwrite);
        var final = await tenant.AnswerAsync("ORG.1.1");
        Assert.Equal((AnswerStatus.Nein, 2, "Fassung B: Niemand ist benannt.", colleague.Id), (final!.Status, final.Version, final.Justification, final.UpdatedByUserId));
        Assert.Contains(final.History, h => h.Field == AnswerFields.Status && h.OldValue == "Open" && h.NewValue == "Ja" && h.UserId == tenant.Isb.Id);
        Assert.Contains(final.History, h => h.Field == AnswerFields.Status && h.OldValue == "Ja" && h.NewValue == "Nein" && h.UserId == colleague.Id);
        var statusRows = shown.QuerySelectorAll("#answer-history tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Where(r => r[2] == "Umsetzungsstatus")
            .Select(r => (r[1], r[3], r[4]))
            .ToList();
        Assert.Equal([(colleague.DisplayName, "umgesetzt", "nicht umgesetzt"), (tenant.Isb.DisplayName, "offen", "umgesetzt")], statusRows);
        Assert.Null(shown.GetElementById("conflict"));
    }

    [Fact]
    public async Task Save_NoConflict_WhenTheSameUserSavesTwiceInARow()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "06100002", "Frankfurt-Test");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var first = await Html.FollowRedirectAsync(client, await SaveAsync(client, page, new() { ["Input.Status"] = "Ja" }, "save-stay"));
        var second = await SaveAsync(client, first, new() { ["Input.Owner"] = "Hauptamt" }, "save-stay");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(("Hauptamt", 2), ((await tenant.AnswerAsync("ORG.1.1"))!.Owner, (await tenant.AnswerAsync("ORG.1.1"))!.Version));
    }
}
