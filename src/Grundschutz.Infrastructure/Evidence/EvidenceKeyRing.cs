using System.Security.Cryptography;
using Grundschutz.Domain.Texts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// The signing key and the trusted verification keys, loaded once from <see cref="EvidenceSigningOptions"/>. The
/// signing key's own public key is always trusted. Without a configured key and with
/// <see cref="EvidenceSigningOptions.GenerateDevelopmentKey"/> a key is created under App_Data/evidence-signing.
/// </summary>
public sealed class EvidenceKeyRing : IDisposable
{
    /// <summary>Why no package can be signed when no key is configured (and none is generated for development).</summary>
    public static readonly MessageText NoSigningKey =
        MessageText.Of("Es ist kein Signaturschlüssel konfiguriert (Evidence:SigningKeyPath); ohne Signatur wird kein Paket erstellt.");

    private readonly ECDsa? _signingKey;
    private readonly Dictionary<string, ECDsa> _trusted = new(StringComparer.Ordinal);

    public EvidenceKeyRing(IOptions<EvidenceSigningOptions> options, EvidenceKeyLocation location, ILogger<EvidenceKeyRing> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(location);
        var o = options.Value;
        try
        {
            var path = o.SigningKeyPath;
            if (string.IsNullOrWhiteSpace(path) && (o.GenerateDevelopmentKey ?? location.IsDevelopment))
            {
                var directory = Path.Combine(location.ContentRootPath, "App_Data", "evidence-signing");
                path = Path.Combine(directory, "development-key.pem");
                if (!File.Exists(path))
                {
                    EvidenceKeys.WriteFiles(directory, "development-key");
                }

                IsDevelopmentKey = true;
                logger.LogWarning("Evidence packages are signed with a generated development key ({Path}); configure Evidence:SigningKeyPath for real packages.", path);
            }

            if (!string.IsNullOrWhiteSpace(path))
            {
                var full = Path.GetFullPath(Path.Combine(location.ContentRootPath, path));
                _signingKey = EvidenceKeys.FromPem(File.ReadAllText(full), $"Evidence:SigningKeyPath ({full})");
                KeyId = string.IsNullOrWhiteSpace(o.KeyId) || IsDevelopmentKey ? EvidenceKeys.DefaultKeyId(_signingKey) : o.KeyId.Trim();
                var publicOnly = ECDsa.Create();
                publicOnly.ImportSubjectPublicKeyInfo(_signingKey.ExportSubjectPublicKeyInfo(), out _);
                _trusted[KeyId] = publicOnly;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The cause (a file system error, a PEM problem naming the setting) is shown as it is.
            ProblemText = MessageText.Of("Der Signaturschlüssel kann nicht geladen werden: {0}", ex.Message);
            logger.LogError(ex, "Evidence signing key could not be loaded");
        }

        foreach (var trusted in o.TrustedPublicKeys)
        {
            if (string.IsNullOrWhiteSpace(trusted.KeyId))
            {
                continue;
            }

            try
            {
                var pem = !string.IsNullOrWhiteSpace(trusted.PublicKeyPem)
                    ? trusted.PublicKeyPem
                    : File.ReadAllText(Path.GetFullPath(Path.Combine(location.ContentRootPath, trusted.PublicKeyPath ?? "")));
                _trusted.TryAdd(trusted.KeyId.Trim(), EvidenceKeys.FromPem(pem, $"Evidence:TrustedPublicKeys ({trusted.KeyId})"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                logger.LogError(ex, "Trusted evidence key {KeyId} could not be loaded", trusted.KeyId);
            }
        }
    }

    /// <summary>True when a signing key is available.</summary>
    public bool CanSign => _signingKey is not null;

    /// <summary>Id of the signing key, if any.</summary>
    public string? KeyId { get; }

    /// <summary>True when the signing key was generated for development.</summary>
    public bool IsDevelopmentKey { get; }

    /// <summary>Why the configured signing key cannot be used (German), if it cannot.</summary>
    public string? Problem => ProblemText?.ToString();

    /// <summary><see cref="Problem"/>, translatable.</summary>
    public MessageText? ProblemText { get; }

    /// <summary>The ids of all trusted verification keys.</summary>
    public IReadOnlyCollection<string> TrustedKeyIds => _trusted.Keys;

    /// <summary>Signs <paramref name="data"/> (IEEE P1363 r‖s); throws when no key is configured.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        (_signingKey ?? throw new InvalidOperationException(Problem ?? "Es ist kein Signaturschlüssel konfiguriert (Evidence:SigningKeyPath)."))
            .SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The trusted public key with this id, or null.</summary>
    public ECDsa? Trusted(string keyId) => _trusted.GetValueOrDefault(keyId);

    public void Dispose()
    {
        _signingKey?.Dispose();
        foreach (var key in _trusted.Values)
        {
            key.Dispose();
        }
    }
}
