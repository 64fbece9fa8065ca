namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>
/// A read-only pass-through stream that keeps a copy of the first bytes read. The XML parser
/// rejects a DOCTYPE without line information, so on such a failure the reader looks into this
/// copy of the prolog to tell the user where the DTD is.
/// </summary>
internal sealed class PrologCaptureStream(Stream inner, int capacity) : Stream
{
    private readonly byte[] _captured = new byte[capacity];
    private int _capturedLength;

    /// <summary>The bytes read so far, up to the capacity.</summary>
    public ReadOnlySpan<byte> Captured => _captured.AsSpan(0, _capturedLength);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Capture(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Capture(ReadOnlySpan<byte> data)
    {
        var free = _captured.Length - _capturedLength;
        if (free <= 0 || data.IsEmpty)
        {
            return;
        }

        var take = Math.Min(free, data.Length);
        data[..take].CopyTo(_captured.AsSpan(_capturedLength));
        _capturedLength += take;
    }
}
