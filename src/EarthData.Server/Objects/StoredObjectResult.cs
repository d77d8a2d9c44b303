using System.Globalization;
using EarthData.Core.Storage;
using EarthData.Storage.Objects;
using Microsoft.Net.Http.Headers;

namespace EarthData.Server.Objects;

/// <summary>
/// Writes a stored object (or one range of it) with its validators and caching headers. Files of a
/// <see cref="FileSystemObjectStore"/> go out with <c>SendFileAsync</c> (sendfile); other stores are streamed.
/// </summary>
internal sealed class StoredObjectResult(IObjectStore store, ObjectProperties properties, ByteRange? range, bool headOnly) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        WriteHeaders(response, properties);
        var length = range is { Length: { } count } ? count : properties.Length;
        if (range is { } partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(
                CultureInfo.InvariantCulture, $"bytes {partial.Offset}-{partial.Offset + length - 1}/{properties.Length}");
        }

        response.ContentLength = length;
        if (headOnly || length == 0)
        {
            return;
        }

        if (store is FileSystemObjectStore files && files.LocalPath(properties.Key) is { } path)
        {
            await response.SendFileAsync(path, range?.Offset ?? 0, length, cancellationToken).ConfigureAwait(false);
            return;
        }

        var stored = await store.GetAsync(properties.Key, range, cancellationToken).ConfigureAwait(false);
        await using (stored.ConfigureAwait(false))
        {
            await stored.Content.CopyToAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The headers every answer about an object carries (200, 206, 304, 416).</summary>
    public static void WriteHeaders(HttpResponse response, ObjectProperties properties)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(properties);
        response.Headers.ETag = properties.ETag;
        response.Headers.LastModified = properties.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        response.Headers[HeaderNames.CacheControl] = properties.CacheControl ?? "no-cache";
        response.ContentType = properties.ContentType;
    }
}
