using System.Net;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Workbooks;

/// <summary>Export → edit with ClosedXML → upload → preview → confirm, checked against the database.</summary>
public sealed class WorkbookRoundTripTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
{
    [Fact]
    public async Task Download_Isb_LockedIdsStatusListInstructionsAndHiddenMetadata()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05315000");
        var client = await scenario.SignInAsync();

        var response = await client.GetAsync(WorkbookScenario.Download(scenario.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Fragebogen-05315000-2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Anleitung", "Fragebogen", "Metadaten"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(XLWorksheetVisibility.VeryHidden, workbook.Worksheet("Metadaten").Visibility);
        Assert.Equal(scenario.Id.ToString("D"), workbook.Worksheet("Metadaten").Cell(2, 2).GetString());

        var sheet = workbook.Worksheet("Fragebogen");
        Assert.True(sheet.IsProtected);
        Assert.Equal(
            ["Anforderung", "Zielobjekt-ID", "Zielobjekt", "Baustein/Praktik", "Titel", "Version", "Status", "Grund für „entbehrlich“", "Begründung", "Umsetzung", "Verantwortlich", "Umsetzung bis", "Kosten (€)", "Datum der Erhebung", "Befragte Personen"],
            Enumerable.Range(1, 15).Select(c => sheet.Cell(1, c).GetString()));
        (string Requirement, string Target, string Status, int Version)[] expected =
        [
            ("ISMS.1.A1", WorkbookScenario.Verbund, "ja", 1),
            ("ISMS.1.A2", WorkbookScenario.Verbund, "nein", 1),
            ("ISMS.1.A3", WorkbookScenario.Verbund, "offen", 0),
            ("ISMS.1.A4", WorkbookScenario.Verbund, "offen", 0),
            ("SYS.2.1.A1", WorkbookScenario.Server, "ja", 1),
            ("SYS.2.1.A2", WorkbookScenario.Server, "offen", 0),
            ("SYS.2.1.A3", WorkbookScenario.Server, "offen", 0),
            ("SYS.2.1.A4", WorkbookScenario.Server, "entbehrlich", 1),
        ];
        Assert.Equal(expected, Enumerable.Range(2, 8).Select(r => (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 3).GetString(), sheet.Cell(r, 7).GetString(), sheet.Cell(r, 6).GetValue<int>())));
        Assert.True(sheet.Row(10).IsEmpty());

        // Ids locked, answers editable (the cell or, for empty cells, the column style).
        Assert.True(sheet.Cell(2, 1).Style.Protection.Locked);
        Assert.True(sheet.Cell(2, 2).Style.Protection.Locked);
        Assert.False(sheet.Cell(2, 7).Style.Protection.Locked);
        Assert.False(sheet.Column(9).Style.Protection.Locked);

        var validation = sheet.DataValidations.Single(v => v.Ranges.Any(r => r.RangeAddress.ToString() == "G2:G9"));
        Assert.Equal(XLAllowedValues.List, validation.AllowedValues);
        Assert.Equal("\"offen,ja,teilweise,nein,entbehrlich\"", validation.Value);
        Assert.Contains(workbook.Worksheet("Anleitung").CellsUsed(), c => c.GetString().Contains("kein Kennwort", StringComparison.Ordinal));
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public async Task Confirm_ChangesAnswersWithHistory_ChainsStayIntactAndGrowByTheChangedFields()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05316000");
        var client = await scenario.SignInAsync();
        var stored = await scenario.Seed.LoadAsync(scenario.Id);
        var verbund = stored.TargetObjects.Single(t => t.Name == WorkbookScenario.Verbund).Id;
        var a1Before = stored.FindAnswer("ISMS.1.A1", verbund)!;
        var a2Before = stored.FindAnswer("ISMS.1.A2", verbund)!;
        Assert.NotEmpty(a1Before.History);
        Assert.NotEmpty(a2Before.History);
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
        {
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A1", WorkbookScenario.Verbund).Cell(7).Value = "nein";
            var a2 = QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A2", WorkbookScenario.Verbund);
            a2.Cell(7).Value = "ja";
            a2.Cell(9).Value = "Nachgeholt.";
        });

        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));
        var confirm = (IHtmlFormElement)preview.QuerySelector("#confirm-form")!;
        var done = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, confirm));

        Assert.Contains("2 Antworten geändert", done.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var a1 = assessment.FindAnswer("ISMS.1.A1", verbund)!;
        var a2After = assessment.FindAnswer("ISMS.1.A2", verbund)!;
        Assert.Equal((AnswerStatus.Nein, 2, a1Before.History.Count + 1), (a1.Status, a1.Version, a1.History.Count));
        Assert.Equal((AnswerStatus.Ja, 2, a2Before.History.Count + 2), (a2After.Status, a2After.Version, a2After.History.Count));
        Assert.Equal(a1Before.ChainLength + 1, a1.ChainLength);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Empty(await AnswerChainVerifier.VerifyAsync(db, scenario.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RoundTrip_EditedWorkbook_PreviewShowsExactlyTheChangesAndConfirmAppliesThem()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05314000");
        var client = await scenario.SignInAsync();
        var before = await scenario.StateAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
        {
            var a3 = QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund);
            a3.Cell(7).Value = "teilweise";
            a3.Cell(9).Value = "Leitlinie liegt im Entwurf vor.";
            a3.Cell(11).Value = "=Bürgermeisterin";
            a3.Cell(12).Value = new DateTime(2027, 3, 31);
            a3.Cell(13).Value = 1250.5;
            a3.Cell(14).Value = "20.11.2026";
            var sys = QuestionnaireWorkbooks.Row(workbook, "SYS.2.1.A3", WorkbookScenario.Server);
            sys.Cell(7).Value = "Entbehrlich ";
            sys.Cell(8).Value = "nicht relevant";
            sys.Cell(9).Value = "Updates zentral über WSUS.";
        });

        var upload = await WorkbookScenario.UploadAsync(client, scenario.Id, edited);
        var preview = await Html.FollowRedirectAsync(client, upload);

        Assert.Equal(before.Replace("pending=0", "pending=1", StringComparison.Ordinal), await scenario.StateAsync());
        var rows = preview.QuerySelectorAll("#preview-changes tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Null(preview.QuerySelector("#preview-errors"));
        Assert.Null(preview.QuerySelector("#preview-conflicts"));
        Assert.Equal("ISMS.1.A3", rows[0].GetAttribute("data-requirement"));
        Assert.Equal(
            ["Status: offen → teilweise", "Begründung: – → Leitlinie liegt im Entwurf vor.", "Verantwortlich: – → =Bürgermeisterin", "Umsetzung bis: – → 31.03.2027", "Kosten: – → 1.250,50 €", "Datum der Erhebung: – → 20.11.2026"],
            rows[0].QuerySelectorAll("li").Select(li => Normalize(li.TextContent)));
        Assert.Equal(
            ["Status: offen → entbehrlich", "Grund für „entbehrlich“: – → nicht relevant", "Begründung: – → Updates zentral über WSUS."],
            rows[1].QuerySelectorAll("li").Select(li => Normalize(li.TextContent)));

        var confirm = (IHtmlFormElement)preview.QuerySelector("#confirm-form")!;
        var done = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, confirm));
        Assert.Contains("2 Antworten geändert", done.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);

        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var verbund = assessment.TargetObjects.Single(t => t.Name == WorkbookScenario.Verbund).Id;
        var server = assessment.TargetObjects.Single(t => t.Name == WorkbookScenario.Server).Id;
        var a3 = assessment.FindAnswer("ISMS.1.A3", verbund)!;
        Assert.Equal(
            new AnswerInput("ISMS.1.A3", verbund, AnswerStatus.Teilweise, null, "Leitlinie liegt im Entwurf vor.", null, "=Bürgermeisterin", new DateOnly(2027, 3, 31), 1250.50m, new DateOnly(2026, 11, 20)),
            a3.ToInput());
        Assert.Equal(1, a3.Version);
        Assert.Equal(6, a3.History.Count);
        var sys = assessment.FindAnswer("SYS.2.1.A3", server)!;
        Assert.Equal(new AnswerInput("SYS.2.1.A3", server, AnswerStatus.Entbehrlich, EntbehrlichReason.NotRelevant, "Updates zentral über WSUS."), sys.ToInput());
        Assert.Equal(AnswerStatus.Ja, assessment.FindAnswer("ISMS.1.A1", verbund)!.Status);
        Assert.Equal(1, assessment.FindAnswer("ISMS.1.A1", verbund)!.Version);
        Assert.EndsWith("pending=0", await scenario.StateAsync(), StringComparison.Ordinal);

        // The same file again changes nothing: every row now equals the stored answer.
        var again = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));
        Assert.NotNull(again.QuerySelector("#no-changes"));
        Assert.Null(again.QuerySelector("#preview-conflicts"));
        Assert.Null(again.QuerySelector("#confirm-form"));
    }

    [Fact]
    public async Task Discard_Preview_NothingIsAppliedAndTheUploadIsGone()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05124000");
        var client = await scenario.SignInAsync();
        var before = await scenario.StateAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "nein");

        var upload = await WorkbookScenario.UploadAsync(client, scenario.Id, edited);
        var previewUrl = upload.Headers.Location!.OriginalString;
        var preview = await Html.FollowRedirectAsync(client, upload);
        Assert.Single(preview.QuerySelectorAll("#preview-changes tbody tr"));
        Assert.Equal(before.Replace("pending=0", "pending=1", StringComparison.Ordinal), await scenario.StateAsync());

        var discarded = await Html.SubmitAsync(client, (IHtmlFormElement)preview.QuerySelector("#discard-form")!);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var index = await Html.FollowRedirectAsync(client, discarded);
        Assert.Contains("Der Import wurde verworfen; es wurde nichts übernommen.", index.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await scenario.StateAsync());
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var verbund = assessment.TargetObjects.Single(t => t.Name == WorkbookScenario.Verbund).Id;
        Assert.Equal(AnswerStatus.Open, assessment.FindAnswer("ISMS.1.A3", verbund)?.Status ?? AnswerStatus.Open);

        // The discarded preview cannot be confirmed any more.
        var stale = await Html.GetDocumentAsync(client, previewUrl);
        Assert.NotNull(stale.QuerySelector("#preview-missing"));
        Assert.Null(stale.QuerySelector("#confirm-form"));
    }

    [Fact]
    public async Task Discard_InAStaleTabAfterConfirm_SaysSoAndKeepsTheAppliedAnswers()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05124001");
        var client = await scenario.SignInAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "nein");
        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));

        // One tab confirms, the other (same preview, loaded before) then presses „Verwerfen“.
        await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, (IHtmlFormElement)preview.QuerySelector("#confirm-form")!));
        var discarded = await Html.SubmitAsync(client, (IHtmlFormElement)preview.QuerySelector("#discard-form")!);
        var index = await Html.FollowRedirectAsync(client, discarded);

        var message = index.QuerySelector(".status-message")!.TextContent;
        Assert.Contains("Diese Vorschau gab es nicht mehr", message, StringComparison.Ordinal);
        Assert.DoesNotContain("nichts übernommen", message, StringComparison.Ordinal);
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var verbund = assessment.TargetObjects.Single(t => t.Name == WorkbookScenario.Verbund).Id;
        Assert.Equal(AnswerStatus.Nein, assessment.FindAnswer("ISMS.1.A3", verbund)!.Status);
    }

    [Fact]
    public async Task RoundTrip_AnswerChangedInPortalSinceExport_IsAConflictAndNotOverwritten()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05334002");
        var client = await scenario.SignInAsync();
        var exported = await WorkbookScenario.DownloadAsync(client, scenario.Id);

        // A colleague changes ISMS.1.A1 in the portal after the export.
        await ChangeInPortalAsync(scenario, "ISMS.1.A1", WorkbookScenario.Verbund, AnswerStatus.Nein);
        var edited = QuestionnaireWorkbooks.Edit(exported, workbook =>
        {
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A1", WorkbookScenario.Verbund).Cell(10).Value = "Vom Bürgermeister unterschrieben.";
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A4", WorkbookScenario.Verbund).Cell(7).Value = "ja";
        });

        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));

        var conflict = preview.QuerySelector("#preview-conflicts tbody tr")!;
        Assert.Contains("ISMS.1.A1", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 / 2", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(["ISMS.1.A4"], preview.QuerySelectorAll("#preview-changes tbody tr").Select(r => r.GetAttribute("data-requirement")));

        await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, (IHtmlFormElement)preview.QuerySelector("#confirm-form")!));
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        var verbund = assessment.TargetObjects.Single(t => t.Name == WorkbookScenario.Verbund).Id;
        Assert.Equal(AnswerStatus.Nein, assessment.FindAnswer("ISMS.1.A1", verbund)!.Status);
        Assert.Equal(2, assessment.FindAnswer("ISMS.1.A1", verbund)!.Version);
        Assert.Equal(AnswerStatus.Ja, assessment.FindAnswer("ISMS.1.A4", verbund)!.Status);
    }

    [Fact]
    public async Task Confirm_AfterAConcurrentChangeSincePreview_RefusesEverything()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05111000");
        var client = await scenario.SignInAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
        {
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "ja";
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A4", WorkbookScenario.Verbund).Cell(7).Value = "ja";
        });
        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));
        await ChangeInPortalAsync(scenario, "ISMS.1.A4", WorkbookScenario.Verbund, AnswerStatus.Nein);
        var before = await scenario.StateAsync();

        var response = await Html.SubmitAsync(client, (IHtmlFormElement)preview.QuerySelector("#confirm-form")!);

        var page = await Html.ParseAsync(response);
        Assert.Contains("seit der Vorschau im Portal geändert", WorkbookScenario.Errors(page), StringComparison.Ordinal);
        Assert.Equal(before, await scenario.StateAsync());
    }

    /// <summary>
    /// WCAG 2.2.1: the preview is no time limit a user must be warned of – it waits a day (more than 20 hours) and says
    /// until when; after that it is gone with the clear message.
    /// </summary>
    [Fact]
    public async Task Preview_SaysUntilWhen_AndWaitsADay()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05113001");
        var client = await scenario.SignInAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "ja");
        var uploadedAt = factory.Time.GetUtcNow();
        var upload = await WorkbookScenario.UploadAsync(client, scenario.Id, edited);
        var previewUrl = upload.Headers.Location!.OriginalString;
        var preview = await Html.FollowRedirectAsync(client, upload);

        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var until = TimeZoneInfo.ConvertTime(uploadedAt.AddHours(24), berlin).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Diese Vorschau bleibt bis {until} Uhr bestehen; danach laden Sie die Datei bitte erneut hoch.", preview.QuerySelector("#preview-expiry")!.TextContent);

        // The next morning (the sign-in has ended meanwhile; the preview belongs to the user, not to the session).
        factory.Time.Advance(TimeSpan.FromHours(23));
        var nextMorning = await scenario.SignInAsync();
        var kept = await Html.GetDocumentAsync(nextMorning, previewUrl);
        Assert.NotNull(kept.QuerySelector("#confirm-form"));

        factory.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var gone = await Html.GetDocumentAsync(nextMorning, previewUrl);
        Assert.NotNull(gone.QuerySelector("#preview-missing"));
        Assert.Null(gone.QuerySelector("#confirm-form"));
    }

    [Fact]
    public async Task Preview_ForgedToken_ClearMessageAndConfirmChangesNothing()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05113000");
        var client = await scenario.SignInAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund).Cell(7).Value = "ja");
        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));
        var before = await scenario.StateAsync();

        var forged = Guid.NewGuid();
        var missing = await Html.GetDocumentAsync(client, $"/Assessments/{scenario.Id}/Workbook/Preview/{forged}");
        Assert.NotNull(missing.QuerySelector("#preview-missing"));

        var form = (IHtmlFormElement)preview.QuerySelector("#confirm-form")!;
        form.Action = form.Action.Replace(preview.Url.Split('/').Last(), forged.ToString(), StringComparison.Ordinal);
        var response = await Html.SubmitAsync(client, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gibt es nicht (mehr)", WorkbookScenario.Errors(await Html.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Equal(before, await scenario.StateAsync());

        // Another user of the same municipality cannot use the token either.
        var colleague = await scenario.Seed.UserAsync("kollegin-05113000", Grundschutz.Infrastructure.Identity.Roles.Isb, scenario.Municipality);
        var other = await scenario.Seed.SignInAsync(colleague);
        Assert.NotNull((await Html.GetDocumentAsync(other, new Uri(preview.Url).PathAndQuery)).QuerySelector("#preview-missing"));
    }

    /// <summary>
    /// A date cell outside 01.01.1990–31.12.2099 – typed as text, entered as an Excel date – refuses its row with the
    /// column, the date and the allowed range; the import cannot be confirmed and nothing changes.
    /// </summary>
    [Fact]
    public async Task Upload_DateCellOutsideThePlausibleRange_RowIsRefusedWithTheDateAndTheRange()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05317000");
        var client = await scenario.SignInAsync();
        var before = await scenario.StateAsync();
        var edited = QuestionnaireWorkbooks.Edit(await WorkbookScenario.DownloadAsync(client, scenario.Id), workbook =>
        {
            var a3 = QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A3", WorkbookScenario.Verbund);
            a3.Cell(7).Value = "nein";
            a3.Cell(9).Value = "Kein Budget.";
            a3.Cell(11).Value = "IT-Leitung";
            a3.Cell(12).Value = "01.01.0001";
            var a4 = QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A4", WorkbookScenario.Verbund);
            a4.Cell(7).Value = "ja";
            a4.Cell(14).Value = new DateTime(1989, 12, 31);
            var sys = QuestionnaireWorkbooks.Row(workbook, "SYS.2.1.A3", WorkbookScenario.Server);
            sys.Cell(7).Value = "ja";
            sys.Cell(14).Value = new DateTime(1990, 1, 1);
        });

        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, edited));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["4"] = "Das Datum 01.01.0001 in „Umsetzung bis“ liegt außerhalb des erlaubten Bereichs. Bitte ein Datum zwischen 01.01.1990 und 31.12.2099 eingeben.",
                ["5"] = "Das Datum 31.12.1989 in „Datum der Erhebung“ liegt außerhalb des erlaubten Bereichs. Bitte ein Datum zwischen 01.01.1990 und 31.12.2099 eingeben.",
            },
            RowErrors(preview));
        Assert.Equal(["SYS.2.1.A3"], preview.QuerySelectorAll("#preview-changes tbody tr").Select(r => r.GetAttribute("data-requirement")));
        Assert.Null(preview.QuerySelector("#confirm-form"));
        Assert.Equal(before.Replace("pending=0", "pending=1", StringComparison.Ordinal), await scenario.StateAsync());
    }

    /// <summary>
    /// Answers saved before dates were checked may hold year 1 or 9999: the exports still work, and the unchanged
    /// questionnaire names each such date in its row (instead of „Ungültiges Datum …: „-693593““); corrected in the
    /// file, the row is taken over.
    /// </summary>
    [Fact]
    public async Task RoundTrip_StoredDatesOutsideThePlausibleRange_ExportsWork_RowsNameTheDate_CorrectedFileIsTakenOver()
    {
        var scenario = await WorkbookScenario.CreateAsync(factory, "05317001");
        var verbund = (await scenario.Seed.LoadAsync(scenario.Id)).TargetObjects.Single(t => t.Name == WorkbookScenario.Verbund).Id;
        var server = (await scenario.Seed.LoadAsync(scenario.Id)).TargetObjects.Single(t => t.Name == WorkbookScenario.Server).Id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As an earlier version of the portal saved them (no migration corrects them).
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            await db.Answers.Where(a => a.RequirementId == "ISMS.1.A2" && a.TargetObjectId == verbund)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.DueDate, new DateOnly(1, 1, 1)));
            await db.Answers.Where(a => a.RequirementId == "SYS.2.1.A1" && a.TargetObjectId == server)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.AssessedOn, new DateOnly(9999, 12, 31)));
        }

        var client = await scenario.SignInAsync();
        foreach (var handler in new[] { "GrundschutzCheck", "Realisierungsplan", "AssessmentResults", "Poam" })
        {
            var export = await client.GetAsync($"/Assessments/{scenario.Id}/Exports?handler={handler}");
            Assert.True(export.StatusCode == HttpStatusCode.OK, $"{handler}: {(int)export.StatusCode}");
        }

        using (var plan = new XLWorkbook(await (await client.GetAsync($"/Assessments/{scenario.Id}/Exports?handler=Realisierungsplan")).Content.ReadAsStreamAsync()))
        {
            Assert.Contains(plan.Worksheets.First().RowsUsed(), r => r.Cells().Any(c => c.GetString() == "ISMS.1.A2"));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Assessments/{scenario.Id}/Report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Assessments/{scenario.Id}/Report?handler=Html")).StatusCode);
        var exported = await WorkbookScenario.DownloadAsync(client, scenario.Id);
        using (var workbook = new XLWorkbook(new MemoryStream(exported)))
        {
            var instructions = workbook.Worksheet(Grundschutz.Infrastructure.Workbooks.QuestionnaireFormat.InstructionsSheet);
            Assert.Contains(instructions.CellsUsed(), c => c.GetString().Contains("als Datum zwischen 01.01.1990 und 31.12.2099 eingeben", StringComparison.Ordinal));
        }

        var before = await scenario.StateAsync();

        var unchanged = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, exported));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["3"] = "Das Datum 01.01.0001 in „Umsetzung bis“ liegt außerhalb des erlaubten Bereichs. Bitte ein Datum zwischen 01.01.1990 und 31.12.2099 eingeben.",
                ["6"] = "Das Datum 31.12.9999 in „Datum der Erhebung“ liegt außerhalb des erlaubten Bereichs. Bitte ein Datum zwischen 01.01.1990 und 31.12.2099 eingeben.",
            },
            RowErrors(unchanged));
        Assert.Null(unchanged.QuerySelector("#confirm-form"));

        var corrected = QuestionnaireWorkbooks.Edit(exported, workbook =>
        {
            QuestionnaireWorkbooks.Row(workbook, "ISMS.1.A2", WorkbookScenario.Verbund).Cell(12).Value = new DateTime(2027, 3, 31);
            QuestionnaireWorkbooks.Row(workbook, "SYS.2.1.A1", WorkbookScenario.Server).Cell(14).Value = "20.11.2026";
        });
        var preview = await Html.FollowRedirectAsync(client, await WorkbookScenario.UploadAsync(client, scenario.Id, corrected));
        Assert.Empty(RowErrors(preview));
        Assert.Equal(before, (await scenario.StateAsync()).Replace("pending=1", "pending=0", StringComparison.Ordinal));
        var done = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, (IHtmlFormElement)preview.QuerySelector("#confirm-form")!));
        Assert.Contains("2 Antworten geändert", done.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);
        Assert.Equal(new DateOnly(2027, 3, 31), assessment.FindAnswer("ISMS.1.A2", verbund)!.DueDate);
        Assert.Equal(new DateOnly(2026, 11, 20), assessment.FindAnswer("SYS.2.1.A1", server)!.AssessedOn);
    }

    private static Dictionary<string, string> RowErrors(IHtmlDocument page) => page.QuerySelectorAll("#preview-errors tbody tr")
        .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[1].TextContent.Trim());

    private static async Task ChangeInPortalAsync(WorkbookScenario scenario, string requirementId, string target, AnswerStatus status)
    {
        await using var scope = scenario.Seed.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var user = await scenario.Seed.CurrentUserAsync(scenario.Isb);
        var assessment = (await AssessmentAccess.LoadAggregateAsync(db, user, scenario.Id, CancellationToken.None))!;
        var catalog = await CatalogContextCache.LoadAsync(db, assessment.CatalogVersionId, CancellationToken.None);
        var targetId = assessment.TargetObjects.Single(t => t.Name == target).Id;
        var existing = assessment.FindAnswer(requirementId, targetId);
        var today = new DateOnly(2026, 11, 23);
        assessment.RecordAnswer(AssessmentSeed.CompleteAnswer(requirementId, targetId, status, today), existing?.Version ?? 0, user.ToActor(), scenario.Seed.Factory.Time.GetUtcNow(), catalog.Find(requirementId)!, today);
        await db.SaveChangesAsync();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
