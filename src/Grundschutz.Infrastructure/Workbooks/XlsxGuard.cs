using System.IO.Compression;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>
/// Checks an uploaded .xlsx before any of its XML is parsed: it must be a zip (local file header signature), the
/// central directory must be readable, with few entries, a bounded declared uncompressed size and no entry
/// compressed suspiciously well (zip bomb). Entries are then opened only through <see cref="OpenEntry"/>, which
/// stops at the declared size and at the overall budget, so a directory that lies about sizes cannot unpack more.
/// </summary>
public sealed class XlsxGuard : IDisposable
{
    private const long RatioCheckFrom = 1024 * 1024;

    /// <summary>The refusal of a file that cannot be read as a zip (also used by the reader).</summary>
    internal static readonly MessageText Damaged = MessageText.Of("Die Datei ist beschädigt und kann nicht als Excel-Arbeitsmappe gelesen werden.");
    private readonly ZipArchive _zip;
    private readonly AnswerWorkbookOptions _options;
    private long _budget;

    private XlsxGuard(ZipArchive zip, AnswerWorkbookOptions options)
    {
        _zip = zip;
        _options = options;
        _budget = options.MaxUncompressedBytes;
    }

    /// <summary>Opens <paramref name="content"/> (seekable, size already limited) or throws <see cref="WorkbookRejectedException"/>.</summary>
    public static XlsxGuard Open(Stream content, AnswerWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (content.Length > options.MaxFileBytes)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei ist zu groß: Erlaubt sind höchstens {0} MB.", options.MaxFileBytes / (1024 * 1024)));
        }

        Span<byte> signature = stackalloc byte[4];
        content.Position = 0;
        if (content.ReadAtLeast(signature, 4, throwOnEndOfStream: false) < 4 || signature[0] != (byte)'P' || signature[1] != (byte)'K' || signature[2] != 3 || signature[3] != 4)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei ist keine Excel-Arbeitsmappe (.xlsx). Bitte den exportierten Fragebogen hochladen."));
        }

        content.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            _ = zip.Entries.Count;
        }
        catch (InvalidDataException)
        {
            throw new WorkbookRejectedException(Damaged);
        }

        try
        {
            Inspect(zip, options);
        }
        catch
        {
            zip.Dispose();
            throw;
        }

        return new XlsxGuard(zip, options);
    }

    /// <summary>True when the package has an entry of this name.</summary>
    public bool Has(string name) => _zip.GetEntry(name) is not null;

    /// <summary>Opens an entry as a stream limited to its declared size and the remaining budget; null when missing.</summary>
    public Stream? OpenEntry(string name)
    {
        var entry = _zip.GetEntry(name);
        if (entry is null)
        {
            return null;
        }

        Stream inner;
        try
        {
            inner = entry.Open();
        }
        catch (InvalidDataException)
        {
            throw new WorkbookRejectedException(Damaged);
        }

        return new BoundedStream(inner, Math.Min(entry.Length, _budget), read => _budget -= read);
    }

    public void Dispose() => _zip.Dispose();

    private static void Inspect(ZipArchive zip, AnswerWorkbookOptions options)
    {
        if (zip.Entries.Count > options.MaxEntries)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei enthält {0} Teile; eine Excel-Arbeitsmappe dieses Portals hat weit weniger. Sie wird nicht gelesen.", zip.Entries.Count));
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > options.MaxUncompressedBytes)
            {
                throw new WorkbookRejectedException(MessageText.Of(
                    "Die Datei würde entpackt mehr als {0} MB ergeben (möglicherweise eine „Zip-Bombe“). Sie wird nicht gelesen.", options.MaxUncompressedBytes / (1024 * 1024)));
            }

            if (entry.Length > RatioCheckFrom && (entry.CompressedLength == 0 || entry.Length / entry.CompressedLength > options.MaxCompressionRatio))
            {
                throw new WorkbookRejectedException(MessageText.Of(
                    "Die Datei ist ungewöhnlich stark komprimiert (möglicherweise eine „Zip-Bombe“). Sie wird nicht gelesen."));
            }
        }
    }

    /// <summary>Reads at most <c>limit</c> bytes; more is a refusal, not a silent cut.</summary>
    private sealed class BoundedStream(Stream inner, long limit, Action<long> consumed) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            consumed(n);
            if (_read > limit)
            {
                throw new WorkbookRejectedException(MessageText.Of("Ein Teil der Datei ist größer als angegeben (möglicherweise eine „Zip-Bombe“). Sie wird nicht gelesen."));
            }

            return n;
        }

        public override void Flush() { }

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
    }
}
