using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grundschutz.Domain.Texts;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Files;

/// <summary>
/// Stores evidence files (Nachweise) content-addressed on disk: the key is "sha256:&lt;hex&gt;" of the bytes, so the
/// same file uploaded twice (or shared by a reopened assessment) is stored once and the key doubles as the
/// checksum shown to auditors. Every upload is checked before it is kept: extension allowlist, size (declared
/// length before reading, counted bytes while reading) and a content sniff that must match the extension. Files
/// are written to a temporary name in the same folder and moved into place, so a reader never sees half a file.
/// Stored bytes are not deleted when a reference is removed (other answers may still point to them); files that no
/// answer and no policy document references any more are removed by <see cref="EvidenceCleanup"/>
/// (<c>evidence cleanup</c>), which spares every file written or uploaded again within a minimum age.
/// </summary>
public sealed class EvidenceStore(IOptions<EvidenceOptions> options, TimeProvider time)
{
    /// <summary>Prefix of every storage key.</summary>
    public const string KeyPrefix = "sha256:";

    private const int BufferSize = 81920;
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private enum ContentKind
    {
        Pdf,
        Png,
        Jpeg,
        Zip,
        Utf8Text,
    }

    /// <summary>Largest accepted file in bytes.</summary>
    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>The accepted extensions (lower case, with dot).</summary>
    public IReadOnlyList<string> AllowedExtensions => options.Value.EffectiveExtensions;

    /// <summary>
    /// Checks and stores one upload. Throws <see cref="EvidenceRejectedException"/> (German message, translatable) when
    /// the name, extension, size or content is not acceptable; nothing is kept then.
    /// </summary>
    /// <param name="fileName">The name the client sent (may contain a path; only the last segment is kept).</param>
    /// <param name="declaredLength">The length the client declared, checked before anything is read; null if unknown.</param>
    /// <param name="open">Opens the content.</param>
    /// <param name="cancellationToken">Cancels the copy (the temporary file is removed).</param>
    public async Task<StoredEvidence> SaveAsync(string? fileName, long? declaredLength, Func<Stream> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var name = SanitizeFileName(fileName) ?? throw new EvidenceRejectedException(MessageText.Of("Die Datei hat keinen gültigen Namen."));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!AllowedExtensions.Contains(extension, StringComparer.Ordinal))
        {
            throw new EvidenceRejectedException(MessageText.Of(
                "Dateien vom Typ „{0}“ sind als Nachweis nicht erlaubt. Erlaubt sind: {1}.",
                extension.Length == 0 ? MessageText.Of("ohne Endung") : extension,
                string.Join(", ", AllowedExtensions)));
        }

        var kind = KindOf(extension)
            ?? throw new EvidenceRejectedException(MessageText.Of("Dateien vom Typ „{0}“ können nicht geprüft werden und werden deshalb nicht angenommen.", extension));
        var max = MaxFileBytes;
        if (declaredLength > max)
        {
            throw TooLarge(declaredLength.Value, max);
        }

        if (declaredLength == 0)
        {
            throw new EvidenceRejectedException(MessageText.Of("Die Datei ist leer."));
        }

        var root = options.Value.Directory;
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var header = new byte[8];
            var headerLength = 0;
            var text = kind == ContentKind.Utf8Text ? new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder() : null;
            long total = 0;
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                await using var source = open();
                await using var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    total += read;
                    if (total > max)
                    {
                        // The declared length was missing or wrong: stop at the limit instead of reading on.
                        throw TooLarge(null, max);
                    }

                    var chunk = buffer.AsSpan(0, read);
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(header.Length - headerLength, read);
                        chunk[..take].CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                    }

                    if (text is not null)
                    {
                        CheckText(text, chunk, flush: false);
                    }

                    hash.AppendData(chunk);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (text is not null)
                {
                    CheckText(text, [], flush: true);
                }

                await target.FlushAsync(cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (total == 0)
            {
                throw new EvidenceRejectedException(MessageText.Of("Die Datei ist leer."));
            }

            CheckSignature(kind, extension, header.AsSpan(0, headerLength));
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var path = PathFor(root, sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var alreadyStored = File.Exists(path);
            if (alreadyStored)
            {
                // Uploaded again: the file counts as new for the cleanup's minimum age.
                Touch(path);
            }
            else
            {
                try
                {
                    File.Move(temp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // A concurrent upload of the same bytes got there first; its file is identical.
                    alreadyStored = true;
                }
            }

            return new StoredEvidence(KeyPrefix + sha, sha, total, name, ContentTypeOf(extension), alreadyStored);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Opens the stored bytes of <paramref name="storageKey"/> for reading, or null when the key is malformed or the file is missing.</summary>
    public Stream? OpenRead(string storageKey)
    {
        var sha = ShaOf(storageKey);
        if (sha is null)
        {
            return null;
        }

        var path = PathFor(options.Value.Directory, sha);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The hex SHA-256 of a well-formed storage key ("sha256:" + 64 lower-case hex digits), else null.</summary>
    public static string? ShaOf(string? storageKey)
    {
        if (storageKey is null || !storageKey.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var sha = storageKey[KeyPrefix.Length..];
        return sha.Length == 64 && sha.All(IsLowerHex) ? sha : null;
    }

    /// <summary>
    /// The last path segment of a client-sent name without control characters, characters Windows or Unix
    /// forbid, leading/trailing dots and blanks; at most 255 characters (the extension is kept). Null when nothing is left.
    /// </summary>
    public static string? SanitizeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        // Browsers may send "C:\fakepath\x.pdf" or a relative path; keep only the last segment on any OS.
        var last = fileName.Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(c);
        }

        var clean = builder.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            return null;
        }

        if (clean.Length > 255)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length > 20 ? "" : extension;
            clean = clean[..(255 - extension.Length)].TrimEnd() + extension;
        }

        return clean;
    }

    /// <summary>Sizes for German messages and lists: "512 Bytes", "12,5 KB", "20 MB".</summary>
    public static string FormatSize(long bytes, IFormatProvider? culture = null)
    {
        var size = SizeText(bytes);
        return string.Format(culture ?? German, size.Format, [.. size.Arguments]);
    }

    /// <summary>
    /// <see cref="FormatSize"/> as a translatable part of a message ("512 Bytes" is "512 bytes" in English); its German
    /// text is <see cref="FormatSize"/> in the German culture.
    /// </summary>
    public static MessageText SizeText(long bytes) => bytes switch
    {
        < 1024 => MessageText.Of("{0:N0} Bytes", bytes),
        < 1024 * 1024 => MessageText.Of("{0:0.#} KB", bytes / 1024.0),
        _ => MessageText.Of("{0:0.#} MB", bytes / (1024.0 * 1024)),
    };

    private static EvidenceRejectedException TooLarge(long? size, long max) =>
        new(size is null
            ? MessageText.Of("Die Datei ist zu groß: Erlaubt sind höchstens {0}.", SizeText(max))
            : MessageText.Of("Die Datei ist zu groß ({0}): Erlaubt sind höchstens {1}.", SizeText(size.Value), SizeText(max)));

    private static void CheckText(Decoder decoder, ReadOnlySpan<byte> chunk, bool flush)
    {
        if (chunk.Contains((byte)0))
        {
            throw new EvidenceRejectedException(MessageText.Of("Die Datei ist keine Textdatei (sie enthält Null-Bytes). Text- und CSV-Dateien müssen UTF-8-kodiert sein."));
        }

        try
        {
            // Convert (not GetCharCount) carries an incomplete multi-byte sequence over to the next chunk.
            var scratch = ArrayPool<char>.Shared.Rent(chunk.Length + 4);
            try
            {
                bool completed;
                do
                {
                    decoder.Convert(chunk, scratch, flush, out var bytesUsed, out _, out completed);
                    chunk = chunk[bytesUsed..];
                }
                while (!completed && chunk.Length > 0);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(scratch);
            }
        }
        catch (DecoderFallbackException ex)
        {
            throw new EvidenceRejectedException(MessageText.Of("Die Datei ist keine gültige UTF-8-Textdatei. Bitte als UTF-8 speichern und erneut hochladen."), ex);
        }
    }

    private static void CheckSignature(ContentKind kind, string extension, ReadOnlySpan<byte> header)
    {
        var what = kind switch
        {
            ContentKind.Pdf when !header.StartsWith(PdfMagic) => MessageText.Of("kein PDF-Dokument"),
            ContentKind.Png when !header.StartsWith(PngMagic) => MessageText.Of("kein PNG-Bild"),
            ContentKind.Jpeg when !header.StartsWith(JpegMagic) => MessageText.Of("kein JPEG-Bild"),
            ContentKind.Zip when !header.StartsWith(ZipMagic) => MessageText.Of("kein Office-Dokument (DOCX, XLSX, ODT, ODS)"),
            _ => null,
        };
        if (what is not null)
        {
            throw new EvidenceRejectedException(MessageText.Of(
                "Der Inhalt passt nicht zur Endung „{0}“: Die Datei ist {1}. Bitte die Originaldatei hochladen.", extension, what));
        }
    }

    private static ContentKind? KindOf(string extension) => extension switch
    {
        ".pdf" => ContentKind.Pdf,
        ".png" => ContentKind.Png,
        ".jpg" or ".jpeg" => ContentKind.Jpeg,
        ".docx" or ".xlsx" or ".odt" or ".ods" => ContentKind.Zip,
        ".txt" or ".csv" => ContentKind.Utf8Text,
        _ => null,
    };

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".txt" => "text/plain",
        ".csv" => "text/csv",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".odt" => "application/vnd.oasis.opendocument.text",
        ".ods" => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// Every stored file (content-addressed: a folder of the first two hex digits, a file named by the whole hash) with
    /// its size and last write time. Anything else in the folder (temporary uploads, foreign files) is not listed.
    /// </summary>
    public IReadOnlyList<StoredFile> ListStored()
    {
        var root = options.Value.Directory;
        if (!Directory.Exists(root))
        {
            return [];
        }

        var result = new List<StoredFile>();
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var prefix = Path.GetFileName(folder);
            if (prefix.Length != 2 || !prefix.All(IsLowerHex))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var sha = Path.GetFileName(file);
                if (sha.Length == 64 && sha.All(IsLowerHex) && sha.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var info = new FileInfo(file);
                    result.Add(new StoredFile(KeyPrefix + sha, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
                }
            }
        }

        return result;
    }

    /// <summary>Temporary files of uploads that never finished (a crash between writing and moving), with their last write time.</summary>
    public IReadOnlyList<StoredFile> ListAbandonedUploads()
    {
        var root = options.Value.Directory;
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, ".upload-*.tmp")
                .Select(f => new FileInfo(f))
                .Select(i => new StoredFile(i.Name, i.Length, new DateTimeOffset(i.LastWriteTimeUtc, TimeSpan.Zero)))
                .ToList()
            : [];
    }

    /// <summary>
    /// Deletes the stored file of <paramref name="storageKey"/> (or, for a name from <see cref="ListAbandonedUploads"/>, that
    /// temporary file) unless it was written or uploaded again after <paramref name="notTouchedSince"/>. True when deleted.
    /// </summary>
    public bool DeleteIfUntouchedSince(string storageKey, DateTimeOffset notTouchedSince)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        var root = options.Value.Directory;
        string path;
        if (ShaOf(storageKey) is { } sha)
        {
            path = PathFor(root, sha);
        }
        else if (storageKey.StartsWith(".upload-", StringComparison.Ordinal) && storageKey.EndsWith(".tmp", StringComparison.Ordinal)
            && storageKey == Path.GetFileName(storageKey))
        {
            path = Path.Combine(root, storageKey);
        }
        else
        {
            throw new ArgumentException($"Kein gültiger Speicherschlüssel: {storageKey}", nameof(storageKey));
        }

        var info = new FileInfo(path);
        if (!info.Exists || new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero) > notTouchedSince)
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
        }
        catch (IOException)
        {
            // Best effort: at worst the file keeps its old age.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';

    // Two-character fan-out keeps folders small; the key is validated hex, so it cannot escape the root.
    private static string PathFor(string root, string sha) => Path.Combine(root, sha[..2], sha);
}

/// <summary>A file in the evidence folder: storage key (or temporary file name), size and last write time (UTC).</summary>
public sealed record StoredFile(string Key, long SizeBytes, DateTimeOffset LastWrite);
