using System.Net;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Identity;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Grundschutz.Web.Tests.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
public sealed class WorkshopTests(GrundschutzWebFactory factory) : IClassFixture<GrundschutzWebFactory>
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
        var page = await Html.FollowRedirectAsync(client, created);

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
        var client = await s.Seed.SignInAsync(s.Facilitator);

        var response = await client.GetAsync($"/Workshops/{id}?handler=Summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Workshop-2026-12-03.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
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
        Assert.Contains("Diese Bausteine gibt es in der gewählten Katalogversion nicht: XYZ.9.", errors, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
        var stored = await db.Workshops.AsNoTracking().Include(w => w.Participants).Include(w => w.Modules).SingleAsync(w => w.Id == id);
        Assert.Equal("Workshop " + s.Koeln, stored.Topic);
        Assert.Equal(3, stored.Participants.Count);
        Assert.Equal(["ISMS.1"], stored.Modules.Select(m => m.GroupId));
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
        return new Scenario(seed, versionId, Ags(1), Ags(2), Ags(3), facilitator, isbKoeln, koelnAssessment.Id, [koeln.Id, bonn.Id, aachen.Id]);
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
        workshop.Participants.AddRange(s.MunicipalityIds.Select(m => new Grundschutz.Infrastructure.Persistence.Workshops.WorkshopParticipant { WorkshopId = workshop.Id, MunicipalityId = m }));
        workshop.Modules.AddRange(modules.Select(g => new Grundschutz.Infrastructure.Persistence.Workshops.WorkshopModule { WorkshopId = workshop.Id, GroupId = g }));
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync();
        return workshop.Id;
    }

    private sealed record Scenario(
        AssessmentSeed Seed, int VersionId, string Koeln, string Bonn, string Aachen, ApplicationUser Facilitator, ApplicationUser IsbKoeln, Guid KoelnAssessment, int[] MunicipalityIds);
}
