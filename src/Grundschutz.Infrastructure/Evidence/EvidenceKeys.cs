using System.Security.Cryptography;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>ECDSA P-256 key pairs for signing evidence packages: creation, key ids, PEM files.</summary>
public static class EvidenceKeys
{
    /// <summary>Signature algorithm name written into manifest.sig.</summary>
    public const string Algorithm = "ECDSA-P256-SHA256";

    /// <summary>A new key pair as PEM: private key (PKCS#8) and public key (SubjectPublicKeyInfo).</summary>
    public static (string PrivatePem, string PublicPem, string KeyId) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem(), DefaultKeyId(key));
    }

    /// <summary>"p256-" + the first 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo DER).</summary>
    public static string DefaultKeyId(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "p256-" + Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>Reads a P-256 key from PEM (private or public); throws <see cref="InvalidOperationException"/> with a German message otherwise.</summary>
    public static ECDsa FromPem(string pem, string source)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{source} enthält keinen lesbaren ECDSA-Schlüssel im PEM-Format.", ex);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"{source}: Erwartet wird ein Schlüssel auf der Kurve P-256, gefunden {key.KeySize} Bit.");
        }

        return key;
    }

    /// <summary>Writes a key pair as "&lt;name&gt;.pem" (private, mode 600 on Unix) and "&lt;name&gt;.pub.pem".</summary>
    public static (string PrivatePath, string PublicPath, string KeyId) WriteFiles(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var (privatePem, publicPem, keyId) = Generate();
        var privatePath = Path.Combine(directory, name + ".pem");
        var publicPath = Path.Combine(directory, name + ".pub.pem");
        if (File.Exists(privatePath))
        {
            throw new IOException($"{privatePath} gibt es schon; ein vorhandener Schlüssel wird nicht überschrieben.");
        }

        File.WriteAllText(privatePath, privatePem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(publicPath, publicPem);
        return (privatePath, publicPath, keyId);
    }
}
