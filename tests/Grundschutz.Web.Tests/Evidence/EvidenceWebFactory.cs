using System.Globalization;
using Grundschutz.Infrastructure.Evidence;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>
/// The application with its own evidence folder, a signing key (<see cref="SigningKeyId"/>), a retired key that is
/// still trusted (<see cref="RetiredKeyPath"/>), a key nobody trusts (<see cref="UntrustedKeyPath"/>) and a small
/// decompression limit for the zip-bomb test.
/// </summary>
public sealed class EvidenceWebFactory : GrundschutzWebFactory
{
    public const long MaxUncompressed = 20L * 1024 * 1024;

    public EvidenceWebFactory()
    {
        Directory.CreateDirectory(Folder);
        var (signing, _, signingId) = EvidenceKeys.WriteFiles(Folder, "signing");
        var (retired, retiredPublic, retiredId) = EvidenceKeys.WriteFiles(Folder, "retired");
        var (untrusted, _, untrustedId) = EvidenceKeys.WriteFiles(Folder, "untrusted");
        SigningKeyPath = signing;
        SigningKeyId = "test-2026";
        RetiredKeyPath = retired;
        RetiredKeyId = retiredId;
        UntrustedKeyPath = untrusted;
        UntrustedKeyId = untrustedId;
        _ = signingId;
        Settings["Evidence:Directory"] = Path.Combine(Folder, "store");
        Settings["Evidence:SigningKeyPath"] = signing;
        Settings["Evidence:KeyId"] = SigningKeyId;
        Settings["Evidence:TrustedPublicKeys:0:KeyId"] = retiredId;
        Settings["Evidence:TrustedPublicKeys:0:PublicKeyPath"] = retiredPublic;
        Settings["Evidence:MaxVerifyUncompressedBytes"] = MaxUncompressed.ToString(CultureInfo.InvariantCulture);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "grundschutz-tests", "evidence-pkg-" + Guid.NewGuid().ToString("N"));

    public string SigningKeyPath { get; }

    public string SigningKeyId { get; }

    public string RetiredKeyPath { get; }

    public string RetiredKeyId { get; }

    public string UntrustedKeyPath { get; }

    public string UntrustedKeyId { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Folder))
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}
