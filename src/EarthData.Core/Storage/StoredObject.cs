namespace EarthData.Core.Storage;

/// <summary>
/// An object read from a store: its properties and a forward-only stream of its content (or of the
/// requested range). The caller owns it and must dispose it, which releases the stream and any
/// connection or file handle behind it. The stream always reads the version described by
/// <see cref="Properties"/>, even if the key is overwritten meanwhile.
/// </summary>
public sealed class StoredObject : IDisposable, IAsyncDisposable
{
    /// <summary>Wraps an open content stream.</summary>
    /// <param name="content">The content stream; ownership passes to this object.</param>
    /// <param name="properties">Properties of the whole object.</param>
    /// <param name="range">The range served, with an explicit length, or <see langword="null"/> for the whole object.</param>
    public StoredObject(Stream content, ObjectProperties properties, ByteRange? range)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(properties);
        Content = content;
        Properties = properties;
        Range = range;
    }

    /// <summary>The content (or the range's bytes); read it once, front to back.</summary>
    public Stream Content { get; }

    /// <summary>Properties of the whole object (<see cref="ObjectProperties.Length"/> is the full length, not the range's).</summary>
    public ObjectProperties Properties { get; }

    /// <summary>The bytes served, truncated to the object's end, or <see langword="null"/> when the whole object is served.</summary>
    public ByteRange? Range { get; }

    /// <summary>Number of bytes <see cref="Content"/> yields.</summary>
    public long ContentLength => Range is { Length: { } length } ? length : Properties.Length;

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
