using System.Net;
using System.Text;
using Grundschutz.Domain.Assessments;
using Grundschutz.Web.Tests.Infrastructure;
using static Grundschutz.Web.Tests.Assessments.QuestionnaireTestData;

namespace Grundschutz.Web.Tests.Assessments;

public sealed class QuestionnaireEvidenceTests(QuestionnaireWebFactory factory) : IClassFixture<QuestionnaireWebFactory>
{
    [Fact]
    public async Task Upload_Pdf_IsListedWithItsSha256AndStoredContentAddressed()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100001", "Mainz");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var content = Pdf("Bestellungsschreiben Mainz");
        var sha = Sha256(content);

        var response = await UploadAsync(client, page, "Bestellung.pdf", content);

        Assert.Equal(Question(tenant.Id, 0) + "#evidence", Location(response));
        var shown = await Html.FollowRedirectAsync(client, response);
        Assert.Contains("Bestellung.pdf", Text(shown, "#status-message"), StringComparison.Ordinal);
        var row = Assert.Single(shown.QuerySelectorAll("#evidence-list tbody tr"));
        Assert.Equal("Bestellung.pdf", row.QuerySelector("a.evidence-download")!.TextContent.Trim());
        Assert.Equal(sha, row.QuerySelector("details code.evidence-sha256")!.TextContent.Trim());
        Assert.StartsWith(sha[..12], row.QuerySelector("details summary")!.TextContent.Trim().Replace("SHA-256 ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("td[data-bytes]")!.GetAttribute("data-bytes"));
        Assert.Contains(tenant.Isb.DisplayName, row.TextContent, StringComparison.Ordinal);

        var evidence = Assert.Single((await tenant.AnswerAsync("ORG.1.1"))!.Evidence);
        Assert.Equal(("sha256:" + sha, "Bestellung.pdf", (long)content.Length, "application/pdf"), (evidence.StorageKey, evidence.FileName, evidence.SizeBytes, evidence.ContentType));
        var stored = Assert.Single(factory.StoredFiles(), f => Path.GetFileName(f) == sha);
        Assert.Equal(content, await File.ReadAllBytesAsync(stored));
    }

    [Fact]
    public async Task Download_IsAnAttachmentWithTheOriginalNameAndNeutralType()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100002", "Trier");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var content = Pdf("Prüfbericht Trier");
        var shown = await Html.FollowRedirectAsync(client, await UploadAsync(client, page, "Prüfbericht 2026.pdf", content));
        var href = shown.QuerySelector("#evidence-list a.evidence-download")!.GetAttribute("href")!;

        var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Prüfbericht 2026.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''Pr%C3%BCfbericht%202026.pdf", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_HtmlNamedPdf_IsRefusedAndNothingIsStored()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100003", "Koblenz");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert('x')</script></body></html>");
        var before = factory.StoredFiles().Count;

        var response = await UploadAsync(client, page, "bericht.pdf", html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Equal(["Der Inhalt passt nicht zur Endung „.pdf“: Die Datei ist kein PDF-Dokument. Bitte die Originaldatei hochladen."], Errors(refused));
        Assert.Equal(["#upload"], ErrorLinks(refused));
        Assert.Contains("kein PDF-Dokument", Text(refused, "#upload-error"), StringComparison.Ordinal);
        Assert.Equal(before, factory.StoredFiles().Count);
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Theory]
    [InlineData("07100011", "programm.exe", "MZ\u0090\u0000", "Dateien vom Typ „.exe“ sind als Nachweis nicht erlaubt.")]
    [InlineData("07100012", "liste.csv", "Name;Wert\nA;\u0000", "Die Datei ist keine Textdatei")]
    [InlineData("07100013", "tabelle.xlsx", "Name;Wert\n", "Die Datei ist kein Office-Dokument")]
    [InlineData("07100014", "foto.png", "GIF89a", "Die Datei ist kein PNG-Bild")]
    public async Task Upload_WrongTypeOrContent_IsRefusedWithAGermanMessage(string ags, string fileName, string content, string expected)
    {
        var tenant = await TenantWithAssessmentAsync(factory, ags, "Worms " + ags);
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var refused = await Html.ParseAsync(await UploadAsync(client, page, fileName, Encoding.UTF8.GetBytes(content), "application/octet-stream"));

        Assert.Contains(expected, Assert.Single(Errors(refused)), StringComparison.Ordinal);
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    /// <summary>
    /// A refused evidence upload in the English UI: the message and its parts
    /// (what the file is instead, a missing extension, the sizes) are translated; the extension and the allowed types are
    /// shown as they are, sizes with German digits as everywhere in the UI. The German UI shows the German text unchanged.
    /// Contents are Latin-1 bytes (so that „Grüße“ is not UTF-8); a size pads the content with blanks to that many bytes.
    /// </summary>
    [Theory]
    [InlineData("07100041", "bericht.pdf", "<!DOCTYPE html><html></html>", 0,
        "The content does not match the extension “.pdf”: the file is not a PDF document. Please upload the original file.",
        "Der Inhalt passt nicht zur Endung „.pdf“: Die Datei ist kein PDF-Dokument. Bitte die Originaldatei hochladen.")]
    [InlineData("07100042", "programm.exe", "MZ\u0090\u0000", 0,
        "Files of type “.exe” are not accepted as evidence. Allowed are: .pdf, .png, .jpg, .jpeg, .txt, .csv, .docx, .xlsx, .odt, .ods.",
        "Dateien vom Typ „.exe“ sind als Nachweis nicht erlaubt. Erlaubt sind: .pdf, .png, .jpg, .jpeg, .txt, .csv, .docx, .xlsx, .odt, .ods.")]
    [InlineData("07100043", "Protokoll", "Sicherung erfolgreich", 0,
        "Files of type “without extension” are not accepted as evidence. Allowed are: .pdf, .png, .jpg, .jpeg, .txt, .csv, .docx, .xlsx, .odt, .ods.",
        "Dateien vom Typ „ohne Endung“ sind als Nachweis nicht erlaubt. Erlaubt sind: .pdf, .png, .jpg, .jpeg, .txt, .csv, .docx, .xlsx, .odt, .ods.")]
    [InlineData("07100044", "liste.csv", "Name;Wert\nA;\u0000", 0,
        "The file is not a text file (it contains null bytes). Text and CSV files must be UTF-8 encoded.",
        "Die Datei ist keine Textdatei (sie enthält Null-Bytes). Text- und CSV-Dateien müssen UTF-8-kodiert sein.")]
    [InlineData("07100045", "notiz.txt", "Grüße", 0,
        "The file is not a valid UTF-8 text file. Please save it as UTF-8 and upload it again.",
        "Die Datei ist keine gültige UTF-8-Textdatei. Bitte als UTF-8 speichern und erneut hochladen.")]
    [InlineData("07100046", "tabelle.xlsx", "Name;Wert\n", 0,
        "The content does not match the extension “.xlsx”: the file is not an office document (DOCX, XLSX, ODT, ODS). Please upload the original file.",
        "Der Inhalt passt nicht zur Endung „.xlsx“: Die Datei ist kein Office-Dokument (DOCX, XLSX, ODT, ODS). Bitte die Originaldatei hochladen.")]
    [InlineData("07100047", "..", "%PDF-1.7", 0,
        "The file does not have a valid name.",
        "Die Datei hat keinen gültigen Namen.")]
    [InlineData("07100048", "gross.pdf", "%PDF-1.7", (int)QuestionnaireWebFactory.MaxEvidenceBytes + 512,
        "The file is too large (64,5 KB): at most 64 KB is allowed.",
        "Die Datei ist zu groß (64,5 KB): Erlaubt sind höchstens 64 KB.")]
    public async Task Upload_Refused_MessageInTheReadersLanguage(string ags, string fileName, string content, int size, string english, string german)
    {
        var tenant = await TenantWithAssessmentAsync(factory, ags, "Bingen " + ags);
        var bytes = Encoding.Latin1.GetBytes(content.PadRight(size));
        var client = await tenant.SignInAsync();
        var englishPage = await Html.GetDocumentAsync(client, Html.English(Question(tenant.Id, 0)));
        var englishForm = Form(englishPage, "evidence-upload-form");
        englishForm.Action = Html.English(englishForm.Action);
        var germanPage = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var inEnglish = await UploadAsync(client, englishPage, fileName, bytes, "application/octet-stream");
        var inGerman = await UploadAsync(client, germanPage, fileName, bytes, "application/octet-stream");

        Assert.Equal(HttpStatusCode.OK, inEnglish.StatusCode);
        var refusedEnglish = await Html.ParseAsync(inEnglish);
        Assert.Equal("en", refusedEnglish.DocumentElement.GetAttribute("lang"));
        Assert.Equal([english], Errors(refusedEnglish));
        Assert.Equal(english, Text(refusedEnglish, "#upload-error"));
        Assert.Equal(["#upload"], ErrorLinks(refusedEnglish));
        var refusedGerman = await Html.ParseAsync(inGerman);
        Assert.Equal([german], Errors(refusedGerman));
        Assert.Equal(german, Text(refusedGerman, "#upload-error"));
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    /// <summary>The size guard's refusal (before the body is read), posted from the English UI, is English on the page after the redirect.</summary>
    [Fact]
    public async Task Upload_RequestFarOverTheLimit_English_MessageInEnglish()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100049", "Alzey");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Html.English(Question(tenant.Id, 0)));
        var form = Form(page, "evidence-upload-form");
        form.Action = Html.English(form.Action);

        var response = await UploadAsync(client, page, "riesig.pdf", Pdf(padTo: 4 * (int)QuestionnaireWebFactory.MaxEvidenceBytes));
        var shown = await Html.GetDocumentAsync(client, Html.English(Location(response)));

        Assert.Equal("en", shown.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["The file is too large: at most 64 KB is allowed. Nothing was saved."], Errors(shown));
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Upload_Utf8TextWithPathInName_IsAcceptedUnderItsBareName()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100020", "Speyer");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var response = await UploadAsync(client, page, "C:\\Users\\isb\\..\\Schulungsliste Ä.csv", Encoding.UTF8.GetBytes("Name;Datum\nMüller;2026-11-01\n"), "text/csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Schulungsliste Ä.csv", Assert.Single((await tenant.AnswerAsync("ORG.1.1"))!.Evidence).FileName);
    }

    [Fact]
    public async Task Upload_OverTheFileLimit_IsRefusedBeforeStoring()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100004", "Ludwigshafen");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var before = factory.StoredFiles().Count;

        // Slightly over the limit: the request passes the early check, the file's declared length does not.
        var refused = await Html.ParseAsync(await UploadAsync(client, page, "gross.pdf", Pdf(padTo: (int)QuestionnaireWebFactory.MaxEvidenceBytes + 100)));

        Assert.Equal(["#upload"], ErrorLinks(refused));
        Assert.Contains("Die Datei ist zu groß", Errors(refused)[0], StringComparison.Ordinal);
        Assert.Contains("höchstens 64 KB", Errors(refused)[0], StringComparison.Ordinal);
        Assert.Equal(before, factory.StoredFiles().Count);
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Upload_RequestFarOverTheLimit_IsTurnedAwayBeforeTheBodyIsRead()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100005", "Kaiserslautern");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));

        var response = await UploadAsync(client, page, "riesig.pdf", Pdf(padTo: 4 * (int)QuestionnaireWebFactory.MaxEvidenceBytes));

        Assert.Equal(Question(tenant.Id, 0) + "#upload", Location(response));
        var shown = await Html.FollowRedirectAsync(client, response);
        Assert.Equal(["Die Datei ist zu groß: Erlaubt sind höchstens 64 KB. Es wurde nichts gespeichert."], Errors(shown));
        Assert.Equal(["#upload"], ErrorLinks(shown));
        Assert.Null(await tenant.AnswerAsync("ORG.1.1"));
    }

    [Fact]
    public async Task Upload_SameBytesTwice_IsStoredOnceAndListedTwice()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100006", "Neustadt");
        var client = await tenant.SignInAsync();
        var content = Pdf("doppelt");
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var first = await Html.FollowRedirectAsync(client, await UploadAsync(client, page, "a.pdf", content));

        var second = await Html.FollowRedirectAsync(client, await UploadAsync(client, first, "b.pdf", content));

        Assert.Contains("bereits gespeichert", Text(second, "#status-message"), StringComparison.Ordinal);
        Assert.Equal(2, second.QuerySelectorAll("#evidence-list tbody tr").Length);
        Assert.Single(factory.StoredFiles(), f => Path.GetFileName(f) == Sha256(content));
    }

    [Fact]
    public async Task Delete_RemovesTheReferenceAndRecordsItInTheHistory()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100007", "Pirmasens");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var shown = await Html.FollowRedirectAsync(client, await UploadAsync(client, page, "alt.pdf", Pdf("alt")));
        var evidenceId = shown.QuerySelector("#evidence-list tbody tr")!.GetAttribute("data-evidence-id")!;
        factory.Time.Advance(TimeSpan.FromMinutes(1));

        var response = await Html.SubmitAsync(client, Form(shown, $"delete-evidence-{evidenceId}"));

        var after = await Html.FollowRedirectAsync(client, response);
        Assert.Null(after.GetElementById("evidence-list"));
        Assert.NotNull(after.GetElementById("evidence-empty"));
        Assert.Contains("alt.pdf", Text(after, "#status-message"), StringComparison.Ordinal);
        var row = after.QuerySelectorAll("#answer-history tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).First();
        Assert.Equal(["Nachweis", "alt.pdf", "–"], row[2..5]);
        Assert.Empty((await tenant.AnswerAsync("ORG.1.1"))!.Evidence);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessments/{tenant.Id}/Evidence/{evidenceId}")).StatusCode);
    }

    [Fact]
    public async Task Delete_FromAStalePageAfterItWasRemoved_SaysSoAndKeepsTheOtherEvidence()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100050", "Bad Dürkheim");
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var first = await Html.FollowRedirectAsync(client, await UploadAsync(client, page, "weg.pdf", Pdf("weg")));
        var shown = await Html.FollowRedirectAsync(client, await UploadAsync(client, first, "bleibt.pdf", Pdf("bleibt")));
        var evidenceId = shown.QuerySelectorAll("#evidence-list tbody tr")
            .Single(tr => tr.QuerySelector("a.evidence-download")!.TextContent.Trim() == "weg.pdf").GetAttribute("data-evidence-id")!;
        await Html.SubmitAsync(client, Form(shown, $"delete-evidence-{evidenceId}"));

        // The same button once more: a double click, a second tab or the page from „Zurück“.
        var response = await Html.SubmitAsync(client, Form(shown, $"delete-evidence-{evidenceId}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Html.FollowRedirectAsync(client, response);
        var message = Text(after, "#status-message");
        Assert.Contains("nicht mehr vorhanden", message, StringComparison.Ordinal);
        Assert.DoesNotContain("wurde entfernt", message, StringComparison.Ordinal);
        Assert.Equal(["bleibt.pdf"], (await tenant.AnswerAsync("ORG.1.1"))!.Evidence.Select(e => e.FileName));
        Assert.Equal(["bleibt.pdf"], after.QuerySelectorAll("#evidence-list a.evidence-download").Select(a => a.TextContent.Trim()));
        Assert.Single(after.QuerySelectorAll("#answer-history tbody tr"), tr => tr.TextContent.Contains("weg.pdf", StringComparison.Ordinal) && tr.QuerySelectorAll("td")[3].TextContent.Trim() == "weg.pdf");
    }

    [Fact]
    public async Task Delete_EvidenceIdOfAnotherAssessmentOfTheSameMunicipality_IsNotFoundAndKeepsTheFile()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100009", "Speyer");
        var second = await tenant.Seed.Assessment(tenant.Municipality, tenant.Isb)
            .WithTarget("Anderes Ziel", "ORG.1").InState(AssessmentState.InProgress).BuildAsync();
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var shown = await Html.FollowRedirectAsync(client, await UploadAsync(client, page, "bleibt.pdf", Pdf("bleibt")));
        var evidenceId = shown.QuerySelector("#evidence-list tbody tr")!.GetAttribute("data-evidence-id")!;

        // The delete form of the first assessment, sent to the second one (a forged request with a valid token).
        var form = Form(shown, $"delete-evidence-{evidenceId}");
        form.Action = form.Action.Replace(tenant.Id.ToString(), second.Id.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(second.Id.ToString(), form.Action, StringComparison.OrdinalIgnoreCase);
        var response = await Html.SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["bleibt.pdf"], (await tenant.AnswerAsync("ORG.1.1"))!.Evidence.Select(e => e.FileName));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Assessments/{tenant.Id}/Evidence/{evidenceId}")).StatusCode);
    }

    [Fact]
    public async Task Download_EvidenceOfAnotherAssessmentOfTheSameMunicipality_IsNotFound()
    {
        var tenant = await TenantWithAssessmentAsync(factory, "07100008", "Zweibrücken");
        var second = await tenant.Seed.Assessment(tenant.Municipality, tenant.Isb)
            .WithTarget("Anderes Ziel", "ORG.1").InState(AssessmentState.InProgress).BuildAsync();
        var client = await tenant.SignInAsync();
        var page = await Html.GetDocumentAsync(client, Question(tenant.Id, 0));
        var shown = await Html.FollowRedirectAsync(client, await UploadAsync(client, page, "eigen.pdf", Pdf("eigen")));
        var evidenceId = shown.QuerySelector("#evidence-list tbody tr")!.GetAttribute("data-evidence-id")!;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Assessments/{tenant.Id}/Evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessments/{second.Id}/Evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessments/{tenant.Id}/Evidence/{Guid.NewGuid()}")).StatusCode);
    }
}
