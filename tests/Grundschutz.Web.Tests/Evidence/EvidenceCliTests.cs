using System.Text;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Web.Tests.Cli;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary><c>evidence verify</c> exit codes (0 intact, 1 altered, 2 usage) and <c>evidence keygen</c>.</summary>
public sealed class EvidenceCliTests(EvidenceWebFactory factory) : IClassFixture<EvidenceWebFactory>, IDisposable
{
    private readonly CliTestHost _cli = new();

    public void Dispose() => _cli.Dispose();

    private string[] Keys => [$"--Evidence:SigningKeyPath={factory.SigningKeyPath}", "--Evidence:KeyId=test-2026"];

    [Fact]
    public async Task Verify_IntactAlteredAndUsage_ExitCodes()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "08111000", "Stuttgart");
        var client = await scenario.SignInAsync();
        var zip = await client.GetByteArrayAsync(EvidenceScenario.Package(scenario.Id));
        var intactPath = Path.Combine(_cli.Folder, "intakt.zip");
        await File.WriteAllBytesAsync(intactPath, zip);
        var files = PackageZip.Read(zip);
        files["A.1_Strukturanalyse.html"] = Encoding.UTF8.GetBytes("geändert");
        var alteredPath = Path.Combine(_cli.Folder, "veraendert.zip");
        await File.WriteAllBytesAsync(alteredPath, PackageZip.Write(files));

        var intact = await _cli.RunAsync(["evidence", "verify", intactPath, .. Keys]);
        Assert.Equal(0, intact.Exit);
        Assert.StartsWith("intakt:", intact.Out, StringComparison.Ordinal);

        var altered = await _cli.RunAsync(["evidence", "verify", alteredPath, .. Keys]);
        Assert.Equal(1, altered.Exit);
        Assert.Contains("Die Datei A.1_Strukturanalyse.html wurde verändert", altered.Out, StringComparison.Ordinal);

        var untrusted = await _cli.RunAsync("evidence", "verify", intactPath);
        Assert.Equal(1, untrusted.Exit);
        Assert.Contains("Unbekannter Schlüssel „test-2026“", untrusted.Out, StringComparison.Ordinal);

        Assert.Equal(2, (await _cli.RunAsync("evidence", "verify")).Exit);
        Assert.Equal(2, (await _cli.RunAsync("evidence", "verify", Path.Combine(_cli.Folder, "fehlt.zip"))).Exit);
    }

    /// <summary>
    /// The CLI prints the problems as German lines, byte for byte as before they became translatable for the page: a
    /// changed, a missing and an added file and an altered answer-trail entry (manifest re-sealed), an untrusted key and a
    /// file that is no ZIP.
    /// </summary>
    [Fact]
    public async Task Verify_Altered_PrintsEveryProblemInGermanExactly()
    {
        var scenario = await EvidenceScenario.CreateAsync(factory, "08115000", "Böblingen");
        var client = await scenario.SignInAsync();
        var zip = await client.GetByteArrayAsync(EvidenceScenario.Package(scenario.Id));
        var files = PackageZip.Read(zip);
        var (line, changeId) = PackageZip.AlterFourWays(files, factory.SigningKeyPath, "test-2026");
        var alteredPath = Path.Combine(_cli.Folder, "veraendert.zip");
        await File.WriteAllBytesAsync(alteredPath, PackageZip.Write(files));
        var intactPath = Path.Combine(_cli.Folder, "fremd.zip");
        await File.WriteAllBytesAsync(intactPath, zip);
        var notZipPath = Path.Combine(_cli.Folder, "kein.zip");
        await File.WriteAllTextAsync(notZipPath, "kein ZIP");

        var altered = await _cli.RunAsync(["evidence", "verify", alteredPath, .. Keys]);
        var untrusted = await _cli.RunAsync("evidence", "verify", intactPath);
        var notZip = await _cli.RunAsync(["evidence", "verify", notZipPath, .. Keys]);

        Assert.Equal(
            $"""
            verändert: {alteredPath}
              Die Datei A.1_Strukturanalyse.html wurde verändert (SHA-256 oder Größe stimmt nicht mit manifest.json überein).
              Die Datei A.6_Realisierungsplan.html fehlt.
              Die Datei Nachweise/nachgereicht.pdf steht nicht in manifest.json (hinzugefügt).
              audit/answer-trail.jsonl Zeile {line} (Eintrag {changeId}, TEC.1.2): Der Inhalt passt nicht zum Hash – der Eintrag wurde verändert.

            """.ReplaceLineEndings(),
            altered.Out);
        Assert.Equal(
            $"""
            verändert: {intactPath}
              Unbekannter Schlüssel „test-2026“: Das Paket wurde mit einem Schlüssel signiert, dem diese Installation nicht vertraut (Evidence:TrustedPublicKeys).

            """.ReplaceLineEndings(),
            untrusted.Out);
        Assert.Equal($"verändert: {notZipPath}{Environment.NewLine}  Die Datei ist keine gültige ZIP-Datei.{Environment.NewLine}", notZip.Out);
    }

    [Fact]
    public async Task Keygen_WritesAKeyPairThatSignsAndVerifies()
    {
        var folder = Path.Combine(_cli.Folder, "schluessel");

        var (exit, output, _) = await _cli.RunAsync("evidence", "keygen", folder, "pruefstelle");

        Assert.Equal(0, exit);
        var privatePem = await File.ReadAllTextAsync(Path.Combine(folder, "pruefstelle.pem"));
        var publicPem = await File.ReadAllTextAsync(Path.Combine(folder, "pruefstelle.pub.pem"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privatePem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicPem, StringComparison.Ordinal);
        using var signer = System.Security.Cryptography.ECDsa.Create();
        signer.ImportFromPem(privatePem);
        using var verifier = System.Security.Cryptography.ECDsa.Create();
        verifier.ImportFromPem(publicPem);
        var signature = signer.SignData("manifest"u8, System.Security.Cryptography.HashAlgorithmName.SHA256);
        Assert.True(verifier.VerifyData("manifest"u8, signature, System.Security.Cryptography.HashAlgorithmName.SHA256));
        Assert.Contains("Schlüssel-Id: p256-", output, StringComparison.Ordinal);

        // An existing key is never overwritten.
        Assert.Equal(1, (await _cli.RunAsync("evidence", "keygen", folder, "pruefstelle")).Exit);
    }
}
