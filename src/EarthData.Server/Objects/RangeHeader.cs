using System.Globalization;
using EarthData.Core.Storage;
using Microsoft.Net.Http.Headers;

namespace EarthData.Server.Objects;

/// <summary>The single byte range of an HTTP <c>Range</c> header (RFC 9110 §14), resolved against an object's length.</summary>
internal static class RangeHeader
{
    /// <summary>The outcome of reading a Range header.</summary>
    public enum Kind
    {
        /// <summary>No usable range: serve the whole object (absent, malformed, several ranges, or If-Range mismatch).</summary>
        Whole,

        /// <summary>One satisfiable range.</summary>
        Partial,

        /// <summary>The range starts at or after the end of the object (416).</summary>
        Unsatisfiable,
    }

    /// <summary>Reads the request's Range (and If-Range) for the object described by <paramref name="properties"/>.</summary>
    public static (Kind Kind, ByteRange Range) Resolve(HttpRequest request, ObjectProperties properties)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(properties);
        var length = properties.Length;
        var header = request.Headers.Range.ToString();
        if (header.Length == 0 || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return (Kind.Whole, default);
        }

        if (request.Headers[HeaderNames.IfRange].ToString() is { Length: > 0 } ifRange && !IfRangeHolds(ifRange.Trim(), properties))
        {
            return (Kind.Whole, default);
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return (Kind.Whole, default);
        }

        var firstText = spec[..dash].Trim();
        var lastText = spec[(dash + 1)..].Trim();
        if (firstText.Length == 0)
        {
            // Suffix range: the last N bytes.
            if (!long.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return (Kind.Whole, default);
            }

            return suffix == 0 || length == 0
                ? (Kind.Unsatisfiable, default)
                : (Kind.Partial, new ByteRange(Math.Max(0, length - suffix), Math.Min(suffix, length)));
        }

        if (!long.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            return (Kind.Whole, default);
        }

        long? last = null;
        if (lastText.Length > 0)
        {
            if (!long.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < first)
            {
                return (Kind.Whole, default);
            }

            last = parsed;
        }

        if (first >= length)
        {
            return (Kind.Unsatisfiable, default);
        }

        var end = Math.Min(last ?? (length - 1), length - 1);
        return (Kind.Partial, new ByteRange(first, end - first + 1));
    }

    /// <summary>
    /// RFC 9110 §13.1.5: an entity tag matches only by strong comparison (both strong, same opaque tag: a weak tag never
    /// matches); a date matches only when it is exactly the object's Last-Modified.
    /// </summary>
    private static bool IfRangeHolds(string ifRange, ObjectProperties properties)
    {
        if (ifRange.StartsWith('"') || ifRange.StartsWith("W/", StringComparison.Ordinal))
        {
            return !ifRange.StartsWith("W/", StringComparison.Ordinal) && !properties.ETag.StartsWith("W/", StringComparison.Ordinal)
                && string.Equals(ifRange, properties.ETag, StringComparison.Ordinal);
        }

        return DateTimeOffset.TryParseExact(ifRange, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date == new DateTimeOffset(properties.LastModified.UtcDateTime.Ticks - (properties.LastModified.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
