using System.Text;
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
