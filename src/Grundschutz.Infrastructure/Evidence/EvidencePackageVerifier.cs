using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// Checks an evidence package: it is a ZIP with safe names (no absolute paths, no "..", no backslashes), the
/// signature in manifest.sig is valid for manifest.json with a trusted key, every file in the manifest is present
/// with the listed size and SHA-256, there is no file the manifest does not list, and the hash chain of
/// audit/answer-trail.jsonl holds line by line (and matches audit/answer-heads.json). Reading is bounded: entry
/// count, bytes per entry (never more than the manifest says) and total uncompressed bytes, so a zip bomb stops early.
/// The problems are built from formats that are their resource keys (the check page shows them in the reader's
/// language, the CLI prints them in German); names, ids and values from the package are shown as they are.
/// </summary>
public sealed class EvidencePackageVerifier(EvidenceKeyRing keys, IOptions<EvidenceSigningOptions> options)
{
    private const int MaxSmallFileBytes = 64 * 1024 * 1024;

    /// <summary>Why reading stopped when an entry inflates beyond its declared size or the budget.</summary>
    private static readonly MessageText EntryTooLarge = MessageText.Of("Ein Eintrag entpackt sich größer als angegeben (ZIP-Bombe?).");

    /// <summary>Marks the <see cref="InvalidDataException"/> of <see cref="EntryTooLarge"/> (in its <see cref="Exception.Data"/>).</summary>
    private const string EntryTooLargeMark = "Grundschutz.EntryTooLarge";

    /// <summary>Verifies the package in <paramref name="zip"/> (must be seekable).</summary>
    public async Task<PackageVerification> VerifyAsync(Stream zip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentOutOfRangeException or IOException)
        {
            return PackageVerification.Failed(MessageText.Of("Die Datei ist keine gültige ZIP-Datei."));
        }

        using (archive)
        {
            try
            {
                return await VerifyArchiveAsync(archive, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
            {
                // The reader's own stop is translated; a message of the ZIP library is shown as it is.
                return PackageVerification.Failed(MessageText.Of("Die ZIP-Datei ist beschädigt: {0}", ex.Data.Contains(EntryTooLargeMark) ? EntryTooLarge : ex.Message));
            }
        }
    }

    private async Task<PackageVerification> VerifyArchiveAsync(ZipArchive archive, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (archive.Entries.Count > limits.MaxVerifyEntries)
        {
            return PackageVerification.Failed(MessageText.Of("Die ZIP-Datei enthält {0} Einträge, erlaubt sind höchstens {1}.", archive.Entries.Count, limits.MaxVerifyEntries));
        }

        var problems = new List<MessageText>();
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            if (!IsSafeName(entry.FullName))
            {
                problems.Add(MessageText.Of("Unzulässiger Dateiname im Paket: „{0}“ (absoluter Pfad, „..“ oder Steuerzeichen).", Printable(entry.FullName)));
                continue;
            }

            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            if (!entries.TryAdd(entry.FullName, entry))
            {
                problems.Add(MessageText.Of("Die Datei {0} steht mehrfach im Paket.", entry.FullName));
            }
        }

        if (problems.Count > 0)
        {
            return new PackageVerification(problems, null, 0, 0);
        }

        var budget = new ReadBudget(limits.MaxVerifyUncompressedBytes);
        if (!entries.TryGetValue(PackagePaths.Manifest, out var manifestEntry))
        {
            return PackageVerification.Failed(MessageText.Of("Die Datei manifest.json fehlt: Das ist kein Nachweispaket oder es wurde verändert."));
        }

        if (!entries.TryGetValue(PackagePaths.Signature, out var signatureEntry))
        {
            return PackageVerification.Failed(MessageText.Of("Die Datei manifest.sig (Signatur) fehlt."));
        }

        var manifestBytes = await ReadSmallAsync(manifestEntry, budget, cancellationToken);
        var signatureBytes = await ReadSmallAsync(signatureEntry, budget, cancellationToken);
        if (manifestBytes is null || signatureBytes is null)
        {
            return PackageVerification.Failed(MessageText.Of("manifest.json oder manifest.sig ist zu groß."));
        }

        PackageSignature? signature;
        try
        {
            signature = JsonSerializer.Deserialize<PackageSignature>(signatureBytes);
        }
        catch (JsonException)
        {
            signature = null;
        }

        if (signature is null || string.IsNullOrEmpty(signature.KeyId) || string.IsNullOrEmpty(signature.Signature))
        {
            return PackageVerification.Failed(MessageText.Of("manifest.sig ist nicht lesbar."));
        }

        var key = keys.Trusted(signature.KeyId);
        if (key is null)
        {
            return PackageVerification.Failed(
                MessageText.Of(
                    "Unbekannter Schlüssel „{0}“: Das Paket wurde mit einem Schlüssel signiert, dem diese Installation nicht vertraut (Evidence:TrustedPublicKeys).",
                    Printable(signature.KeyId)),
                signature.KeyId);
        }

        byte[] signatureValue;
        try
        {
            signatureValue = Convert.FromBase64String(signature.Signature);
        }
        catch (FormatException)
        {
            signatureValue = [];
        }

        if (!string.Equals(signature.Algorithm, EvidenceKeys.Algorithm, StringComparison.Ordinal)
            || !key.VerifyData(manifestBytes, signatureValue, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return PackageVerification.Failed(
                MessageText.Of("Die Signatur ist ungültig: manifest.json wurde verändert oder nicht mit dem Schlüssel „{0}“ signiert.", Printable(signature.KeyId)),
                signature.KeyId);
        }

        List<PackageFile> listed;
        try
        {
            listed = ReadFileList(manifestBytes);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return PackageVerification.Failed(MessageText.Of("manifest.json ist nicht lesbar, obwohl die Signatur gilt."), signature.KeyId);
        }

        var listedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in listed)
        {
            listedPaths.Add(file.Path);
            if (!entries.TryGetValue(file.Path, out var entry))
            {
                problems.Add(MessageText.Of("Die Datei {0} fehlt.", file.Path));
                continue;
            }

            var (hash, size, exceeded) = await HashAsync(entry, file.Size, budget, cancellationToken);
            if (budget.Exhausted)
            {
                problems.Add(MessageText.Of(
                    "Beim Entpacken wurde die Obergrenze von {0:N0} Bytes überschritten (ZIP-Bombe?); die Prüfung wurde abgebrochen.", limits.MaxVerifyUncompressedBytes));
                return new PackageVerification(problems, signature.KeyId, listed.Count, 0);
            }

            if (exceeded || size != file.Size || !string.Equals(hash, file.Sha256, StringComparison.Ordinal))
            {
                problems.Add(MessageText.Of("Die Datei {0} wurde verändert (SHA-256 oder Größe stimmt nicht mit manifest.json überein).", file.Path));
            }
        }

        foreach (var path in entries.Keys.Where(p => p is not PackagePaths.Manifest and not PackagePaths.Signature && !listedPaths.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add(MessageText.Of("Die Datei {0} steht nicht in manifest.json (hinzugefügt).", path));
        }

        var trailEntries = 0;
        if (entries.TryGetValue(PackagePaths.AnswerTrail, out var trail))
        {
            var heads = entries.TryGetValue(PackagePaths.AnswerHeads, out var headsEntry) ? await ReadSmallAsync(headsEntry, budget, cancellationToken) : null;
            trailEntries = await VerifyTrailAsync(trail, heads, budget, problems, cancellationToken);
        }

        return new PackageVerification(problems, signature.KeyId, listed.Count, trailEntries);
    }

    /// <summary>Checks the chain line by line; returns the number of lines read.</summary>
    private static async Task<int> VerifyTrailAsync(ZipArchiveEntry trail, byte[]? headsBytes, ReadBudget budget, List<MessageText> problems, CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string, Guid), (int Sequence, string Hash, Guid AnswerId)>();
        var lineNumber = 0;
        await using var stream = new BoundedReadStream(await trail.OpenAsync(cancellationToken), budget, trail.Length);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false));
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            lineNumber++;
            if (text.Length == 0)
            {
                continue;
            }

            TrailLine? line;
            try
            {
                line = JsonSerializer.Deserialize<TrailLine>(text);
            }
            catch (JsonException)
            {
                line = null;
            }

            var where = MessageText.Of("{0} Zeile {1}", PackagePaths.AnswerTrail, lineNumber);
            if (line is null || line.RequirementId is null || line.Field is null || line.UserId is null || line.At is null || line.Hash is null)
            {
                problems.Add(At(where, MessageText.Of("Der Eintrag ist nicht lesbar.")));
                continue;
            }

            where = MessageText.Of("{0} (Eintrag {1}, {2})", where, line.ChangeId.ToString(), line.RequirementId);
            if (!DateTimeOffset.TryParse(line.At, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                || !string.Equals(AnswerChain.FormatTime(at), line.At, StringComparison.Ordinal))
            {
                problems.Add(At(where, MessageText.Of("Die Zeitangabe „{0}“ ist nicht im erwarteten Format.", Printable(line.At))));
                continue;
            }

            var key = (line.RequirementId, line.TargetObjectId);
            var (expectedSequence, expectedPrevious) = last.TryGetValue(key, out var before) ? (before.Sequence + 1, before.Hash) : (1, (string?)null);
            var recomputed = AnswerChain.Hash(new AnswerChainEntry(
                line.AssessmentId, line.RequirementId, line.TargetObjectId, line.Sequence, line.ChangeId, line.Field, line.Old, line.New, line.UserId, at, line.PreviousHash));
            if (line.Sequence != expectedSequence)
            {
                problems.Add(At(where, MessageText.Of("Laufende Nummer {0} statt {1} – ein Eintrag fehlt oder wurde eingefügt.", line.Sequence, expectedSequence)));
            }
            else if (!string.Equals(line.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                problems.Add(At(where, MessageText.Of("Der Verweis auf den vorigen Eintrag stimmt nicht – die Kette ist unterbrochen.")));
            }
            else if (!string.Equals(recomputed, line.Hash, StringComparison.Ordinal))
            {
                problems.Add(At(where, MessageText.Of("Der Inhalt passt nicht zum Hash – der Eintrag wurde verändert.")));
            }

            last[key] = (line.Sequence, line.Hash, line.AnswerId);
        }

        if (headsBytes is not null)
        {
            List<AnswerHead>? heads;
            try
            {
                heads = JsonSerializer.Deserialize<List<AnswerHead>>(headsBytes);
            }
            catch (JsonException)
            {
                heads = null;
            }

            if (heads is null)
            {
                problems.Add(MessageText.Of("{0} ist nicht lesbar.", PackagePaths.AnswerHeads));
            }
            else
            {
                foreach (var head in heads)
                {
                    last.TryGetValue((head.RequirementId, head.TargetObjectId), out var seen);
                    if (seen.Sequence != head.ChainLength || !string.Equals(seen.Hash, head.ChainHead, StringComparison.Ordinal))
                    {
                        problems.Add(At(
                            MessageText.Verbatim(PackagePaths.AnswerHeads),
                            MessageText.Of(
                                "Der Verlauf der Antwort {0} (Zielobjekt {1}) endet nicht mit dem gespeicherten Kopf ({2} Einträge) – Einträge wurden entfernt.",
                                head.RequirementId, head.TargetObjectId.ToString(), head.ChainLength)));
                    }
                }
            }
        }

        return lineNumber;
    }

    /// <summary>„where: what“ – a problem at a place in the package.</summary>
    private static MessageText At(MessageText where, MessageText problem) => MessageText.Of("{0}: {1}", where, problem);

    private static List<PackageFile> ReadFileList(byte[] manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        var files = new List<PackageFile>();
        foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
        {
            files.Add(new PackageFile(
                file.GetProperty("path").GetString() ?? throw new FormatException(),
                file.GetProperty("sha256").GetString() ?? throw new FormatException(),
                file.GetProperty("size").GetInt64()));
        }

        return files;
    }

    private static async Task<(string Hash, long Size, bool Exceeded)> HashAsync(ZipArchiveEntry entry, long expectedSize, ReadBudget budget, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = await entry.OpenAsync(cancellationToken);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (!budget.Take(read))
            {
                return ("", total, true);
            }

            if (total > expectedSize)
            {
                // Never inflate more than the manifest promises.
                return ("", total, true);
            }

            hash.AppendData(buffer, 0, read);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total, false);
    }

    private static async Task<byte[]?> ReadSmallAsync(ZipArchiveEntry entry, ReadBudget budget, CancellationToken cancellationToken)
    {
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxSmallFileBytes || !budget.Take(read))
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>Relative, '/'-separated, no "." or ".." segments, no backslash, drive letter or control character.</summary>
    public static bool IsSafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > 1024 || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        if (name.Any(char.IsControl))
        {
            return false;
        }

        var segments = name.TrimEnd('/').Split('/');
        return segments.All(s => s.Length > 0 && s != "." && s != "..");
    }

    private static string Printable(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 200 ? clean[..200] + "…" : clean;
    }

    /// <summary>Total uncompressed bytes still allowed.</summary>
    private sealed class ReadBudget(long limit)
    {
        private long _left = limit;

        public bool Exhausted { get; private set; }

        public bool Take(long bytes)
        {
            _left -= bytes;
            if (_left < 0)
            {
                Exhausted = true;
            }

            return !Exhausted;
        }
    }

    /// <summary>Read-only stream that stops at the budget or at the declared entry length.</summary>
    private sealed class BoundedReadStream(Stream inner, ReadBudget budget, long declared) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            return Count(read);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            if (!budget.Take(read) || _read > declared)
            {
                throw new InvalidDataException(EntryTooLarge.ToString()) { Data = { [EntryTooLargeMark] = true } };
            }

            return read;
        }
    }
}
