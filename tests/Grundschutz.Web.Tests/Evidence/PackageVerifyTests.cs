using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>Verification of packages: intact, every kind of tampering named, wrong and retired keys, hostile ZIPs, the upload page.</summary>
public sealed class PackageVerifyTests(EvidenceWebFactory factory) : IClassFixture<EvidenceWebFactory>
{
    private async Task<(EvidenceScenario Scenario, byte[] Zip)> PackageAsync(string ags)
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, ags, "Prüfstadt " + ags);
        var client = await scenario.SignInAsync();
        return (scenario, await client.GetByteArrayAsync(EvidenceScenario.Package(scenario.Id)));
    }

    private async Task<PackageVerification> VerifyAsync(byte[] zip) =>
        await factory.Services.GetRequiredService<EvidencePackageVerifier>().VerifyAsync(new MemoryStream(zip), CancellationToken.None);

    [Fact]
    public async Task Verify_Untouched_Intact()
    {
        var (_, zip) = await PackageAsync("06411000");

        var result = await VerifyAsync(zip);

        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("test-2026", result.KeyId);
        Assert.True(result.TrailEntries > 10);
    }

    [Fact]
    public async Task Verify_EvidenceFileChanged_NamesTheFile()
    {
        var (_, zip) = await PackageAsync("06412000");
        var files = PackageZip.Read(zip);
        var evidence = files.Keys.Single(k => k.StartsWith("Nachweise/", StringComparison.Ordinal));
        files[evidence] = Encoding.UTF8.GetBytes("Sicherung vom 20.11.2026: fehlgeschlagen\n");

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.Equal($"Die Datei {evidence} wurde verändert (SHA-256 oder Größe stimmt nicht mit manifest.json überein).", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_FileRemovedAndFileAdded_NamesBoth()
    {
        var (_, zip) = await PackageAsync("06413000");
        var files = PackageZip.Read(zip);
        files.Remove("A.6_Realisierungsplan.html");
        files["Nachweise/nachgereicht.pdf"] = Encoding.UTF8.GetBytes("%PDF-1.4 später");

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.Equal(
            ["Die Datei A.6_Realisierungsplan.html fehlt.", "Die Datei Nachweise/nachgereicht.pdf steht nicht in manifest.json (hinzugefügt)."],
            result.Problems);
    }

    [Fact]
    public async Task Verify_ManifestEdited_BadSignature()
    {
        var (_, zip) = await PackageAsync("06414000");
        var files = PackageZip.Read(zip);
        var evidence = files.Keys.Single(k => k.StartsWith("Nachweise/", StringComparison.Ordinal));
        files[evidence] = Encoding.UTF8.GetBytes("gefälscht");
        var manifest = Encoding.UTF8.GetString(files[PackagePaths.Manifest]);
        files[PackagePaths.Manifest] = Encoding.UTF8.GetBytes(manifest.Replace(PackageZip.Sha256(EvidenceScenario.EvidenceBytes), PackageZip.Sha256(files[evidence]), StringComparison.Ordinal));

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.StartsWith("Die Signatur ist ungültig: manifest.json wurde verändert", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SignedWithUnknownKey_NamesTheKey()
    {
        var (_, zip) = await PackageAsync("06431000");
        var files = PackageZip.Read(zip);
        PackageZip.Sign(files, Encoding.UTF8.GetString(files[PackagePaths.Manifest]), factory.UntrustedKeyPath, factory.UntrustedKeyId);

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.StartsWith($"Unbekannter Schlüssel „{factory.UntrustedKeyId}“", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WrongKeyUnderTrustedId_BadSignature()
    {
        var (_, zip) = await PackageAsync("06432000");
        var files = PackageZip.Read(zip);
        PackageZip.Sign(files, Encoding.UTF8.GetString(files[PackagePaths.Manifest]), factory.UntrustedKeyPath, "test-2026");

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.StartsWith("Die Signatur ist ungültig", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SignedWithRetiredTrustedKey_Intact()
    {
        var (_, zip) = await PackageAsync("06433000");
        var files = PackageZip.Read(zip);
        PackageZip.Sign(files, Encoding.UTF8.GetString(files[PackagePaths.Manifest]), factory.RetiredKeyPath, factory.RetiredKeyId);

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(factory.RetiredKeyId, result.KeyId);
    }

    [Fact]
    public async Task Verify_TrailEntryAlteredAndManifestResigned_NamesLineAndEntry()
    {
        var (_, zip) = await PackageAsync("06434000");
        var files = PackageZip.Read(zip);
        var lines = Encoding.UTF8.GetString(files[PackagePaths.AnswerTrail]).Split('\n').ToList();
        var index = lines.FindIndex(l => l.Contains("\"new\":\"Nein\"", StringComparison.Ordinal));
        Assert.True(index >= 0);
        var changeId = System.Text.Json.JsonSerializer.Deserialize<TrailLine>(lines[index])!.ChangeId;
        lines[index] = lines[index].Replace("\"new\":\"Nein\"", "\"new\":\"Ja\"", StringComparison.Ordinal);
        files[PackagePaths.AnswerTrail] = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        // Someone holding the signing key re-seals the manifest: only the chain can still tell.
        PackageZip.Reseal(files, factory.SigningKeyPath, "test-2026", PackagePaths.AnswerTrail);

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.Equal(
            $"audit/answer-trail.jsonl Zeile {index + 1} (Eintrag {changeId}, TEC.1.2): Der Inhalt passt nicht zum Hash – der Eintrag wurde verändert.",
            Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_TrailLineRemovedAndManifestResigned_NamesTheBreak()
    {
        var (_, zip) = await PackageAsync("06435000");
        var files = PackageZip.Read(zip);
        var lines = Encoding.UTF8.GetString(files[PackagePaths.AnswerTrail]).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var first = System.Text.Json.JsonSerializer.Deserialize<TrailLine>(lines[0])!;
        lines.RemoveAt(0);
        files[PackagePaths.AnswerTrail] = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        PackageZip.Reseal(files, factory.SigningKeyPath, "test-2026", PackagePaths.AnswerTrail);

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.Contains(result.Problems, p => p.StartsWith($"audit/answer-trail.jsonl Zeile 1 ", StringComparison.Ordinal) && p.Contains(first.RequirementId, StringComparison.Ordinal) && p.Contains("Laufende Nummer 2 statt 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_NotAZip_ClearMessage()
    {
        var result = await VerifyAsync(Encoding.UTF8.GetBytes("Das ist kein ZIP."));

        Assert.Equal("Die Datei ist keine gültige ZIP-Datei.", Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/absolut.txt")]
    [InlineData("Nachweise\\..\\x.txt")]
    [InlineData("C:/windows.txt")]
    public async Task Verify_PathTraversalName_Refused(string name)
    {
        var zip = PackageZip.Write([new(name, Encoding.UTF8.GetBytes("x")), new(PackagePaths.Manifest, "{}"u8.ToArray())]);

        var result = await VerifyAsync(zip);

        Assert.StartsWith("Unzulässiger Dateiname im Paket", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ZipBombBehindAValidSignature_StopsAtTheLimit()
    {
        var (_, zip) = await PackageAsync("06436000");
        var files = PackageZip.Read(zip);
        var evidence = files.Keys.Single(k => k.StartsWith("Nachweise/", StringComparison.Ordinal));
        files[evidence] = new byte[(int)EvidenceWebFactory.MaxUncompressed + (1024 * 1024)];
        PackageZip.Reseal(files, factory.SigningKeyPath, "test-2026", evidence);

        var result = await VerifyAsync(PackageZip.Write(files));

        Assert.Contains(result.Problems, p => p.Contains("Obergrenze", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyPage_UploadIntactAndAltered_AnswersIntaktOrNamesTheFile()
    {
        var (scenario, zip) = await PackageAsync("06437000");
        var client = await scenario.SignInAsync();

        var intact = await UploadAsync(client, zip);
        Assert.NotNull(intact.QuerySelector("#verify-intact"));
        Assert.StartsWith("Intakt", intact.QuerySelector("#verify-intact")!.TextContent.Trim(), StringComparison.Ordinal);

        var files = PackageZip.Read(zip);
        files["A.4_IT-Grundschutz-Check.html"] = Encoding.UTF8.GetBytes("<p>nachträglich geändert</p>");
        var altered = await UploadAsync(client, PackageZip.Write(files));
        Assert.NotNull(altered.QuerySelector("#verify-altered"));
        Assert.Equal(
            ["Die Datei A.4_IT-Grundschutz-Check.html wurde verändert (SHA-256 oder Größe stimmt nicht mit manifest.json überein)."],
            altered.QuerySelectorAll("#verify-problems li").Select(li => li.TextContent.Trim()));

        var notZip = await UploadAsync(client, Encoding.UTF8.GetBytes("kein zip"));
        Assert.Equal("Die Datei ist keine gültige ZIP-Datei.", notZip.QuerySelector("#verify-problems li")!.TextContent.Trim());
    }

    /// <summary>The verdict comes with the new page: it takes the focus so a screen reader reads it at once (WCAG 4.1.3).</summary>
    [Fact]
    public async Task VerifyPage_Upload_TheResultTakesTheFocus()
    {
        var (scenario, zip) = await PackageAsync("06437001");
        var client = await scenario.SignInAsync();
        Assert.Empty((await Html.GetDocumentAsync(client, "/Evidence/Verify")).QuerySelectorAll("[autofocus]"));

        var result = await UploadAsync(client, zip);

        var focused = Assert.Single(result.QuerySelectorAll("[autofocus]"));
        Assert.Equal("verify-result", focused.Id);
        Assert.Equal("-1", focused.GetAttribute("tabindex"));
    }

    [Fact]
    public async Task VerifyPage_PostWithoutAntiforgeryToken_Rejected()
    {
        var (scenario, zip) = await PackageAsync("06438000");
        var client = await scenario.SignInAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(zip), "Upload", "paket.zip" } };

        var response = await client.PostAsync("/Evidence/Verify", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task VerifyPage_Anonymous_RedirectsToLogin()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/Evidence/Verify");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The check page names every problem in the reader's language – a changed, a missing and an added file and an altered
    /// answer-trail entry (manifest re-sealed) – with the verdict; file names, ids and line numbers stay as they are.
    /// The German page shows the German text, the same the CLI prints.
    /// </summary>
    [Fact]
    public async Task VerifyPage_Altered_VerdictAndProblemsInTheReadersLanguage()
    {
        var (scenario, zip) = await PackageAsync("06439000");
        var client = await scenario.SignInAsync();
        var files = PackageZip.Read(zip);
        var (line, changeId) = PackageZip.AlterFourWays(files, factory.SigningKeyPath, "test-2026");
        var altered = PackageZip.Write(files);

        var english = await UploadAsync(client, altered, english: true);
        var german = await UploadAsync(client, altered);

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Not intact: the package has been altered or is not trustworthy.", english.QuerySelector("#verify-altered")!.TextContent.Trim());
        Assert.Equal(
            [
                "The file A.1_Strukturanalyse.html has been altered (its SHA-256 or size does not match manifest.json).",
                "The file A.6_Realisierungsplan.html is missing.",
                "The file Nachweise/nachgereicht.pdf is not listed in manifest.json (added).",
                $"audit/answer-trail.jsonl line {line} (entry {changeId}, TEC.1.2): The content does not match the hash – the entry has been altered.",
            ],
            Problems(english));
        Assert.Equal("Nicht intakt: Das Paket wurde verändert oder ist nicht vertrauenswürdig.", german.QuerySelector("#verify-altered")!.TextContent.Trim());
        Assert.Equal(
            [
                "Die Datei A.1_Strukturanalyse.html wurde verändert (SHA-256 oder Größe stimmt nicht mit manifest.json überein).",
                "Die Datei A.6_Realisierungsplan.html fehlt.",
                "Die Datei Nachweise/nachgereicht.pdf steht nicht in manifest.json (hinzugefügt).",
                $"audit/answer-trail.jsonl Zeile {line} (Eintrag {changeId}, TEC.1.2): Der Inhalt passt nicht zum Hash – der Eintrag wurde verändert.",
            ],
            Problems(german));
    }

    /// <summary>Packages refused as a whole – an untrusted key, a file that is no ZIP, a forbidden name – in both languages.</summary>
    [Fact]
    public async Task VerifyPage_Refused_ProblemInTheReadersLanguage()
    {
        var (scenario, zip) = await PackageAsync("06440000");
        var client = await scenario.SignInAsync();
        var files = PackageZip.Read(zip);
        PackageZip.Sign(files, Encoding.UTF8.GetString(files[PackagePaths.Manifest]), factory.UntrustedKeyPath, factory.UntrustedKeyId);
        var untrusted = PackageZip.Write(files);
        var traversal = PackageZip.Write([new("../../etc/passwd", Encoding.UTF8.GetBytes("x")), new(PackagePaths.Manifest, "{}"u8.ToArray())]);
        var notZip = Encoding.UTF8.GetBytes("kein zip");

        Assert.Equal(
            [$"Unknown key “{factory.UntrustedKeyId}”: the package was signed with a key this installation does not trust (Evidence:TrustedPublicKeys)."],
            Problems(await UploadAsync(client, untrusted, english: true)));
        Assert.Equal(
            [$"Unbekannter Schlüssel „{factory.UntrustedKeyId}“: Das Paket wurde mit einem Schlüssel signiert, dem diese Installation nicht vertraut (Evidence:TrustedPublicKeys)."],
            Problems(await UploadAsync(client, untrusted)));
        Assert.Equal(["The file is not a valid ZIP file."], Problems(await UploadAsync(client, notZip, english: true)));
        Assert.Equal(["Die Datei ist keine gültige ZIP-Datei."], Problems(await UploadAsync(client, notZip)));
        Assert.Equal(
            ["Forbidden file name in the package: “../../etc/passwd” (absolute path, “..” or control characters)."],
            Problems(await UploadAsync(client, traversal, english: true)));
        Assert.Equal(
            ["Unzulässiger Dateiname im Paket: „../../etc/passwd“ (absoluter Pfad, „..“ oder Steuerzeichen)."],
            Problems(await UploadAsync(client, traversal)));
    }

    private static List<string> Problems(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#verify-problems li").Select(li => li.TextContent.Trim())];

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(HttpClient client, byte[] zip, bool english = false)
    {
        var url = english ? Html.English("/Evidence/Verify") : "/Evidence/Verify";
        var page = await Html.GetDocumentAsync(client, url);
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#verify-form input[name=__RequestVerificationToken]")!).Value;
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "Upload", "paket.zip" },
        };
        var response = await client.PostAsync(url, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }
}
