using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Grundschutz.TestSupport;
using Grundschutz.Web.Pages.Workshops;
using Grundschutz.Web.Tests.Infrastructure;
using Grundschutz.Web.Tests.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grundschutz.Web.Tests.Workshops;

/// <summary>
/// Workshops on the report Kompendium (Standard-Absicherung, as of 23.11.2026), numbers computed by hand:
/// <code>
/// Bonn:  ISMS.1 A1 B ja, A2 B nein, A3 S nein, A4 S offen;  SYS.2.1 A1 B nein, A2–A4 offen
/// Köln:  ISMS.1 A1 B ja, A2 B nein, A3 S ja, A4 S teilweise; SYS.2.1 A1 B ja, A2 B nein, A3 S offen, A4 S entbehrlich
/// Aachen: no assessment on this catalogue
///
///                     pairs  answered        E_B             E_BS
/// Bonn   ISMS.1         4      3 (75,0 %)    1/2 = 50,0 %    1/4 = 25,0 %
///        SYS.2.1        4      1 (25,0 %)    0/2 =  0,0 %    0/4 =  0,0 %
///        total          8      4 (50,0 %)    1/4 = 25,0 %    1/8 = 12,5 %
/// Köln   ISMS.1         4      4 (100 %)     1/2 = 50,0 %    2/4 = 50,0 %
///        SYS.2.1        4      3 (75,0 %)    1/2 = 50,0 %    1/3 = 33,3 %   (entbehrlich out of the denominator)
///        total          8      7 (87,5 %)    2/4 = 50,0 %    3/7 = 42,8 %
/// Common gaps: ISMS.1.A2 (2 municipalities, 2× nein), then one each in catalogue order: ISMS.1.A3 (nein),
/// ISMS.1.A4 (teilweise), SYS.2.1.A1 (nein), SYS.2.1.A2 (nein).
/// </code>
/// </summary>
public sealed class WorkshopTests(LoggingWebFactory factory) : IClassFixture<LoggingWebFactory>
{
    private const string Verbund = WorkbookScenario.Verbund;
    private const string Server = WorkbookScenario.Server;
    private static int _next;

    [Fact]
    public async Task Create_ThroughTheForm_ThenDetailShowsHandComputedProgressAndGaps()
    {
        var s = await ScenarioAsync();
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Workshops/Create")).QuerySelector("#workshop-form")!;
        var created = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.Topic"] = "Basis-Absicherung Teil 1",
            ["Input.Date"] = "2026-12-03",
            ["Input.CatalogVersionId"] = s.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Municipalities"] = $"{s.Koeln}\n{s.Bonn}, {s.Aachen}",
            ["Input.Modules"] = "ISMS.1\nSYS.2.1",
        });
        var pending = await Html.FollowRedirectAsync(client, created);

        // Adding a municipality only invites it: nothing but names until its ISB agrees.
        Assert.Equal([s.Aachen, s.Bonn, s.Koeln], pending.QuerySelectorAll("#participants tbody tr.pending-consent").Select(r => r.GetAttribute("data-ags")));
        Assert.Null(pending.QuerySelector("#gaps"));
        var id = await ConsentAsync(s.MunicipalityIds, topic: "Basis-Absicherung Teil 1", facilitatorId: s.Facilitator.Id);
        var page = await Html.GetDocumentAsync(client, $"/Workshops/{id}");

        Assert.Equal("Workshop: Basis-Absicherung Teil 1", page.QuerySelector("#workshop-title")!.TextContent.Trim());
        Assert.Equal("03.12.2026", page.QuerySelector("#workshop-date")!.TextContent.Trim());
        Assert.Equal("ISMS.1, SYS.2.1", page.QuerySelector("#workshop-modules")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#participants tbody tr").ToList();
        Assert.Equal([s.Aachen, s.Bonn, s.Koeln], rows.Select(r => r.GetAttribute("data-ags")));
        Assert.Contains("noch keine Bewertung", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(["–", "–", "–"], Cells(rows[0]));
        Assert.Equal(["50,0 % (4/8)", "25,0 % (1/4)", "12,5 % (1/8)"], Cells(rows[1]));
        Assert.Equal(["87,5 % (7/8)", "50,0 % (2/4)", "42,8 % (3/7)"], Cells(rows[2]));

        var koelnSys = page.QuerySelector($"#layers tr[data-ags='{s.Koeln}'][data-layer='SYS']")!;
        Assert.Equal(["75,0 % (3/4)", "50,0 % (1/2)", "33,3 % (1/3)"], Cells(koelnSys));
        var bonnIsms = page.QuerySelector($"#layers tr[data-ags='{s.Bonn}'][data-layer='ISMS']")!;
        Assert.Equal(["75,0 % (3/4)", "50,0 % (1/2)", "25,0 % (1/4)"], Cells(bonnIsms));

        var gaps = page.QuerySelectorAll("#gaps tbody tr")
            .Select(r => (r.GetAttribute("data-requirement"), r.QuerySelector(".municipalities")!.TextContent, r.QuerySelector(".nein")!.TextContent, r.QuerySelector(".teilweise")!.TextContent))
            .ToList();
        Assert.Equal(
            [("ISMS.1.A2", "2", "2", "0"), ("ISMS.1.A3", "1", "1", "0"), ("ISMS.1.A4", "1", "0", "1"), ("SYS.2.1.A1", "1", "1", "0"), ("SYS.2.1.A2", "1", "1", "0")],
            gaps);

        // Aggregates only: no answer texts of the municipalities reach the facilitator.
        Assert.DoesNotContain("Testdaten", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("IT-Leitung", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_Workbook_OverviewLayersGapsAndOneSheetPerMunicipality()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1", "SYS.2.1"]);
        await ConsentAsync(id, s.MunicipalityIds);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var response = await client.GetAsync($"/Workshops/{id}?handler=Summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The name says what the file holds and of which workshop (topic „Workshop 05…001“).
        Assert.Equal($"Workshop-Zusammenfassung-Workshop-{s.Koeln}-2026-12-03.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Übersicht", "Häufige Lücken", $"Kommune Aachen ({s.Aachen})", $"Kommune Bonn ({s.Bonn})", $"Kommune Köln ({s.Koeln})"], workbook.Worksheets.Select(w => w.Name));

        var overview = workbook.Worksheet("Übersicht");
        Assert.Equal(["Kommune", "AGS", "Bewertung", "Zustand", "Paare", "Beantwortet", "Beantwortet (%)", "E_B (%)", "E_BS (%)"], Enumerable.Range(1, 9).Select(c => overview.Cell(5, c).GetString()));
        var bonn = overview.Row(7);
        Assert.Equal(s.Bonn, bonn.Cell(2).GetString());
        Assert.Equal(8, bonn.Cell(5).GetValue<int>());
        Assert.Equal(4, bonn.Cell(6).GetValue<int>());
        Assert.Equal(50.0, bonn.Cell(7).GetDouble(), 3);
        Assert.Equal(25.0, bonn.Cell(8).GetDouble(), 3);
        Assert.Equal(12.5, bonn.Cell(9).GetDouble(), 3);
        var koeln = overview.Row(8);
        Assert.Equal(s.Koeln, koeln.Cell(2).GetString());
        Assert.Equal(87.5, koeln.Cell(7).GetDouble(), 3);
        Assert.Equal(50.0, koeln.Cell(8).GetDouble(), 3);
        Assert.Equal(42.8, koeln.Cell(9).GetDouble(), 3);
        Assert.True(overview.Row(6).Cell(7).IsEmpty());
        Assert.Equal("keine Bewertung zu diesem Katalog", overview.Row(6).Cell(3).GetString());

        var layerRow = overview.RowsUsed().Single(r => r.Cell(2).GetString() == s.Koeln && r.Cell(3).GetString() == "SYS");
        Assert.Equal([4.0, 3.0, 75.0, 50.0, 33.3], Enumerable.Range(5, 5).Select(c => layerRow.Cell(c).GetDouble()));

        var gaps = workbook.Worksheet("Häufige Lücken");
        Assert.Equal(["Anforderung", "Titel", "Baustein/Praktik", "Kommunen", "nein", "teilweise"], Enumerable.Range(1, 6).Select(c => gaps.Cell(5, c).GetString()));
        Assert.Equal(("ISMS.1.A2", "Festlegung der Sicherheitsziele", 2, 2, 0), (gaps.Cell(6, 1).GetString(), gaps.Cell(6, 2).GetString(), gaps.Cell(6, 4).GetValue<int>(), gaps.Cell(6, 5).GetValue<int>(), gaps.Cell(6, 6).GetValue<int>()));
        Assert.Equal(["ISMS.1.A2", "ISMS.1.A3", "ISMS.1.A4", "SYS.2.1.A1", "SYS.2.1.A2"], Enumerable.Range(6, 5).Select(r => gaps.Cell(r, 1).GetString()));

        var koelnSheet = workbook.Worksheet($"Kommune Köln ({s.Koeln})");
        var module = koelnSheet.RowsUsed().Single(r => r.Cell(1).GetString() == "SYS.2.1");
        Assert.Equal([4.0, 3.0, 75.0, 50.0, 33.3], Enumerable.Range(3, 5).Select(c => module.Cell(c).GetDouble()));
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula || c.GetString().Contains("Testdaten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detail_SelectedModuleOnly_CountsOnlyItsPairs()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["SYS.2.1"]);
        await ConsentAsync(id, s.MunicipalityIds);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var page = await Html.GetDocumentAsync(client, $"/Workshops/{id}");

        Assert.Equal(["75,0 % (3/4)", "50,0 % (1/2)", "33,3 % (1/3)"], Cells(page.QuerySelector($"#participants tr[data-ags='{s.Koeln}']")!));
        Assert.Equal(["SYS.2.1.A1", "SYS.2.1.A2"], page.QuerySelectorAll("#gaps tbody tr").Select(r => r.GetAttribute("data-requirement")));
    }

    [Fact]
    public async Task Access_OtherFacilitatorGets404_OtherRolesAreDenied_FacilitatorCannotOpenAssessments()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, []);
        var other = await s.Seed.UserAsync("moderation-andere-" + s.Koeln, Roles.Facilitator);
        var otherClient = await s.Seed.SignInAsync(other);

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/Workshops/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/Workshops/{id}?handler=Summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/Workshops/{id}/Edit")).StatusCode);
        Assert.Null((await Html.GetDocumentAsync(otherClient, "/Workshops")).QuerySelector("#workshop-list"));

        var isbClient = await s.Seed.SignInAsync(s.IsbKoeln);
        var denied = await isbClient.GetAsync("/Workshops");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);

        var facilitator = await s.Seed.SignInAsync(s.Facilitator);
        var list = await Html.GetDocumentAsync(facilitator, "/Workshops");
        Assert.Single(list.QuerySelectorAll("#workshop-list tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetAsync($"/Assessments/{s.KoelnAssessment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetAsync($"/Assessments/{s.KoelnAssessment}/Report")).StatusCode);
    }

    [Fact]
    public async Task Edit_SameFormSentTwice_SecondSaysNothingChangedAndKeepsTheTimeOfTheChange()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        var client = await s.Seed.SignInAsync(s.Facilitator);
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;
        var fields = new Dictionary<string, string> { ["Input.Topic"] = "Neues Thema " + s.Koeln };
        var first = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, form, fields));
        Assert.Contains("gespeichert", first.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        DateTimeOffset Saved()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Workshops.AsNoTracking().Single(w => w.Id == id).UpdatedAt;
        }

        var savedAt = Saved();
        factory.Time.Advance(TimeSpan.FromMinutes(5));

        // The same form once more: a double click, or „Zurück“ and „Speichern“ again.
        var second = await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, form, fields));

        var message = second.QuerySelector("#status-message")!.TextContent;
        Assert.Contains("nichts geändert", message, StringComparison.Ordinal);
        Assert.DoesNotContain("gespeichert", message, StringComparison.Ordinal);
        Assert.Equal(savedAt, Saved());
    }

    [Fact]
    public async Task Edit_FromASecondTabLoadedBeforeASave_KeepsTheNewerValuesAndShowsThem()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        var client = await s.Seed.SignInAsync(s.Facilitator);
        var first = (IHtmlFormElement)(await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;
        var second = (IHtmlFormElement)(await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await Html.FollowRedirectAsync(client, await Html.SubmitAsync(client, first, new Dictionary<string, string> { ["Input.Topic"] = "Thema aus Tab 1 " + s.Koeln }));

        // The second tab still holds the old topic and moves the date; saving it would put the old topic back.
        var refused = await Html.SubmitAsync(client, second, new Dictionary<string, string> { ["Input.Date"] = "2026-12-10" });

        Assert.Equal($"/Workshops/{id}/Edit", refused.Headers.Location?.OriginalString);
        var page = await Html.FollowRedirectAsync(client, refused);
        Assert.Contains("wurde inzwischen geändert", page.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Thema aus Tab 1 " + s.Koeln, ((IHtmlInputElement)page.QuerySelector("#Input_Topic")!).Value);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Workshops.AsNoTracking().SingleAsync(w => w.Id == id);
            Assert.Equal("Thema aus Tab 1 " + s.Koeln, stored.Topic);
            Assert.NotEqual(new DateOnly(2026, 12, 10), stored.Date);
        }

        // From the refreshed form the change is saved on purpose.
        var saved = await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#workshop-form")!, new Dictionary<string, string> { ["Input.Date"] = "2026-12-10" });
        Assert.Contains("gespeichert", (await Html.FollowRedirectAsync(client, saved)).QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_UnknownAgsAndModule_AreRefusedWithMessagesAndNothingChanges()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        var client = await s.Seed.SignInAsync(s.Facilitator);
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Input.Topic"] = "",
            ["Input.Municipalities"] = $"{s.Koeln}\n09999999",
            ["Input.Modules"] = "ISMS.1\nXYZ.9",
        });

        var page = await Html.ParseAsync(response);
        var errors = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Bitte ein Thema angeben.", errors, StringComparison.Ordinal);
        Assert.Contains("Unbekannter Gemeindeschlüssel (AGS): 09999999.", errors, StringComparison.Ordinal);
        // The message says what to do, not only what is wrong.
        Assert.Contains("Unbekannter Gemeindeschlüssel (AGS): 09999999. Bitte die acht Ziffern prüfen; teilnehmen können nur Kommunen, die im Portal angelegt sind.", errors, StringComparison.Ordinal);
        Assert.Contains("Diese Bausteine gibt es in der gewählten Katalogversion nicht: XYZ.9.", errors, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var stored = await db.Workshops.AsNoTracking().Include(w => w.Participants).Include(w => w.Modules).SingleAsync(w => w.Id == id);
        Assert.Equal("Workshop " + s.Koeln, stored.Topic);
        Assert.Equal(3, stored.Participants.Count);
        Assert.Equal(["ISMS.1"], stored.Modules.Select(m => m.GroupId));
    }

    [Fact]
    public async Task Create_SameFormSentTwice_OneWorkshopAndTheSecondSaysItExistsAlready()
    {
        var s = await ScenarioAsync();
        var client = await s.Seed.SignInAsync(s.Facilitator);
        var topic = "Doppelklick " + s.Koeln;
        var fields = new Dictionary<string, string>
        {
            ["Input.Topic"] = topic,
            ["Input.Date"] = "2026-12-03",
            ["Input.CatalogVersionId"] = s.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Municipalities"] = s.Koeln,
            ["Input.Modules"] = "ISMS.1",
        };
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Workshops/Create")).QuerySelector("#workshop-form")!;
        var first = await Html.SubmitAsync(client, form, fields);

        // The same page's form once more: a double click, or „Zurück“ and „Anlegen“ again.
        var second = await Html.SubmitAsync(client, form, fields);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await Html.FollowRedirectAsync(client, second);
        Assert.Contains("bereits angelegt", page.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var stored = await db.Workshops.Include(w => w.Participants).AsNoTracking().SingleAsync(w => w.Topic == topic);
        Assert.Single(stored.Participants);
    }

    /// <summary>Year 1 passes the browser's date field; the workshop date must lie in 01.01.1990–31.12.2099.</summary>
    [Fact]
    public async Task CreateAndEdit_DateOutsideThePlausibleRange_AreRefusedWithTheRangeAndNothingChanges()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        var client = await s.Seed.SignInAsync(s.Facilitator);
        const string message = "Bitte ein Datum zwischen 01.01.1990 und 31.12.2099 angeben.";

        var createForm = (IHtmlFormElement)(await Html.GetDocumentAsync(client, "/Workshops/Create")).QuerySelector("#workshop-form")!;
        var created = await Html.SubmitAsync(client, createForm, new Dictionary<string, string>
        {
            ["Input.Topic"] = "Workshop im Jahr 1",
            ["Input.Date"] = "0001-01-01",
            ["Input.CatalogVersionId"] = s.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Municipalities"] = s.Koeln,
        });
        var editForm = (IHtmlFormElement)(await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;
        var edited = await Html.SubmitAsync(client, editForm, new Dictionary<string, string> { ["Input.Date"] = "0001-01-01" });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal([message], (await Html.ParseAsync(created)).QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal([message], (await Html.ParseAsync(edited)).QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.False(await db.Workshops.AnyAsync(w => w.Topic == "Workshop im Jahr 1"));
        Assert.Equal(new DateOnly(2026, 12, 3), (await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == id)).Date);
    }

    /// <summary>Only Bonn agreed: Köln and Aachen are names with „Zustimmung ausstehend“, the gaps are Bonn's alone.</summary>
    [Fact]
    public async Task Detail_ParticipantWithoutConsent_NameOnlyNoFiguresNoLayerRowsNotInGaps()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1", "SYS.2.1"]);
        await ConsentAsync(id, [s.BonnId]);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var page = await Html.GetDocumentAsync(client, $"/Workshops/{id}");

        var koeln = page.QuerySelector($"#participants tr[data-ags='{s.Koeln}']")!;
        Assert.Equal("Zustimmung ausstehend", koeln.QuerySelector("td.consent")!.TextContent.Trim());
        Assert.Single(koeln.QuerySelectorAll("td"));
        Assert.DoesNotContain("Check 2026", koeln.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll($"#layers tr[data-ags='{s.Koeln}']"));
        Assert.Empty(page.QuerySelectorAll($"#layers tr[data-ags='{s.Aachen}']"));
        Assert.Equal(["50,0 % (4/8)", "25,0 % (1/4)", "12,5 % (1/8)"], Cells(page.QuerySelector($"#participants tr[data-ags='{s.Bonn}']")!));
        var gaps = page.QuerySelectorAll("#gaps tbody tr")
            .Select(r => (r.GetAttribute("data-requirement"), r.QuerySelector(".municipalities")!.TextContent, r.QuerySelector(".nein")!.TextContent, r.QuerySelector(".teilweise")!.TextContent))
            .ToList();
        Assert.Equal([("ISMS.1.A2", "1", "1", "0"), ("ISMS.1.A3", "1", "1", "0"), ("SYS.2.1.A1", "1", "1", "0")], gaps);
        // From how many municipalities the counts come – and, in the list, how many agreed.
        Assert.Equal(
            "Gezählt über die Bewertungen von 1 der 3 teilnehmenden Kommunen (zugestimmt und mit Bewertung zu dieser Katalogversion).",
            page.QuerySelector("#gaps-basis")!.TextContent.Trim());
        var list = await Html.GetDocumentAsync(client, "/Workshops");
        var row = list.QuerySelectorAll("#workshop-list tbody tr").Single(r => r.QuerySelector("a.workshop-link")!.GetAttribute("href") == $"/Workshops/{id}");
        Assert.Equal(("3", "1"), (row.QuerySelector(".participants")!.TextContent.Trim(), row.QuerySelector(".consented")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Summary_ParticipantWithoutConsent_NoSheetNoNumbersNotInGaps()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1", "SYS.2.1"]);
        await ConsentAsync(id, [s.BonnId]);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var response = await client.GetAsync($"/Workshops/{id}?handler=Summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Übersicht", "Häufige Lücken", $"Kommune Bonn ({s.Bonn})"], workbook.Worksheets.Select(w => w.Name));
        var overview = workbook.Worksheet("Übersicht");
        var koeln = overview.Row(8);
        Assert.Equal((s.Koeln, "Zustimmung ausstehend"), (koeln.Cell(2).GetString(), koeln.Cell(3).GetString()));
        Assert.All(Enumerable.Range(4, 6), c => Assert.True(koeln.Cell(c).IsEmpty()));
        Assert.Equal(8, overview.Row(7).Cell(5).GetValue<int>());
        Assert.DoesNotContain(overview.RowsUsed(), r => r.RowNumber() > 8 && r.Cell(2).GetString() is var ags && (ags == s.Koeln || ags == s.Aachen));
        var gaps = workbook.Worksheet("Häufige Lücken");
        Assert.Equal(["ISMS.1.A2", "ISMS.1.A3", "SYS.2.1.A1", ""], Enumerable.Range(6, 4).Select(r => gaps.Cell(r, 1).GetString()));
        Assert.Equal(1, gaps.Cell(6, 4).GetValue<int>());
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.GetString().Contains("Check 2026", StringComparison.Ordinal) && c.Address.RowNumber == 8);

        // A reader of the file learns what the columns mean and how a pending municipality's figures appear.
        var notes = overview.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("Paare: je Anforderung und Zielobjekt gezählt. E_B: Anteil der Basis-Anforderungen mit „ja“; E_BS: ebenso über Basis- und Standard-Anforderungen (begründet entbehrliche zählen nicht mit).", notes);
        Assert.Contains(notes, n => n.StartsWith("„Zustimmung ausstehend“: Die Zahlen der Kommune erscheinen, sobald", StringComparison.Ordinal) && n.Contains("Workshop-Einladungen", StringComparison.Ordinal));
    }

    /// <summary>The consent buttons repeated in every row name their workshop (WCAG 2.4.6: a screen reader's list of buttons).</summary>
    [Fact]
    public async Task Invitations_ConsentButtons_NameTheirWorkshop()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        var isb = await s.Seed.SignInAsync(s.IsbKoeln);
        var invitations = await Html.GetDocumentAsync(isb, "/Assessments/WorkshopInvitations");
        var row = invitations.QuerySelector($"#invitations tr[data-workshop='{id}']")!;
        var topic = row.QuerySelector("th")!.TextContent.Trim();
        Assert.Equal($"Teilnahme zustimmen {topic}", row.QuerySelector(".consent-form button")!.TextContent.Trim());

        var after = await Html.FollowRedirectAsync(isb, await Html.SubmitAsync(isb, (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector(".consent-form")!));

        Assert.Equal($"Zustimmung zurückziehen {topic}", after.QuerySelector($"#invitations tr[data-workshop='{id}'] .withdraw-form button")!.TextContent.Trim());
    }

    [Fact]
    public async Task Invitations_IsbAgrees_FiguresAppear_Withdraws_FiguresGone()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1", "SYS.2.1"]);
        var isb = await s.Seed.SignInAsync(s.IsbKoeln);
        var facilitator = await s.Seed.SignInAsync(s.Facilitator);

        var list = await Html.GetDocumentAsync(isb, "/Assessments");
        Assert.Contains("1 davon ohne Ihre Zustimmung", list.QuerySelector("#workshop-invitations")!.TextContent, StringComparison.Ordinal);
        var invitations = await Html.GetDocumentAsync(isb, list.QuerySelector("#workshop-invitations-link")!.GetAttribute("href")!);
        var row = invitations.QuerySelector($"#invitations tr[data-workshop='{id}']")!;
        Assert.Contains("Workshop " + s.Koeln, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("03.12.2026", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(s.Facilitator.DisplayName is { Length: > 0 } name ? name : s.Facilitator.UserName, row.QuerySelector(".facilitator")!.TextContent.Trim());
        Assert.Contains("keine Texte", invitations.QuerySelector("#consent-explanation")!.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector(".withdraw-form"));

        var agreed = await Html.SubmitAsync(isb, (IHtmlFormElement)row.QuerySelector(".consent-form")!);
        var after = await Html.FollowRedirectAsync(isb, agreed);

        Assert.Contains("zugestimmt", after.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var stored = await ParticipantAsync(id, s.KoelnId);
        Assert.Equal(factory.Time.GetUtcNow(), stored!.ConsentedAt);
        Assert.Equal(s.IsbKoeln.Id, stored.ConsentedByUserId);
        var detail = await Html.GetDocumentAsync(facilitator, $"/Workshops/{id}");
        Assert.Equal(["87,5 % (7/8)", "50,0 % (2/4)", "42,8 % (3/7)"], Cells(detail.QuerySelector($"#participants tr[data-ags='{s.Koeln}']")!));
        Assert.Equal("1", detail.QuerySelector("#gaps tr[data-requirement='ISMS.1.A4'] .municipalities")!.TextContent);

        var withdrawForm = (IHtmlFormElement)after.QuerySelector($"#invitations tr[data-workshop='{id}'] .withdraw-form")!;
        var withdrawn = await Html.SubmitAsync(isb, withdrawForm);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        stored = await ParticipantAsync(id, s.KoelnId);
        Assert.Null(stored!.ConsentedAt);
        Assert.Null(stored.ConsentedByUserId);
        detail = await Html.GetDocumentAsync(facilitator, $"/Workshops/{id}");
        Assert.Equal("Zustimmung ausstehend", detail.QuerySelector($"#participants tr[data-ags='{s.Koeln}'] td.consent")!.TextContent.Trim());
        Assert.Null(detail.QuerySelector("#gaps"));

        // The security log names who agreed and withdrew, for which municipality and workshop – once each: the
        // stale page's second „Zustimmen“ after the withdrawal agrees again (logged), a repeated one changes nothing.
        await Html.SubmitAsync(isb, (IHtmlFormElement)row.QuerySelector(".consent-form")!);
        await Html.SubmitAsync(isb, (IHtmlFormElement)row.QuerySelector(".consent-form")!);
        var entries = factory.Log.Entries.Where(e => e.Message.Contains($"in workshop {id}", StringComparison.Ordinal)).Select(e => (e.Level, e.Message)).ToList();
        var given = (LogLevel.Warning, $"Security: workshop consent given by {s.IsbKoeln.UserName} for municipality {s.KoelnId} in workshop {id}");
        var withdrawnEntry = (LogLevel.Warning, $"Security: workshop consent withdrawn by {s.IsbKoeln.UserName} for municipality {s.KoelnId} in workshop {id}");
        Assert.Equal([given, withdrawnEntry, given], entries);
    }

    [Fact]
    public async Task Invitations_OtherMunicipalitysIsbAndContributor_CannotAgree_NothingChanges()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, []);
        var other = await s.Seed.TenantAsync($"06{s.N:000}001", "Kommune Ohne Workshop");
        var otherIsb = await s.Seed.SignInAsync(other.Isb);
        var contributor = await s.Seed.UserAsync("mitarbeit-" + s.Koeln, Roles.Contributor, (await MunicipalityAsync(s.KoelnId))!);
        var contributorClient = await s.Seed.SignInAsync(contributor);

        var page = await Html.GetDocumentAsync(otherIsb, "/Assessments/WorkshopInvitations");
        Assert.NotNull(page.QuerySelector("#no-invitations"));
        var token = ((IHtmlInputElement)page.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
        var forged = await otherIsb.PostAsync(
            $"/Assessments/WorkshopInvitations?handler=Consent&workshopId={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var contributorPage = await contributorClient.GetAsync("/Assessments/WorkshopInvitations");
        var contributorPost = await contributorClient.PostAsync(
            $"/Assessments/WorkshopInvitations?handler=Consent&workshopId={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(contributorClient) }));

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, contributorPage.StatusCode);
        Assert.Contains("/Account/AccessDenied", contributorPage.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, contributorPost.StatusCode);
        Assert.Contains("/Account/AccessDenied", contributorPost.Headers.Location!.ToString(), StringComparison.Ordinal);
        foreach (var m in s.MunicipalityIds)
        {
            Assert.Null((await ParticipantAsync(id, m))!.ConsentedAt);
        }

        Assert.Null(await ParticipantAsync(id, other.Municipality.Id));
    }

    [Fact]
    public async Task Edit_KeepsConsentOfStayingParticipants_ReaddedMunicipalityNeedsConsentAgain()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        await ConsentAsync(id, [s.KoelnId, s.BonnId]);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;
        await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Input.Municipalities"] = s.Koeln });
        Assert.Null(await ParticipantAsync(id, s.BonnId));
        form = (IHtmlFormElement)(await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;
        await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Input.Municipalities"] = $"{s.Koeln}\n{s.Bonn}" });

        Assert.NotNull((await ParticipantAsync(id, s.KoelnId))!.ConsentedAt);
        Assert.Null((await ParticipantAsync(id, s.BonnId))!.ConsentedAt);
        var page = await Html.GetDocumentAsync(client, $"/Workshops/{id}");
        Assert.NotNull(page.QuerySelector($"#participants tr[data-ags='{s.Bonn}'].pending-consent"));
        Assert.Null(page.QuerySelector($"#participants tr[data-ags='{s.Koeln}'].pending-consent"));
    }

    [Fact]
    public async Task Invitations_English_ShowsEnglishTextAndButton()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, []);
        var isb = await s.Seed.SignInAsync(s.IsbKoeln);

        var page = await Html.GetDocumentAsync(isb, Html.English("/Assessments/WorkshopInvitations"));

        Assert.Equal("Workshop invitations", page.QuerySelector("#invitations-title")!.TextContent.Trim());
        Assert.StartsWith("A facilitator has invited your municipality", page.QuerySelector("#consent-explanation")!.TextContent.Trim(), StringComparison.Ordinal);
        // The visible label; the workshop's topic follows in visually hidden text (Invitations_ConsentButtons_NameTheirWorkshop).
        Assert.Equal("Agree to take part", page.QuerySelector($"#invitations tr[data-workshop='{id}'] button.agree")!.FirstChild!.TextContent.Trim());
        var facilitator = await s.Seed.SignInAsync(s.Facilitator);
        var detail = await Html.GetDocumentAsync(facilitator, Html.English($"/Workshops/{id}"));
        Assert.Equal("Consent pending", detail.QuerySelector($"#participants tr[data-ags='{s.Koeln}'] td.consent")!.TextContent.Trim());
    }

    /// <summary>The edit page's title and heading name the workshop (WCAG 2.4.2), also when a send is refused with an empty topic.</summary>
    [Fact]
    public async Task Edit_TitleAndHeading_NameTheStoredWorkshop_AlsoAfterARefusedSend()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var page = await Html.GetDocumentAsync(client, $"/Workshops/{id}/Edit");

        Assert.StartsWith($"Workshop „Workshop {s.Koeln}“ bearbeiten", page.Title, StringComparison.Ordinal);
        Assert.Equal($"Workshop „Workshop {s.Koeln}“ bearbeiten", page.QuerySelector("h1")!.TextContent.Trim());
        var refused = await Html.ParseAsync(await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("#workshop-form")!, new Dictionary<string, string> { ["Input.Topic"] = "" }));
        Assert.NotNull(refused.QuerySelector("#error-summary"));
        Assert.Contains($"Workshop „Workshop {s.Koeln}“ bearbeiten", refused.Title, StringComparison.Ordinal);
        Assert.Equal($"Workshop „Workshop {s.Koeln}“ bearbeiten", refused.QuerySelector("h1")!.TextContent.Trim());
        var english = await Html.GetDocumentAsync(client, Html.English($"/Workshops/{id}/Edit"));
        Assert.Equal($"Edit workshop “Workshop {s.Koeln}”", english.QuerySelector("h1")!.TextContent.Trim());
    }

    /// <summary>
    /// Before anyone agreed, the page said „Keine Anforderung ist mit nein oder teilweise beantwortet“ (good news that
    /// was none) under an empty layer table, and nothing told the facilitator how consent is given.
    /// </summary>
    [Fact]
    public async Task Detail_NobodyAgreedYet_SaysWhatToDoAndShowsNoMisleadingEmptyResults()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1", "SYS.2.1"]);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var page = await Html.GetDocumentAsync(client, $"/Workshops/{id}");

        var hint = page.QuerySelector("#consent-pending-hint")!.TextContent;
        Assert.Contains("3 von 3 Kommunen haben noch nicht zugestimmt", hint, StringComparison.Ordinal);
        Assert.Contains("„Bewertungen → Workshop-Einladungen“", hint, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#layers"));
        Assert.StartsWith("Noch keine Zahlen je Schicht", page.QuerySelector("#no-layers")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Noch keine Lücken zu zählen", page.QuerySelector("#no-gaps")!.TextContent.Trim(), StringComparison.Ordinal);

        await ConsentAsync(id, s.MunicipalityIds);
        var agreed = await Html.GetDocumentAsync(client, $"/Workshops/{id}");
        Assert.Null(agreed.QuerySelector("#consent-pending-hint"));
        Assert.Null(agreed.QuerySelector("#no-layers"));
        Assert.NotNull(agreed.QuerySelector("#layers"));
    }

    /// <summary>WCAG 3.1.2: the catalogue's texts on the workshop page (catalogue, layer and requirement titles) carry its version's language.</summary>
    [Fact]
    public async Task Detail_CatalogueTexts_CarryTheirVersionsLanguage()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        await ConsentAsync(id, s.MunicipalityIds);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        static List<string?> Languages(IDocument page) =>
            [page.QuerySelector("#workshop-catalog")!.GetAttribute("lang"), page.QuerySelector("#layers tbody tr td")!.GetAttribute("lang"), page.QuerySelector("#gaps tbody tr td")!.GetAttribute("lang")];

        Assert.Equal(["de", "de", "de"], Languages(await Html.GetDocumentAsync(client, Html.English($"/Workshops/{id}"))));
        await SetLanguageAsync(s.VersionId, "en");
        try
        {
            Assert.Equal(["en", "en", "en"], Languages(await Html.GetDocumentAsync(client, $"/Workshops/{id}")));
        }
        finally
        {
            await SetLanguageAsync(s.VersionId, "de");
        }
    }

    private async Task SetLanguageAsync(int versionId, string language)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        Assert.Equal(1, await db.CatalogVersions.Where(v => v.Id == versionId).ExecuteUpdateAsync(u => u.SetProperty(v => v.Language, language)));
    }

    /// <summary>The page explains „(4/8)“, E_B and E_BS and links the calculation help; „Stichtag“ is now „Stand der Zahlen“.</summary>
    [Fact]
    public async Task Detail_ExplainsTheFigures()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, ["ISMS.1"]);
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var page = await Html.GetDocumentAsync(client, $"/Workshops/{id}");

        Assert.Equal(["Paare", "Beantwortet", "E_B", "E_BS", "–"], page.QuerySelectorAll("#workshop-terms dt").Select(dt => dt.TextContent.Trim()));
        Assert.Contains("„4/8“ heißt 4 von 8", page.QuerySelector("#term-pairs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Basis-Anforderungen", page.QuerySelector("#term-first")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Hilfe/Berechnung", page.QuerySelector("#workshop-help")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("#workshop-facts dt"), dt => dt.TextContent == "Stand der Zahlen");
        // Where the Excel round trip is (the facilitator gets no questionnaire workbook) – not a dead end.
        Assert.Contains("„Excel-Fragebogen (offline ausfüllen und hochladen)“", page.QuerySelector("#offline-note")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Another facilitator's workshop (and an unknown id) answer 404 with one message that says what happened and leads
    /// to the own workshops – the same text for both, so it does not tell whether the other workshop exists.
    /// </summary>
    [Fact]
    public async Task OtherFacilitatorsWorkshop_RefusedWithAClearMessage_SameAsForAnUnknownId()
    {
        var s = await ScenarioAsync();
        var id = await WorkshopAsync(s, []);
        var other = await s.Seed.UserAsync("moderation-fremd-" + s.Koeln, Roles.Facilitator);
        var client = await s.Seed.SignInAsync(other);

        foreach (var url in new[] { $"/Workshops/{id}", $"/Workshops/{id}?handler=Summary", $"/Workshops/{id}/Edit", $"/Workshops/{Guid.NewGuid()}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotEqual(DetailModel.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
            var page = await Html.ParseAsync(response);
            Assert.Equal("Workshop nicht gefunden", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.StartsWith("Workshop nicht gefunden", page.Title, StringComparison.Ordinal);
            Assert.Contains("Sie sehen nur Ihre eigenen Workshops.", page.QuerySelector("#workshop-not-found-message")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("/Workshops", page.QuerySelector("#workshop-not-found-list")!.GetAttribute("href"));
            Assert.DoesNotContain("Workshop " + s.Koeln, page.Body!.TextContent, StringComparison.Ordinal);
        }

        // A forged send of the edit form is refused the same way and changes nothing.
        var own = await s.Seed.SignInAsync(s.Facilitator);
        var form = (IHtmlFormElement)(await Html.GetDocumentAsync(own, $"/Workshops/{id}/Edit")).QuerySelector("#workshop-form")!;
        var token = await TokenAsync(client);
        var forged = await client.PostAsync($"/Workshops/{id}/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Topic"] = "Übernommen",
            ["Input.Date"] = "2026-12-03",
            ["Input.CatalogVersionId"] = s.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Municipalities"] = s.Koeln,
            ["LoadedVersion"] = ((IHtmlInputElement)form.QuerySelector("#workshop-loaded-version")!).Value,
        }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.NotNull((await Html.ParseAsync(forged)).QuerySelector("#workshop-not-found-message"));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal("Workshop " + s.Koeln, (await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Workshops.AsNoTracking().SingleAsync(w => w.Id == id)).Topic);
    }

    /// <summary>
    /// The create form offered the catalogue imported last – in a development setup the 10-requirement add-on on risk
    /// management, labelled with a raw OSCAL time stamp – and a workshop on it showed „noch keine Bewertung“ for everyone.
    /// Now: the version most assessments are on, else the largest.
    /// </summary>
    [Fact]
    public async Task Create_DefaultVersion_IsTheMostUsedElseTheLargestCatalogue_OptionsNameTheirRequirements()
    {
        using var own = new GrundschutzWebFactory();
        var seed = new AssessmentSeed(own);
        var demoId = await seed.DemoCatalogVersionIdAsync();
        int smallId;
        await using (var scope = own.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<Grundschutz.Infrastructure.Importing.CatalogImportService>();
            smallId = (await importer.ImportAsync([Grundschutz.Infrastructure.Importing.CatalogImportFile.FromPath(SharedFiles.InRepository("tests/Grundschutz.Domain.Tests/Fixtures/Oscal/mini-catalog.json"))], "test", CancellationToken.None))[0].CatalogVersionId;
        }

        var facilitator = await seed.UserAsync("moderation-standardwahl", Roles.Facilitator);
        var client = await seed.SignInAsync(facilitator);
        var page = await Html.GetDocumentAsync(client, "/Workshops/Create");

        var options = page.QuerySelectorAll<IHtmlOptionElement>("#Input_CatalogVersionId option").ToList();
        Assert.Equal(smallId.ToString(System.Globalization.CultureInfo.InvariantCulture), options[0].Value);
        Assert.Equal(demoId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(options, o => o.IsSelected).Value);
        Assert.All(options, o => Assert.Matches(@"\(\d[\d.]* Anforderungen\)$", o.TextContent.Trim()));

        // Once the municipalities assess on a version, a workshop on that version is what can show their progress.
        var (municipality, isb) = await seed.TenantAsync("09184002", "Standardwahl Workshop");
        await seed.Assessment(municipality, isb).OnCatalogVersion(smallId).BuildAsync();
        page = await Html.GetDocumentAsync(client, "/Workshops/Create");
        Assert.Equal(smallId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(page.QuerySelectorAll<IHtmlOptionElement>("#Input_CatalogVersionId option"), o => o.IsSelected).Value);
    }

    private async Task<Grundschutz.Infrastructure.Persistence.Municipalities.Municipality?> MunicipalityAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>().Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await Html.GetDocumentAsync(client, "/Assessments");
        return ((IHtmlInputElement)page.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        [row.QuerySelector(".answered")!.TextContent.Trim(), row.QuerySelector(".first")!.TextContent.Trim(), row.QuerySelector(".second")!.TextContent.Trim()];

    private async Task<Scenario> ScenarioAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var seed = new AssessmentSeed(factory);
        var versionId = await WorkbookScenario.KompendiumAsync(factory);
        string Ags(int k) => $"05{n:000}{k:000}";
        var (koeln, isbKoeln) = await seed.TenantAsync(Ags(1), "Kommune Köln");
        var (bonn, isbBonn) = await seed.TenantAsync(Ags(2), "Kommune Bonn");
        var (aachen, _) = await seed.TenantAsync(Ags(3), "Kommune Aachen");
        var facilitator = await seed.UserAsync("moderation-" + Ags(0), Roles.Facilitator);

        var koelnAssessment = await Base(seed, koeln, isbKoeln, versionId)
            .Answer("ISMS.1.A1", Verbund, AnswerStatus.Ja)
            .Answer("ISMS.1.A2", Verbund, AnswerStatus.Nein)
            .Answer("ISMS.1.A3", Verbund, AnswerStatus.Ja)
            .Answer("ISMS.1.A4", Verbund, AnswerStatus.Teilweise)
            .Answer("SYS.2.1.A1", Server, AnswerStatus.Ja)
            .Answer("SYS.2.1.A2", Server, AnswerStatus.Nein)
            .Answer("SYS.2.1.A4", Server, AnswerStatus.Entbehrlich)
            .BuildAsync();
        await Base(seed, bonn, isbBonn, versionId)
            .Answer("ISMS.1.A1", Verbund, AnswerStatus.Ja)
            .Answer("ISMS.1.A2", Verbund, AnswerStatus.Nein)
            .Answer("ISMS.1.A3", Verbund, AnswerStatus.Nein)
            .Answer("SYS.2.1.A1", Server, AnswerStatus.Nein)
            .BuildAsync();

        // Aachen has an assessment, but on another catalogue: it does not count.
        await seed.Assessment(aachen, await seed.UserAsync("isb2-" + Ags(3), Roles.Isb, aachen)).WithTarget("Server", "TEC.1").AnswerRest().BuildAsync();
        return new Scenario(seed, versionId, Ags(1), Ags(2), Ags(3), facilitator, isbKoeln, koelnAssessment.Id, [koeln.Id, bonn.Id, aachen.Id], isbBonn, n);
    }

    private static AssessmentSeed.Builder Base(AssessmentSeed seed, Grundschutz.Infrastructure.Persistence.Municipalities.Municipality municipality, ApplicationUser isb, int versionId) =>
        seed.Assessment(municipality, isb)
            .OnCatalogVersion(versionId)
            .WithApproach(Approach.Standard)
            .Titled("Check 2026")
            .WithTarget(Verbund, "ISMS.1")
            .WithTarget(Server, "SYS.2.1")
            .InState(AssessmentState.InProgress);

    private async Task<Guid> WorkshopAsync(Scenario s, string[] modules)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var workshop = new Grundschutz.Infrastructure.Persistence.Workshops.Workshop
        {
            Id = Guid.NewGuid(),
            Topic = "Workshop " + s.Koeln,
            Date = new DateOnly(2026, 12, 3),
            CatalogVersionId = s.VersionId,
            FacilitatorUserId = s.Facilitator.Id,
            CreatedAt = factory.Time.GetUtcNow(),
            UpdatedAt = factory.Time.GetUtcNow(),
        };
        workshop.Participants.AddRange(s.MunicipalityIds.Select(m => new WorkshopParticipant { WorkshopId = workshop.Id, MunicipalityId = m }));
        workshop.Modules.AddRange(modules.Select(g => new WorkshopModule { WorkshopId = workshop.Id, GroupId = g }));
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        return workshop.Id;
    }

    /// <summary>Records the consent of <paramref name="municipalityIds"/> directly (the ISB's page is tested on its own).</summary>
    private async Task ConsentAsync(Guid workshopId, IEnumerable<int> municipalityIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var ids = municipalityIds.ToList();
        var participants = await db.Set<WorkshopParticipant>().Where(p => p.WorkshopId == workshopId && ids.Contains(p.MunicipalityId)).ToListAsync();
        Assert.Equal(ids.Count, participants.Count);
        participants.ForEach(p => p.ConsentedAt = factory.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>Consent for the workshop found by topic and facilitator (created through the form); returns its id.</summary>
    private async Task<Guid> ConsentAsync(IEnumerable<int> municipalityIds, string topic, string facilitatorId)
    {
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            id = await db.Workshops.Where(w => w.Topic == topic && w.FacilitatorUserId == facilitatorId).Select(w => w.Id).SingleAsync();
        }

        await ConsentAsync(id, municipalityIds);
        return id;
    }

    private async Task<WorkshopParticipant?> ParticipantAsync(Guid workshopId, int municipalityId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        return await db.Set<WorkshopParticipant>().AsNoTracking().SingleOrDefaultAsync(p => p.WorkshopId == workshopId && p.MunicipalityId == municipalityId);
    }

    private sealed record Scenario(
        AssessmentSeed Seed, int VersionId, string Koeln, string Bonn, string Aachen, ApplicationUser Facilitator, ApplicationUser IsbKoeln, Guid KoelnAssessment, int[] MunicipalityIds, ApplicationUser IsbBonn, int N)
    {
        public int KoelnId => MunicipalityIds[0];

        public int BonnId => MunicipalityIds[1];
    }
}
