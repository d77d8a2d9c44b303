namespace EarthData.Storage.Tests.Objects;

/// <summary>
/// A non-seekable stream over bytes (like a network response), starting at <c>skip</c>; with <c>failAfter</c> it
/// throws once that many bytes have been read, like a connection dropped mid-upload.
/// </summary>
internal sealed class ForwardOnlyStream(byte[] bytes, int skip = 0, int? failAfter = null) : Stream
{
    private readonly int _start = skip;
    private int _position = skip;

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
        var count = Math.Min(Math.Min(buffer.Length, bytes.Length - _position), 7919);
        if (failAfter is { } limit && _position - _start + count > limit)
        {
            throw new IOException($"Simulated failure after {limit} bytes.");
        }

        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
