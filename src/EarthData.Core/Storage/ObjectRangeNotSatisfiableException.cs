namespace EarthData.Core.Storage;

/// <summary>
/// A requested <see cref="ByteRange"/> starts at or after the end of the object (HTTP 416).
/// Ranges that start inside the object but reach past its end are truncated instead.
/// </summary>
public class ObjectRangeNotSatisfiableException : ObjectStoreException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ObjectRangeNotSatisfiableException()
        : base("The byte range is not satisfiable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the range.</param>
    public ObjectRangeNotSatisfiableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What is wrong with the range.</param>
    /// <param name="innerException">The backend's failure.</param>
    public ObjectRangeNotSatisfiableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a range that starts past the end of <paramref name="key"/>.</summary>
    /// <param name="key">The object read.</param>
    /// <param name="range">The range asked for.</param>
    /// <param name="objectLength">Length of the object in bytes, when known.</param>
    /// <param name="innerException">The backend's failure, if any.</param>
    public ObjectRangeNotSatisfiableException(string key, ByteRange range, long? objectLength, Exception? innerException = null)
        : base(
            objectLength is { } length
                ? $"Range {range} of '{key}' starts at or after the end of the object ({length} bytes)."
                : $"Range {range} of '{key}' starts at or after the end of the object.",
            key,
            innerException)
    {
        Range = range;
        ObjectLength = objectLength;
    }

    /// <summary>The range asked for.</summary>
    public ByteRange? Range { get; }

    /// <summary>Length of the object in bytes, when known.</summary>
    public long? ObjectLength { get; }
}
