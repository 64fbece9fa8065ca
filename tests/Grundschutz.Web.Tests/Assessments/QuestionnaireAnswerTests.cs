using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Web.Pages.Assessments.Questions;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Assessments;

public sealed class QuestionnaireAnswerTests(QuestionnaireWebFactory factory) : IClassFixture<QuestionnaireWebFactory>
{
    [Fact]
    public async Task Save_AnswerThroughForm_StoresValuesAndGoesToNextOpenQuestion()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100001", "Aachen", b => b.Answer("ORG.1.2", Target, AnswerStatus.Ja));
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        Assert.Equal("ORG.1.1", Text(page, "#requirement-id"));
        Assert.Contains("ORG.1: 1 von 3 beantwortet", Text(page, "#module-progress-label"), StringComparison.Ordinal);
        Assert.Equal(("1", "3"), (page.GetElementById("module-progress")!.GetAttribute("value"), page.GetElementById("module-progress")!.GetAttribute("max")));
        Assert.Equal("Insgesamt: 1 von 6 beantwortet", Text(page, "#overall-progress-label"));
        Assert.Contains(Target, Text(page, "#target-object"), StringComparison.Ordinal);
        Assert.Equal("MUSS", Text(page, "#requirement-modal-verb"));
        Assert.False(string.IsNullOrWhiteSpace(Text(page, "#requirement-statement")));
        Assert.Equal("2026-11-23", ((IHtmlInputElement)page.GetElementById("Input_AssessedOn")!).Value);
        Assert.True(((IHtmlInputElement)page.GetElementById("Input_Status_Open")!).IsChecked);

        var response = await SaveAsync(client, page, new()
        {
            ["Input.Status"] = "Ja",
            ["Input.ImplementationDescription"] = "Bestellung durch den Bürgermeister, Verfügung 12/2026.",
            ["Input.CostEstimate"] = "1.250,50",
            ["Input.Interviewees"] = "Frau Muster (Hauptamt)",
        });

        // ORG.1.2 is already answered: the next open question is ORG.1.3 at position 2.
        Assert.Equal(Question(tenant.Id, 2), Location(response));
        var next = await Html.FollowRedirectAsync(client, response);
        Assert.Equal("ORG.1.3", Text(next, "#requirement-id"));
        Assert.Contains("ORG.1.1", Text(next, "#status-message"), StringComparison.Ordinal);
        Assert.Contains("ORG.1: 2 von 3 beantwortet", Text(next, "#module-progress-label"), StringComparison.Ordinal);
        var answer = await tenant.AnswerAsync("ORG.1.1");
        Assert.NotNull(answer);
        Assert.Equal(AnswerStatus.Ja, answer.Status);
        Assert.Equal(1250.50m, answer.CostEstimate);
        Assert.Equal("Bestellung durch den Bürgermeister, Verfügung 12/2026.", answer.ImplementationDescription);
        Assert.Equal("Frau Muster (Hauptamt)", answer.Interviewees);
        Assert.Equal(new DateOnly(2026, 11, 23), answer.AssessedOn);
        Assert.Equal((1, tenant.Isb.Id), (answer.Version, answer.UpdatedByUserId));
    }

    [Fact]
    public async Task Get_WithoutPosition_RedirectsToFirstOpenQuestion()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100002", "Bonn", b => b
            .Answer("ORG.1.1", Target, AnswerStatus.Ja)
            .Answer("ORG.1.2", Target, AnswerStatus.Ja));
        var client = await tenant.SignInAsync();

        var response = await client.GetAsync(Questions(tenant.Id));

        Assert.Equal(Question(tenant.Id, 2), Location(response));
    }

    [Fact]
    public async Task Save_StayButton_KeepsPositionAndShowsHistory()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100003", "Bochum");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 3));

        var saved = await Html.FollowRedirectAsync(client, await SaveAsync(client, page, new() { ["Input.Status"] = "Ja" }, "save-stay"));
        Assert.Equal("TEC.1.1", Text(saved, "#requirement-id"));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await Html.FollowRedirectAsync(client, await SaveAsync(client, saved, new()
        {
            ["Input.Status"] = "Nein",
            ["Input.Justification"] = "Sicherung läuft nur wöchentlich.",
            ["Input.Owner"] = "IT-Leitung",
            ["Input.DueDate"] = "2027-03-31",
        }, "save-stay"));

        var rows = again.QuerySelectorAll("#answer-history tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        var statusRows = rows.Where(r => r[2] == "Umsetzungsstatus").ToList();
        Assert.Equal(2, statusRows.Count);
        Assert.Equal(["umgesetzt", "nicht umgesetzt"], statusRows[0][3..5]); // newest first
        Assert.Equal(["offen", "umgesetzt"], statusRows[1][3..5]);
        Assert.All(rows, r => Assert.Equal(tenant.Isb.DisplayName, r[1]));
        Assert.Contains(rows, r => r[2] == "Umsetzung bis" && r[3] == "–" && r[4] == "31.03.2027");
        Assert.Contains(rows, r => r[2] == "Begründung" && r[4] == "Sicherung läuft nur wöchentlich.");
        Assert.Equal("2", again.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Get_AnswerWithLongHistory_ShowsTheNewestEntriesAndLinksToTheWholeHistory()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100021", "Herne");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 3));
        var saves = QuestionModel.HistoryShown + 5;
        for (var i = 1; i <= saves; i++)
        {
            // Each save changes the description; the first one also the status and the date of the check (prefilled with today).
            factory.Time.Advance(TimeSpan.FromMinutes(1));
            page = await Html.FollowRedirectAsync(client, await SaveAsync(client, page, new()
            {
                ["Input.Status"] = "Ja",
                ["Input.ImplementationDescription"] = $"Fassung {i}",
            }, "save-stay"));
        }

        var total = saves + 2;
        var rows = page.QuerySelectorAll("#answer-history tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(QuestionModel.HistoryShown, rows.Count);
        Assert.Equal(["Fassung " + (saves - 1), "Fassung " + saves], rows[0][3..5]); // newest first
        Assert.Equal(
            $"Gezeigt werden die neuesten {QuestionModel.HistoryShown} von {total} Änderungen. Alle {total} Änderungen anzeigen",
            string.Join(' ', Text(page, "#answer-history-partial").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var link = page.QuerySelector("#answer-history-partial a")!.GetAttribute("href")!;
        Assert.Equal(Question(tenant.Id, 3) + "?verlauf=alle#history", link);

        var whole = await Html.GetDocumentAsync(client, link);
        var all = whole.QuerySelectorAll("#answer-history tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(total, all.Count);
        Assert.Null(whole.GetElementById("answer-history-partial"));
        Assert.Contains(all, r => r[2] == "Umsetzungsstatus" && r[3] == "offen" && r[4] == "umgesetzt");
        Assert.Contains(all, r => r[2] == "Umsetzungsbeschreibung" && r[3] == "–" && r[4] == "Fassung 1");
        Assert.Contains(all, r => r[2] == "Datum der Erhebung" && r[3] == "–" && r[4] == "23.11.2026");
    }

    [Fact]
    public async Task Save_TwiceOnAnAnswerWithHistory_AppendsToItsHashChainAndLeavesOtherAnswersIntact()
    {
        // The save path loads no answer's history except the answered one: the chain must still continue from the
        // stored head, and the other answers' chains must be untouched.
        var tenant = await TenantWithAssessmentAsync(factory, "05100020", "Hagen", b => b
            .Answer("ORG.1.2", Target, AnswerStatus.Ja)
            .Answer("TEC.1.1", Target, AnswerStatus.Nein));
        var client = await tenant.SignInAsync();
        var before = (await tenant.AnswerAsync("TEC.1.1"))!;
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 3));
        Assert.Equal("TEC.1.1", Text(page, "#requirement-id"));

        var saved = await Html.FollowRedirectAsync(client, await SaveAsync(client, page, new() { ["Input.Status"] = "Ja" }, "save-stay"));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Html.FollowRedirectAsync(client, await SaveAsync(client, saved, new() { ["Input.ImplementationDescription"] = "Tägliche Sicherung seit 11/2026." }, "save-stay"));

        var after = (await tenant.AnswerAsync("TEC.1.1"))!;
        Assert.Equal(before.History.Count + 2, after.History.Count);
        Assert.Equal(after.History.Count, after.ChainLength);
        Assert.Equal(Enumerable.Range(1, after.History.Count), after.History.Select(h => h.Sequence).Order());
        Assert.Equal(after.History.MaxBy(h => h.Sequence)!.Hash, after.ChainHead);
        Assert.Equal((await tenant.AnswerAsync("ORG.1.2"))!.History.Count, (await tenant.AnswerAsync("ORG.1.2"))!.ChainLength);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Grundschutz.Infrastructure.Persistence.GrundschutzDbContext>();
        Assert.Empty(await Grundschutz.Infrastructure.Evidence.AnswerChainVerifier.VerifyAsync(db, tenant.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Save_EntbehrlichWithoutReasonAndJustification_IsSavedAndShownAsWarning()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100004", "Dortmund");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var response = await SaveAsync(client, page, new() { ["Input.Status"] = "Entbehrlich" }, "save-stay");

        Assert.Equal(Question(tenant.Id, 0), Location(response));
        var shown = await Html.FollowRedirectAsync(client, response);
        Assert.Empty(Errors(shown));
        var warnings = shown.QuerySelectorAll("#answer-issues li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_EntbehrlichReason", "#Input_Justification"], warnings);
        Assert.Contains("Eine entbehrliche Anforderung muss begründet werden.", Text(shown, "#answer-issues"), StringComparison.Ordinal);
        Assert.NotNull(shown.GetElementById("Input_EntbehrlichReason"));
        Assert.Equal(AnswerStatus.Entbehrlich, (await tenant.AnswerAsync("ORG.1.1"))!.Status);
    }

    [Fact]
    public async Task SaveAndNext_IncompleteAnswer_NextPageLinksBackToTheMissingFields()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100005", "Duisburg");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var next = await Html.FollowRedirectAsync(client, await SaveAsync(client, page, new() { ["Input.Status"] = "Nein" }));

        Assert.Equal("ORG.1.2", Text(next, "#requirement-id"));
        var links = next.QuerySelectorAll("#previous-issues li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            [$"{Question(tenant.Id, 0)}#Input_Justification", $"{Question(tenant.Id, 0)}#Input_Owner", $"{Question(tenant.Id, 0)}#Input_DueDate"],
            links);
        Assert.Null(next.GetElementById("answer-issues"));
        Assert.Equal(
            ["Eine nicht erfüllte MUSS-Anforderung muss begründet werden.", "Für den Realisierungsplan ist eine verantwortliche Person nötig.", "Für den Realisierungsplan ist ein Umsetzungstermin nötig."],
            next.QuerySelectorAll("#previous-issues li a").Select(a => a.TextContent.Trim()));

        // The same in English: the open points of the answer translated, on the page and the next one.
        var again = await Html.GetDocumentAsync(client, Question(tenant.Id, 0) + "?culture=en");
        Assert.Equal(
            ["An unmet MUSS requirement must be justified.", "The implementation plan needs a responsible person.", "The implementation plan needs a due date."],
            again.QuerySelectorAll("#answer-issues li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Save_NegativeCost_IsRefusedWithFieldErrorAndNothingSaved()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100006", "Essen");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var result = await SaveRefusedAsync(client, page, new() { ["Input.Status"] = "Ja", ["Input.CostEstimate"] = "-5,00" });

        Assert.Equal(["Die Kostenschätzung darf nicht negativ sein."], Errors(result));
        Assert.Equal(["#Input_CostEstimate"], ErrorLinks(result));
        Assert.Equal("Die Kostenschätzung darf nicht negativ sein.", Text(result, "#Input_CostEstimate-error"));
        Assert.Equal("-5,00", ((IHtmlInputElement)result.GetElementById("Input_CostEstimate")!).Value);
        Assert.Equal("true", result.GetElementById("Input_CostEstimate")!.GetAttribute("aria-invalid"));
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    /// <summary>
    /// The form's hidden fields are the app's own: an unreadable version (it would bind as 0 and skip the conflict
    /// check on a new answer) or target object is a forged request – 400, nothing saved – also for the autosave.
    /// </summary>
    [Theory]
    [InlineData("05100097", "Input.Version", "abc", false)]
    [InlineData("05100098", "Input.TargetObjectId", "kein-guid", false)]
    [InlineData("05100099", "Input.Version", "1e3", true)]
    public async Task Save_UnreadableHiddenField_BadRequestNothingSaved(string ags, string field, string value, bool autosave)
    {
        var tenant = await TenantWithAssessmentAsync(factory, ags, "Bottrop");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        if (autosave)
        {
            client.DefaultRequestHeaders.Add("X-Autosave", "1");
        }

        var response = await SaveAsync(client, page, new() { ["Input.Status"] = "Ja", [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Save_Refused_ShowsEveryPostedValueAgain_AndMarksOnlyTheInvalidField()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100007", "Bottrop");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        // The form is written by hand (no asp-for): what was typed must come back as typed (markup characters too), and
        // only the invalid field is marked.
        var result = await SaveRefusedAsync(client, page, new()
        {
            ["Input.Status"] = "Nein",
            ["Input.Justification"] = "\r\nZweite Zeile <b>fett</b>",
            ["Input.Owner"] = "Frau Özdemir & Team",
            ["Input.DueDate"] = "31.02.2027",
            ["Input.CostEstimate"] = "1.250,50",
        });

        Assert.Equal(["#Input_DueDate"], ErrorLinks(result));
        var due = (IHtmlInputElement)result.GetElementById("Input_DueDate")!;
        Assert.Equal("31.02.2027", due.Value);
        Assert.Equal(["input-validation-error"], due.ClassList);
        Assert.Equal("true", due.GetAttribute("aria-invalid"));
        var message = result.GetElementById("Input_DueDate-error")!;
        Assert.Equal(Errors(result)[0], message.TextContent);
        Assert.Contains("field-validation-error", message.ClassList);

        var checkedStatus = result.QuerySelectorAll("input[name='Input.Status']").Cast<IHtmlInputElement>().Where(i => i.IsChecked).ToList();
        Assert.Equal("Nein", Assert.Single(checkedStatus).Value);
        Assert.Equal("\r\nZweite Zeile <b>fett</b>", ((IHtmlTextAreaElement)result.GetElementById("Input_Justification")!).Value);
        Assert.Equal("Frau Özdemir & Team", ((IHtmlInputElement)result.GetElementById("Input_Owner")!).Value);
        Assert.Equal("1.250,50", ((IHtmlInputElement)result.GetElementById("Input_CostEstimate")!).Value);
        foreach (var id in new[] { "Input_Justification", "Input_Owner", "Input_CostEstimate", "Input_ImplementationDescription" })
        {
            Assert.Empty(result.GetElementById(id)!.ClassList);
            Assert.Null(result.GetElementById(id)!.GetAttribute("aria-invalid"));
            Assert.Equal("", result.GetElementById(id + "-error")!.TextContent);
        }

        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Theory]
    [InlineData("1.5", "05100071")]
    [InlineData("zwölf Euro", "05100072")]
    [InlineData("1,255", "05100073")]
    public async Task Save_UnreadableCost_IsRefusedWithGermanHint(string cost, string ags)
    {
        var tenant = await TenantWithAssessmentAsync(factory, ags, "Gelsenkirchen " + ags);
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var result = await SaveRefusedAsync(client, page, new() { ["Input.Status"] = "Ja", ["Input.CostEstimate"] = cost });

        Assert.Equal(["#Input_CostEstimate"], ErrorLinks(result));
        Assert.Contains("1.250,50", Errors(result)[0], StringComparison.Ordinal);
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Save_AssessedOnInTheFuture_IsRefused()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100008", "Hagen");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var result = await SaveRefusedAsync(client, page, new() { ["Input.Status"] = "Ja", ["Input.AssessedOn"] = "2026-11-24" });

        Assert.Equal(["Das Datum der Erhebung darf nicht in der Zukunft liegen."], Errors(result));
        Assert.Equal(["#Input_AssessedOn"], ErrorLinks(result));
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    /// <summary>
    /// Dates the browser's date field lets through (any year 1–9999) but Excel cannot hold or no one means: refused at
    /// the field with the allowed range, nothing saved (they used to be saved and then blocked the questionnaire upload).
    /// </summary>
    [Theory]
    [InlineData("05100031", "DueDate", "0001-01-01", "Bitte für „Umsetzung bis“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    [InlineData("05100032", "DueDate", "9999-12-31", "Bitte für „Umsetzung bis“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    [InlineData("05100033", "AssessedOn", "01.01.1900", "Bitte für „Datum der Erhebung“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.")]
    public async Task Save_DateOutsideThePlausibleRange_IsRefusedWithTheRangeAndNothingSaved(string ags, string field, string value, string message)
    {
        var tenant = await TenantWithAssessmentAsync(factory, ags, "Hürth " + ags);
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var result = await SaveRefusedAsync(client, page, new() { ["Input.Status"] = "Ja", ["Input." + field] = value });

        Assert.Equal([message], Errors(result));
        Assert.Equal(["#Input_" + field], ErrorLinks(result));
        Assert.Equal(message, Text(result, $"#Input_{field}-error"));
        Assert.Equal(value, ((IHtmlInputElement)result.GetElementById("Input_" + field)!).Value);
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Form_GrundschutzPlusPlus_HasNoTeilweiseAndRefusesAForgedOne()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100009", "Hamm");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        Assert.Equal(["Ja", "Nein", "Entbehrlich", "Open"], RadioValues(page, "Input.Status"));
        Assert.Equal("umgesetzt", RadioLabel(page, "Input.Status", "Ja"));
        Assert.Equal("nicht umgesetzt", RadioLabel(page, "Input.Status", "Nein"));
        Assert.Equal("Umsetzungsstatus", Text(page, "#question-form fieldset legend"));

        // A crafted request with "Teilweise" is refused by the domain rule, and nothing is saved.
        var forged = (IHtmlInputElement)page.GetElementById("Input_Status_Nein")!;
        forged.Value = "Teilweise";
        var result = await SaveRefusedAsync(client, page, new() { ["Input.Status"] = "Teilweise" });
        Assert.Equal(["Grundschutz++ kennt nur umgesetzt oder nicht umgesetzt."], Errors(result));
        Assert.Equal(["#Input_Status"], ErrorLinks(result));
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Form_Kompendium_OffersTeilweiseAndShowsTheLevel()
    {
        var versionId = await KompendiumVersionIdAsync(factory);
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05100010", "Herne");
        var assessment = await seed.Assessment(municipality, isb)
            .OnCatalogVersion(versionId).WithApproach(Approach.Basis).WithTarget("Prüfstand", "TST.1")
            .InState(AssessmentState.InProgress).BuildAsync();
        var client = await seed.SignInAsync(isb);

        var page = await Html.GetDocumentAsync(client, Question(assessment.Id, 0));

        Assert.Equal("TST.1.A1", Text(page, "#requirement-id"));
        Assert.Equal(["Ja", "Teilweise", "Nein", "Entbehrlich", "Open"], RadioValues(page, "Input.Status"));
        Assert.Equal(["ja", "teilweise", "nein", "entbehrlich", "offen"], RadioValues(page, "Input.Status").Select(v => RadioLabel(page, "Input.Status", v)));
        Assert.Equal("B", page.GetElementById("requirement-level")!.GetAttribute("data-level"));

        var response = await SaveAsync(client, page, new()
        {
            ["Input.Status"] = "Teilweise",
            ["Input.Justification"] = "Nur im Rathaus umgesetzt.",
            ["Input.Owner"] = "Hauptamt",
            ["Input.DueDate"] = "30.06.2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answer = (await seed.LoadAsync(assessment.Id)).FindAnswer("TST.1.A1", assessment.Target("Prüfstand"))!;
        Assert.Equal((AnswerStatus.Teilweise, new DateOnly(2027, 6, 30)), (answer.Status, answer.DueDate));
    }

    [Fact]
    public async Task Save_LastOpenQuestion_RedirectsToTheOverview()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100011", "Köln-Test", b => b
            .Answer("ORG.1.1", Target, AnswerStatus.Ja).Answer("ORG.1.2", Target, AnswerStatus.Ja).Answer("ORG.1.3", Target, AnswerStatus.Ja)
            .Answer("TEC.1.1", Target, AnswerStatus.Ja).Answer("TEC.1.2", Target, AnswerStatus.Ja));
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 5));
        Assert.Equal("TEC.1.3", Text(page, "#requirement-id"));
        Assert.NotNull(page.GetElementById("no-open-questions"));

        var response = await SaveAsync(client, page, new() { ["Input.Status"] = "Ja" });

        Assert.Equal($"/Assessments/{tenant.Id}", Location(response));
    }

    [Fact]
    public async Task Navigation_LinksPreviousNextNextOpenAndModules()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100012", "Krefeld", b => b.Answer("TEC.1.1", Target, AnswerStatus.Ja));
        var client = await tenant.SignInAsync();

        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 2));

        Assert.Equal(Question(tenant.Id, 1), page.GetElementById("previous-question")!.GetAttribute("href"));
        Assert.Equal(Question(tenant.Id, 3), page.GetElementById("next-question")!.GetAttribute("href"));
        Assert.Equal(Question(tenant.Id, 4), page.GetElementById("next-open-question")!.GetAttribute("href"));
        var modules = page.QuerySelectorAll("#module-nav li").Select(li => (li.GetAttribute("data-group-id"), li.QuerySelector("a")!.GetAttribute("href"))).ToList();
        Assert.Equal([("ORG.1", Question(tenant.Id, 0)), ("TEC.1", Question(tenant.Id, 4))], modules);
        Assert.Equal("true", page.QuerySelector("#module-nav li[data-group-id='ORG.1'] a")!.GetAttribute("aria-current"));
        Assert.NotNull(page.QuerySelector("#requirement-guidance summary"));
    }

    [Fact]
    public async Task Get_PositionOutOfRange_IsNotFound()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100013", "Leverkusen");
        var client = await tenant.SignInAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Question(tenant.Id, 6))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Question(tenant.Id, -1))).StatusCode);
    }

    [Fact]
    public async Task Contributor_UnassignedModule_IsReadOnlyAndASaveIsRefused()
    {
        var seed = new AssessmentSeed(factory);
        var (municipality, isb) = await seed.TenantAsync("05100014", "Mönchengladbach");
        var contributor = await seed.UserAsync("mitarbeit-05100014", Roles.Contributor, municipality);
        var assessment = await seed.Assessment(municipality, isb)
            .WithTarget(Target, "ORG.1", "TEC.1").AssignContributor(contributor, "ORG.1")
            .InState(AssessmentState.InProgress).BuildAsync();
        var client = await seed.SignInAsync(contributor);

        var unassigned = await Html.GetDocumentAsync(client, Question(assessment.Id, 3));
        Assert.Null(unassigned.GetElementById("question-form"));
        Assert.Null(unassigned.GetElementById("evidence-upload-form"));
        Assert.Contains("TEC.1", Text(unassigned, "#read-only-notice"), StringComparison.Ordinal);
        Assert.Equal("offen", Text(unassigned, "#value-Status"));

        // The assigned module can be answered ...
        var assigned = await Html.GetDocumentAsync(client, Question(assessment.Id, 0));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, assigned, new() { ["Input.Status"] = "Ja" })).StatusCode);

        // ... a crafted save of the unassigned one is refused by the domain and saves nothing.
        var token = Token(assigned);
        var response = await PostFormAsync(client, Question(assessment.Id, 3) + "?handler=Save", token,
            ("Input.RequirementId", "TEC.1.1"), ("Input.TargetObjectId", assessment.Target(Target).ToString()), ("Input.Version", "0"), ("Input.Status", "Ja"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Equal(["Sie dürfen den Baustein TEC.1 nicht bearbeiten: Er ist Ihnen nicht zugewiesen."], Errors(refused));
        var stored = await seed.LoadAsync(assessment.Id);
        Assert.Null(stored.FindAnswer("TEC.1.1", assessment.Target(Target)));
        Assert.Equal(contributor.Id, stored.FindAnswer("ORG.1.1", assessment.Target(Target))!.UpdatedByUserId);
    }

    [Fact]
    public async Task Submitted_ShowsValuesWithoutFormAndRefusesSaving()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100015", "Mülheim", b => b.InState(AssessmentState.Submitted));
        var client = await tenant.SignInAsync();

        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        Assert.Null(page.GetElementById("question-form"));
        Assert.Null(page.GetElementById("evidence-upload-form"));
        Assert.Contains("Eingereicht", Text(page, "#read-only-notice"), StringComparison.Ordinal);
        Assert.Equal("umgesetzt", Text(page, "#value-Status"));
        var token = Token(await Html.GetDocumentAsync(client, "/Account/ChangePassword"));
        var response = await PostFormAsync(client, Question(tenant.Id, 0) + "?handler=Save", token,
            ("Input.RequirementId", "ORG.1.1"), ("Input.TargetObjectId", tenant.TargetId.ToString()), ("Input.Version", "1"), ("Input.Status", "Nein"));
        var refused = await Html.ParseAsync(response);
        Assert.Equal(["Antworten können im Zustand „Eingereicht“ nicht geändert werden."], Errors(refused));
        Assert.Equal(AnswerStatus.Ja, (await tenant.AnswerAsync("ORG.1.1"))!.Status);
    }

    /// <summary>The date pickers offer only the dates the app accepts (01.01.1990–31.12.2099; the server checks again).</summary>
    [Fact]
    public async Task Form_DateInputs_OfferOnlyThePlausibleRange()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100035", "Bergheim");
        var client = await tenant.SignInAsync();

        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        foreach (var id in new[] { "Input_DueDate", "Input_AssessedOn" })
        {
            var input = page.GetElementById(id)!;
            Assert.Equal(("1990-01-01", "2099-12-31"), (input.GetAttribute("min"), input.GetAttribute("max")));
        }
    }

    [Fact]
    public async Task Autosave_ReturnsJsonWithTheNewVersionInsteadOfARedirect()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100016", "Neuss");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var form = Form(page, "question-form");
        Choose(form, "Input.Status", "Nein");
        var response = await AutosaveAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("saved").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(["Justification", "Owner", "DueDate"], json.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("field").GetString()));
        Assert.Equal(AnswerStatus.Nein, (await tenant.AnswerAsync("ORG.1.1"))!.Status);
    }

    [Fact]
    public async Task Autosave_DateOutsideThePlausibleRange_Returns422WithTheFieldErrorAndSavesNothing()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100034", "Kerpen");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var form = Form(page, "question-form");
        Choose(form, "Input.Status", "Nein");
        ((IHtmlInputElement)form.Elements["Input.DueDate"]!).Value = "0001-01-01";
        var response = await AutosaveAsync(client, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("saved").GetBoolean());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("Input.DueDate", error.GetProperty("field").GetString());
        Assert.Equal("Bitte für „Umsetzung bis“ ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.", error.GetProperty("message").GetString());
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLogin()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "05100017", "Oberhausen");
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync(Question(tenant.Id, 0));

        Assert.StartsWith("/Account/Login", Location(response), StringComparison.Ordinal);
    }

    /// <summary>Sends the form as questionnaire.js does for the autosave (same body, plus the autosave header).</summary>
    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient client, IHtmlFormElement form)
    {
        var submission = form.GetSubmission()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, submission.Target.Href) { Content = new StreamContent(submission.Body) };
        foreach (var header in submission.Headers)
        {
            request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Headers.Add("X-Autosave", "1");
        return await client.SendAsync(request);
    }
}
