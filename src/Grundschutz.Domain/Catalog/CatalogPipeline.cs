using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml;
using Grundschutz.Domain.Catalog.Kompendium;
using Grundschutz.Domain.Catalog.Oscal;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog;

/// <summary>
/// The one import pipeline: enforces the size limit, sniffs the format (XML → Kompendium, JSON →
/// OSCAL catalog or profile), dispatches to the reader and validates the result. Every
/// <see cref="CatalogFormatException"/> leaving it names the file.
/// </summary>
public static class CatalogPipeline
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 256 };

    /// <summary>Reads and validates one catalogue file.</summary>
    /// <param name="content">The file content; read to the end, not disposed.</param>
    /// <param name="fileName">The file name as the user gave it (shown in messages, matched by profiles).</param>
    /// <param name="available">Catalogues an OSCAL profile may import.</param>
    /// <param name="options">Limits.</param>
    /// <exception cref="CatalogFormatException">The file cannot be imported; <see cref="CatalogFormatException.FileName"/> is set.</exception>
    public static CatalogDocument Read(Stream content, string fileName, IReadOnlyList<AvailableCatalog> available, CatalogReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(options);

        byte[]? rented = null;
        try
        {
            var bytes = ReadLimited(content, options.MaxBytes, ref rented);
            var document = Dispatch(bytes, available);
            return CatalogValidator.Validate(document);
        }
        catch (CatalogFormatException ex) when (ex.FileName is null)
        {
            throw new CatalogFormatException(ex.Text, ex.Where, ex.InnerException) { FileName = fileName };
        }
        finally
        {
            // The readers copy what they keep into strings; nothing refers to the bytes afterwards.
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The whole content, refused as soon as it is known to exceed the limit.</summary>
    private static ReadOnlyMemory<byte> ReadLimited(Stream content, long maxBytes, ref byte[]? rented)
    {
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            if (remaining > Array.MaxLength)
            {
                var whole = new byte[remaining];
                content.ReadExactly(whole);
                return whole;
            }

            // Pooled: a catalogue is megabytes, and a fresh large array per import costs full collections.
            rented = ArrayPool<byte>.Shared.Rent((int)remaining);
            var exact = rented.AsMemory(0, (int)remaining);
            content.ReadExactly(exact.Span);
            return exact;
        }

        // Unknown length: count while reading, so that a huge upload is cut off at the limit, not at the end.
        var buffer = new byte[(int)Math.Min(maxBytes + 1, 81920)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
            }

            var read = content.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        return buffer.AsMemory(0, length);
    }

    private static CatalogFormatException TooLarge(long maxBytes) =>
        new(MessageText.Of("Die Datei ist größer als das Limit von {0}.", SizeText(maxBytes)));

    /// <summary>A size for the user, e.g. "50 MB", "1,5 MB", "100 Bytes".</summary>
    internal static string FormatSize(long bytes) => SizeText(bytes).ToString();

    /// <summary>A size for the user, translatable: "50 MB", "1,5 MB" (German) or "1.5 MB" (English), "100 Bytes".</summary>
    internal static MessageText SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 => MessageText.Of("{0:0.#} MB", bytes / (1024d * 1024)),
        >= 1024 => MessageText.Of("{0:0.#} KB", bytes / 1024d),
        _ => MessageText.Of("{0} Bytes", bytes),
    };

    private static CatalogDocument Dispatch(ReadOnlyMemory<byte> bytes, IReadOnlyList<AvailableCatalog> available)
    {
        var span = bytes.Span;
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var first = start;
        while (first < span.Length && span[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            first++;
        }

        if (first == span.Length)
        {
            throw new CatalogFormatException(MessageText.Of("Die Datei ist leer."));
        }

        return span[first] switch
        {
            (byte)'<' => ReadXml(bytes),
            (byte)'{' or (byte)'[' => ReadJson(bytes[start..], available),
            _ => throw new CatalogFormatException(MessageText.Of("Die Datei ist weder JSON noch XML. Erwartet wird ein OSCAL-Katalog oder -Profil (JSON) oder das IT-Grundschutz-Kompendium (XML).")),
        };
    }

    private static CatalogDocument ReadXml(ReadOnlyMemory<byte> bytes)
    {
        using var stream = MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        try
        {
            return KompendiumXmlReader.Read(stream);
        }
        catch (XmlException ex)
        {
            throw new CatalogFormatException(MessageText.Of("Die Datei ist kein gültiges XML."), CatalogLocations.LineAndPosition(ex.LineNumber, ex.LinePosition), ex);
        }
    }

    private static CatalogDocument ReadJson(ReadOnlyMemory<byte> bytes, IReadOnlyList<AvailableCatalog> available)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes, JsonOptions);
        }
        catch (JsonException ex)
        {
            var location = ex.LineNumber is { } line
                ? CatalogLocations.LineAndPosition(line + 1, (ex.BytePositionInLine ?? 0) + 1)
                : null;
            throw new CatalogFormatException(MessageText.Of("Die Datei ist kein gültiges JSON."), location, ex);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogFormatException(MessageText.Of("Die Datei ist kein OSCAL-Katalog oder -Profil (gefunden: ein JSON-Array)."));
            }

            string? model = null;
            JsonElement value = default;
            foreach (var property in root.EnumerateObject())
            {
                // "$schema" may precede the model; the first other property names the OSCAL model.
                if (property.NameEquals("$schema"u8))
                {
                    continue;
                }

                model = property.Name;
                value = property.Value;
                break;
            }

            var document = model switch
            {
                "catalog" => OscalCatalogReader.Read(value),
                "profile" => OscalProfileResolver.Resolve(value, available),
                "mapping-collection" => throw new CatalogFormatException(MessageText.Of("Mapping-Dateien werden noch nicht als Katalog importiert.")),
                null => throw new CatalogFormatException(MessageText.Of("Die Datei ist kein OSCAL-Katalog oder -Profil (gefunden: ein leeres JSON-Objekt).")),
                _ => throw new CatalogFormatException(MessageText.Of("Die Datei ist kein OSCAL-Katalog oder -Profil (gefunden: „{0}“).", model)),
            };

            return WithVersionWarning(document);
        }
    }

    private static CatalogDocument WithVersionWarning(CatalogDocument document)
    {
        var version = document.OscalVersion;
        MessageText? warning = null;
        if (string.IsNullOrWhiteSpace(version))
        {
            warning = MessageText.Of("Die Datei gibt keine OSCAL-Version an (metadata.oscal-version); sie wurde wie OSCAL 1.1 gelesen.");
        }
        else if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            warning = MessageText.Of("Die OSCAL-Version „{0}“ wird nicht unterstützt (erwartet 1.x); die Datei wurde wie OSCAL 1.1 gelesen.", version);
        }

        return warning is null ? document : document with { Warnings = [warning, .. document.Warnings] };
    }
}
