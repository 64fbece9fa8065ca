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

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(HttpClient client, byte[] zip)
    {
        var page = await Html.GetDocumentAsync(client, "/Evidence/Verify");
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#verify-form input[name=__RequestVerificationToken]")!).Value;
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "Upload", "paket.zip" },
        };
        var response = await client.PostAsync("/Evidence/Verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }
}
