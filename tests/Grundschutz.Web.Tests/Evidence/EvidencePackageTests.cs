using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>The evidence package download: contents opened and recomputed, only approved, tenant isolation.</summary>
public sealed class EvidencePackageTests(EvidenceWebFactory factory) : IClassFixture<EvidenceWebFactory>
{
    [Fact]
    public async Task Package_Approved_HasEveryDocumentAndTheManifestMatchesEveryFile()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "05315000", "Köln");
        var client = await scenario.SignInAsync();

        var response = await client.GetAsync(EvidenceScenario.Package(scenario.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Nachweispaket-05315000-2026-11-23.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        var files = PackageZip.Read(await response.Content.ReadAsByteArrayAsync());

        foreach (var name in new[] { "00_Referenzdokumente", "A.1_Strukturanalyse", "A.3_Modellierung", "A.4_IT-Grundschutz-Check", "A.6_Realisierungsplan" })
        {
            Assert.Contains(name + ".xlsx", files.Keys);
            Assert.Contains(name + ".html", files.Keys);
        }

        Assert.Contains(PackagePaths.AnswerTrail, files.Keys);
        Assert.Contains(PackagePaths.Workflow, files.Keys);
        Assert.Contains(PackagePaths.Manifest, files.Keys);
        Assert.Contains(PackagePaths.Signature, files.Keys);
        Assert.All(files.Keys, name => Assert.True(EvidencePackageVerifier.IsSafeName(name), name));

        // Manifest: every file except manifest and signature, with its real SHA-256 and size.
        using var manifest = JsonDocument.Parse(files[PackagePaths.Manifest]);
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => (Sha: f.GetProperty("sha256").GetString()!, Size: f.GetProperty("size").GetInt64()));
        Assert.Equal(files.Keys.Where(k => k is not PackagePaths.Manifest and not PackagePaths.Signature).Order(), listed.Keys.Order());
        foreach (var (path, (sha, size)) in listed)
        {
            Assert.Equal(PackageZip.Sha256(files[path]), sha);
            Assert.Equal(files[path].LongLength, size);
        }

        Assert.Equal("2026-11-23T09:00:00.000Z", manifest.RootElement.GetProperty("generatedAt").GetString());
        Assert.Equal("05315000", manifest.RootElement.GetProperty("assessment").GetProperty("ags").GetString());

        // Signature: ECDSA P-256 over the manifest bytes with the configured key id.
        using var signature = JsonDocument.Parse(files[PackagePaths.Signature]);
        Assert.Equal("test-2026", signature.RootElement.GetProperty("keyId").GetString());
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(factory.SigningKeyPath));
        Assert.True(key.VerifyData(
            files[PackagePaths.Manifest],
            Convert.FromBase64String(signature.RootElement.GetProperty("signature").GetString()!),
            HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        // Evidence: the stored bytes under Nachweise/<requirement>/<target>/, the hostile name defused.
        var evidence = Assert.Single(files.Keys, k => k.StartsWith("Nachweise/", StringComparison.Ordinal));
        Assert.StartsWith("Nachweise/TEC.1.1/Server Rathaus/", evidence, StringComparison.Ordinal);
        Assert.EndsWith("Sicherungsprotokoll.txt", evidence, StringComparison.Ordinal);
        Assert.Equal(EvidenceScenario.EvidenceBytes, files[evidence]);

        // A.0: only the Leitlinie version valid at approval (2.0), not the replaced 1.0.
        var policy = Assert.Single(files.Keys, k => k.StartsWith("A.0/", StringComparison.Ordinal));
        Assert.Equal("A.0/A.0.1_2.0_Leitlinie.pdf", policy);
        Assert.EndsWith("2.0", Encoding.UTF8.GetString(files[policy]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_ReferenceDocuments_OpenAsWorkbooksAndHtmlWithTheAssessmentsData()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "05111000", "Düsseldorf");
        var client = await scenario.SignInAsync();
        var files = PackageZip.Read(await client.GetByteArrayAsync(EvidenceScenario.Package(scenario.Id)));
        var parser = new HtmlParser();

        // 00: the list with the policy's metadata and the four generated documents.
        using (var list = new XLWorkbook(new MemoryStream(files["00_Referenzdokumente.xlsx"])))
        {
            var sheet = list.Worksheet("Referenzdokumente");
            Assert.Equal(["Nummer", "Kurzbezeichnung", "Datei", "Version/Datum", "Änderungen"], Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()));
            Assert.Equal(["A.0.1", "A.1", "A.3", "A.4", "A.6"], Enumerable.Range(2, 5).Select(r => sheet.Cell(r, 1).GetString()));
            Assert.Equal("A.0/A.0.1_2.0_Leitlinie.pdf", sheet.Cell(2, 3).GetString());
            Assert.Equal("Version 2.0 vom 01.03.2026, freigegeben von Bürgermeisterin; Autor/in Erika Muster; nächste Überprüfung 01.03.2027", sheet.Cell(2, 4).GetString());
            Assert.Equal("Änderungen in 2.0", sheet.Cell(2, 5).GetString());
        }

        var listHtml = parser.ParseDocument(Encoding.UTF8.GetString(files["00_Referenzdokumente.html"]));
        var rows = listHtml.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["A.0.1", "A.1", "A.3", "A.4", "A.6"], rows.Select(r => r[0]));
        Assert.Equal("Leitlinie zur Informationssicherheit", rows[0][1]);
        Assert.Empty(listHtml.QuerySelectorAll("script, link, img[src^='http']"));

        // A.1: three target objects alphabetically; the printer has no module.
        using (var a1 = new XLWorkbook(new MemoryStream(files["A.1_Strukturanalyse.xlsx"])))
        {
            var sheet = a1.Worksheet("A.1 Strukturanalyse");
            Assert.Equal([EvidenceScenario.Clients, EvidenceScenario.Printer, EvidenceScenario.Server], Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 1).GetString()));
            Assert.Equal([1, 0, 2], Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 3).GetValue<int>()));
        }

        // A.3: applied modules, the excluded one with its reason (as plain text), the target object without a module.
        var a3 = parser.ParseDocument(Encoding.UTF8.GetString(files["A.3_Modellierung.html"]));
        var a3Rows = a3.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(3 + 1 + 1, a3Rows.Count);
        var excluded = Assert.Single(a3Rows, r => r[2] == "nein");
        Assert.StartsWith("ORG.1", excluded[0], StringComparison.Ordinal);
        Assert.Equal("Keine eigene Organisation: Aufgaben beim Kreis | =CMD", excluded[3]);
        Assert.Equal(EvidenceScenario.Printer, Assert.Single(a3Rows, r => r[2] == "kein Baustein")[1]);
        using (var a3Book = new XLWorkbook(new MemoryStream(files["A.3_Modellierung.xlsx"])))
        {
            var cell = a3Book.Worksheet("A.3 Modellierung").CellsUsed().Single(c => c.GetString().StartsWith("Keine eigene", StringComparison.Ordinal));
            Assert.False(cell.HasFormula);
        }

        // A.4 and A.6: the same rows as the existing workbooks.
        using (var a4 = new XLWorkbook(new MemoryStream(files["A.4_IT-Grundschutz-Check.xlsx"])))
        {
            var sheet = a4.Worksheet("A.4 IT-Grundschutz-Check");
            var a4Html = parser.ParseDocument(Encoding.UTF8.GetString(files["A.4_IT-Grundschutz-Check.html"]));
            var htmlRows = a4Html.QuerySelectorAll("table tbody tr").ToList();
            Assert.Equal(sheet.LastRowUsed()!.RowNumber() - 1, htmlRows.Count);
            Assert.Equal(
                Enumerable.Range(2, htmlRows.Count).Select(r => (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 3).GetString(), sheet.Cell(r, 7).GetString())),
                htmlRows.Select(r => r.QuerySelectorAll("td").ToList()).Select(c => (c[0].TextContent.Trim(), c[2].TextContent.Trim(), c[5].TextContent.Trim())));
        }

        var a6 = parser.ParseDocument(Encoding.UTF8.GetString(files["A.6_Realisierungsplan.html"]));
        var plan = Assert.Single(a6.QuerySelectorAll("table tbody tr")).QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1", EvidenceScenario.Clients], plan.Take(2));
        Assert.Equal("TEC.1.2", plan[3]);
        Assert.Equal("01.03.2027", plan[7]);
    }

    [Fact]
    public async Task Package_AuditTrailAndWorkflow_RecordEveryAnswerChangeAndTheApproval()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "05913000", "Dortmund");
        var client = await scenario.SignInAsync();
        var files = PackageZip.Read(await client.GetByteArrayAsync(EvidenceScenario.Package(scenario.Id)));
        var assessment = await scenario.Seed.LoadAsync(scenario.Id);

        var lines = Encoding.UTF8.GetString(files[PackagePaths.AnswerTrail]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<TrailLine>(l)!).ToList();
        Assert.Equal(assessment.Answers.Sum(a => a.History.Count), lines.Count);
        Assert.All(lines, l => Assert.Equal(64, l.Hash.Length));
        var evidenceLine = Assert.Single(lines, l => l.Field == AnswerFields.Evidence);
        Assert.Equal("TEC.1.1", evidenceLine.RequirementId);
        Assert.Equal(scenario.Isb.UserName, evidenceLine.User);

        using var workflow = JsonDocument.Parse(files[PackagePaths.Workflow]);
        var transitions = workflow.RootElement.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("trigger").GetString()).ToList();
        Assert.Equal(["StartAnswering", "Submit", "StartReview", "Approve"], transitions);
        Assert.Equal(AssessmentSeed.DefaultAuditorId, workflow.RootElement.GetProperty("approvedByUserId").GetString());
    }

    [Theory]
    [InlineData(AssessmentState.InProgress)]
    [InlineData(AssessmentState.Submitted)]
    [InlineData(AssessmentState.InReview)]
    public async Task Package_NotApproved_DisabledWithReasonAndNoZip(AssessmentState state)
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "0931" + ((int)state).ToString("0000", System.Globalization.CultureInfo.InvariantCulture), "Nicht freigegeben", state);
        var client = await scenario.SignInAsync();

        var page = await Html.GetDocumentAsync(client, EvidenceScenario.Page(scenario.Id));
        Assert.Null(page.QuerySelector("#download-evidence-package"));
        Assert.NotNull(page.QuerySelector("#evidence-package-disabled"));
        Assert.Contains("erst, wenn die Prüferin oder der Prüfer die Bewertung genehmigt hat", page.QuerySelector("#evidence-package-reason")!.TextContent, StringComparison.Ordinal);

        var response = await client.GetAsync(EvidenceScenario.Package(scenario.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Html.FollowRedirectAsync(client, response);
        Assert.Contains("nur für genehmigte Bewertungen", after.QuerySelector("#evidence-package-reason")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_OtherMunicipality_NotFound()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "05334002", "Aachen");
        var (_, otherIsb) = await scenario.Seed.TenantAsync("05382068", "Bonn");
        var other = await scenario.Seed.SignInAsync(otherIsb);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(EvidenceScenario.Package(scenario.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(EvidenceScenario.Page(scenario.Id))).StatusCode);
    }

    [Fact]
    public async Task Package_PolicyReplacedAfterApproval_StillContainsTheVersionValidAtApproval()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "05315001", "Köln-Nachtrag");
        // Uploaded after the approval (the shared clock is not moved: other tests rely on it).
        await EvidenceScenario.AddPolicyAsync(factory, scenario.Assessment.MunicipalityId, scenario.Isb.Id, "3.0", factory.Time.GetUtcNow().AddDays(1), null);
        var client = await scenario.SignInAsync();

        var files = PackageZip.Read(await client.GetByteArrayAsync(EvidenceScenario.Package(scenario.Id)));

        Assert.Equal("A.0/A.0.1_2.0_Leitlinie.pdf", Assert.Single(files.Keys, k => k.StartsWith("A.0/", StringComparison.Ordinal)));
    }

    private static string Reason(AngleSharp.Dom.IDocument page) =>
        (page.QuerySelector("#evidence-package-reason") ?? throw new Xunit.Sdk.XunitException($"No reason on {page.Url}.")).TextContent.Trim();

    /// <summary>The export page's reason why there is no package, in the English UI or the German one.</summary>
    private static async Task<string> ReasonAsync(HttpClient client, EvidenceScenario scenario, bool english)
    {
        var page = await Html.GetDocumentAsync(client, english ? Html.English(EvidenceScenario.Page(scenario.Id)) : EvidenceScenario.Page(scenario.Id));
        Assert.Equal(english ? "en" : "de", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("#evidence-package-disabled"));
        return Reason(page);
    }

    /// <summary>The package asked for anyway, from the English UI or the German one: no ZIP, the page after the redirect shows why.</summary>
    private static async Task<string> RefusalAsync(HttpClient client, EvidenceScenario scenario, bool english)
    {
        var package = EvidenceScenario.Package(scenario.Id);
        var response = await client.GetAsync(english ? Html.English(package) : package);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var page = await Html.GetDocumentAsync(client, english ? Html.English(location) : location);
        Assert.Equal(english ? "en" : "de", page.DocumentElement.GetAttribute("lang"));
        return Reason(page);
    }

    /// <summary>
    /// Not yet approved, in the English UI: why there is no package, and the refusal of one asked for anyway (with the
    /// assessment's state translated), are in English; the German UI keeps the German texts.
    /// </summary>
    [Fact]
    public async Task Package_NotApproved_ReasonAndRefusalInTheReadersLanguage()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "09319001", "Noch offen", AssessmentState.InProgress);
        var client = await scenario.SignInAsync();

        Assert.Equal(
            "The evidence package is available once the assessment has been approved: it contains the review and approval note, and approved answers no longer change.",
            await ReasonAsync(client, scenario, english: true));
        Assert.Equal(
            "Das Nachweispaket gibt es erst, wenn die Prüferin oder der Prüfer die Bewertung genehmigt hat (Zustand „Genehmigt“): Es enthält den Prüf- und Freigabevermerk, und genehmigte Antworten ändern sich nicht mehr.",
            await ReasonAsync(client, scenario, english: false));
        Assert.Equal("An evidence package is only available for approved assessments; this one is “In progress”.", await RefusalAsync(client, scenario, english: true));
        Assert.Equal("Ein Nachweispaket gibt es nur für genehmigte Bewertungen; diese ist „In Bearbeitung“.", await RefusalAsync(client, scenario, english: false));
    }

    /// <summary>A stored file that has gone from the folder refuses the package, in the reader's language; the storage key is shown as it is.</summary>
    [Fact]
    public async Task Package_StoredFileMissing_RefusedInTheReadersLanguage()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "05315002", "Köln-Lücke");
        var missing = "sha256:" + new string('0', 64);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            Assert.True(await db.Database.ExecuteSqlAsync(
                $"UPDATE \"PolicyDocuments\" SET \"StorageKey\" = {missing} WHERE \"MunicipalityId\" = {scenario.Assessment.MunicipalityId}") > 0);
        }

        var client = await scenario.SignInAsync();

        Assert.Equal($"The stored file {missing} is missing from the storage folder; the package would be incomplete.", await RefusalAsync(client, scenario, english: true));
        Assert.Equal($"Die gespeicherte Datei {missing} fehlt im Ablageordner; das Paket wäre unvollständig.", await RefusalAsync(client, scenario, english: false));
    }

    /// <summary>
    /// An answer history changed in the database refuses the package; the message, the entry's description and the
    /// reason are translated, the requirement and the ids are shown as they are.
    /// </summary>
    [Fact]
    public async Task Package_HistoryChangedInTheDatabase_RefusedInTheReadersLanguage()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "05315003", "Köln-Verlauf");
        var answer = (await scenario.Seed.LoadAsync(scenario.Id)).Answers.First(a => a.History.Count >= 2);
        var entry = answer.History.Single(h => h.Sequence == 2);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrundschutzDbContext>();
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"AnswerChanges\" SET \"NewValue\" = {"geändert"} WHERE \"Hash\" = {entry.Hash}"));
        }

        var client = await scenario.SignInAsync();

        Assert.Equal(
            "The answer history in the database has been altered, so no package is created: "
            + $"Answer history {answer.RequirementId} (target object {answer.TargetObjectId}), entry 2 (id {entry.Id}): "
            + "The entry's content does not match its hash: it was changed afterwards.",
            await RefusalAsync(client, scenario, english: true));
        Assert.Equal(
            "Der Antwortverlauf in der Datenbank ist nicht mehr unverändert, deshalb wird kein Paket erstellt: "
            + $"Antwortverlauf {answer.RequirementId} (Zielobjekt {answer.TargetObjectId}), Eintrag 2 (Id {entry.Id}): "
            + "Der Inhalt des Eintrags passt nicht zu seinem Hash: Er wurde nachträglich verändert.",
            await RefusalAsync(client, scenario, english: false));
    }

    /// <summary>
    /// Without a usable signing key (none configured, or the configured file missing) the page says why, and a package
    /// asked for anyway is refused with the same reason, in the reader's language; a file system message is shown as it is.
    /// </summary>
    [Theory]
    [InlineData(false,
        "No signing key is configured (Evidence:SigningKeyPath); without a signature no package is created.",
        "Es ist kein Signaturschlüssel konfiguriert (Evidence:SigningKeyPath); ohne Signatur wird kein Paket erstellt.")]
    [InlineData(true, "The signing key cannot be loaded: ", "Der Signaturschlüssel kann nicht geladen werden: ")]
    public async Task Package_NoUsableSigningKey_ReasonAndRefusalInTheReadersLanguage(bool keyFileMissing, string english, string german)
    {
        var folder = Path.Combine(Path.GetTempPath(), "grundschutz-tests", "evidence-nokey-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var noKey = new GrundschutzWebFactory();
            noKey.Settings["Evidence:Directory"] = Path.Combine(folder, "store");
            if (keyFileMissing)
            {
                // A key file missing at start stops the start (StartupConfigurationTests); one that disappears while
                // the app runs is found when the key is first needed.
                EvidenceKeys.WriteFiles(folder, "fehlt");
                noKey.Settings["Evidence:SigningKeyPath"] = Path.Combine(folder, "fehlt.pem");
            }

            var scenario = await EvidenceScenario.CreateAsync(noKey, "05315004", "Köln-ohne-Schlüssel");
            File.Delete(Path.Combine(folder, "fehlt.pem"));
            var client = await scenario.SignInAsync();

            foreach (var (inEnglish, expected) in new[] { (true, english), (false, german) })
            {
                var reason = await ReasonAsync(client, scenario, inEnglish);
                if (keyFileMissing)
                {
                    Assert.StartsWith(expected, reason, StringComparison.Ordinal);
                    Assert.Contains("fehlt.pem", reason, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal(expected, reason);
                }

                Assert.Equal(reason, await RefusalAsync(client, scenario, inEnglish));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
