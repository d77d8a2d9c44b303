using System.Buffers;
using System.Buffers.Binary;

namespace EarthData.Imaging.Encoding;

/// <summary>
/// A write-only stream that cuts what is written into PNG chunks of one type (IDAT) of at most the buffer size,
/// so compressed data goes straight to the output without a second full-size buffer.
/// </summary>
internal sealed class PngChunkStream : Stream
{
    private readonly IBufferWriter<byte> _output;
    private readonly byte[] _type;
    private byte[]? _buffer;
    private int _count;

    public PngChunkStream(IBufferWriter<byte> output, byte[] type, int chunkSize)
    {
        _output = output;
        _type = type;
        _buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
    }

    /// <summary>Bytes appended to the output so far (chunk framing included).</summary>
    public int BytesWritten { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Appends a whole chunk (length, type, data, CRC) to an output.</summary>
    public static int WriteChunk(IBufferWriter<byte> output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var size = 12 + data.Length;
        var span = output.GetSpan(size);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)data.Length);
        type.CopyTo(span[4..]);
        data.CopyTo(span[8..]);
        var crc = System.IO.Hashing.Crc32.HashToUInt32(span.Slice(4, 4 + data.Length)); // PNG's CRC-32 (ISO-HDLC), vectorized
        BinaryPrimitives.WriteUInt32BigEndian(span[(8 + data.Length)..], crc);
        output.Advance(size);
        return size;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chunk = _buffer ?? throw new ObjectDisposedException(nameof(PngChunkStream));
        while (!buffer.IsEmpty)
        {
            var n = Math.Min(buffer.Length, chunk.Length - _count);
            buffer[..n].CopyTo(chunk.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
            if (_count == chunk.Length)
            {
                EmitChunk();
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes out buffered data as a final chunk (if any).</summary>
    public void Complete()
    {
        if (_count > 0)
        {
            EmitChunk();
        }
    }

    public override void Flush()
    {
        // Chunks are cut by size; Complete() emits the tail.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        base.Dispose(disposing);
    }

    private void EmitChunk()
    {
        BytesWritten += WriteChunk(_output, _type, _buffer.AsSpan(0, _count));
        _count = 0;
    }
}
