using System.Globalization;

namespace EarthData.Core.Storage;

/// <summary>
/// A range of bytes of an object, as in an HTTP <c>Range: bytes=first-last</c> request: from
/// <see cref="Offset"/>, <see cref="Length"/> bytes, or to the end when the length is <see langword="null"/>.
/// </summary>
/// <remarks>
/// Stores follow HTTP semantics: a range reaching past the end of the object is truncated to the end;
/// a range starting at or after the end (which includes every range of an empty object) is not
/// satisfiable and fails with <see cref="ObjectRangeNotSatisfiableException"/>. Suffix ranges
/// ("the last N bytes") are not supported.
/// </remarks>
public readonly record struct ByteRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="offset">Zero-based position of the first byte; not negative.</param>
    /// <param name="length">Number of bytes (at least 1), or <see langword="null"/> for "to the end".</param>
    /// <exception cref="ArgumentOutOfRangeException">The offset is negative or the length is below 1.</exception>
    public ByteRange(long offset, long? length = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(l, 1L, nameof(length));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(l, long.MaxValue - offset, nameof(length));
        }

        Offset = offset;
        Length = length;
    }

    /// <summary>Zero-based position of the first byte.</summary>
    public long Offset { get; }

    /// <summary>Number of bytes, or <see langword="null"/> for everything from <see cref="Offset"/> to the end.</summary>
    public long? Length { get; }

    /// <summary>The range from <paramref name="offset"/> to the end of the object.</summary>
    /// <param name="offset">Zero-based position of the first byte.</param>
    public static ByteRange From(long offset) => new(offset);

    /// <summary>
    /// The bytes this range selects from an object of <paramref name="objectLength"/> bytes:
    /// the first byte and the (possibly truncated) count.
    /// </summary>
    /// <param name="objectLength">Length of the whole object in bytes.</param>
    /// <param name="key">The object key, for the exception message.</param>
    /// <returns>The served range, with an explicit length.</returns>
    /// <exception cref="ObjectRangeNotSatisfiableException">The range starts at or after the end of the object.</exception>
    public ByteRange Resolve(long objectLength, string key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(objectLength);
        if (Offset >= objectLength)
        {
            throw new ObjectRangeNotSatisfiableException(key, this, objectLength);
        }

        var available = objectLength - Offset;
        return new ByteRange(Offset, Length is { } l && l < available ? l : available);
    }

    /// <summary>The range in HTTP header form, e.g. <c>bytes=0-99</c> or <c>bytes=100-</c>.</summary>
    public override string ToString() => Length is { } l
        ? string.Create(CultureInfo.InvariantCulture, $"bytes={Offset}-{Offset + l - 1}")
        : string.Create(CultureInfo.InvariantCulture, $"bytes={Offset}-");
}
