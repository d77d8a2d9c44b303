namespace EarthData.Core.Storage;

/// <summary>What a store knows about one stored object, without its content.</summary>
/// <param name="Key">The object key, relative to the store (see <see cref="ObjectKey"/>).</param>
/// <param name="Length">Length of the whole object in bytes.</param>
/// <param name="ContentType">Media type given when the object was put.</param>
/// <param name="CacheControl">Cache-Control given when the object was put, or <see langword="null"/>.</param>
/// <param name="ETag">
/// Opaque entity tag in HTTP header form (quoted). It stays the same until the object is written again
/// and changes when the content changes, so it can serve conditional HTTP requests.
/// </param>
/// <param name="LastModified">When the current version was written (UTC).</param>
public sealed record ObjectProperties(
    string Key,
    long Length,
    string ContentType,
    string? CacheControl,
    string ETag,
    DateTimeOffset LastModified);
