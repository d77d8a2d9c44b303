using System.Buffers;
using System.Globalization;
using EarthData.Core.Storage;
using Microsoft.Net.Http.Headers;

namespace EarthData.Server.Objects;

/// <summary>
/// Writes a stored object (or one range of it) with its validators and caching headers. An object already opened
/// (<paramref name="opened"/>, the filesystem store's single handle) is served from that handle and disposed; other
/// stores are asked for the range and streamed.
/// </summary>
internal sealed class StoredObjectResult(IObjectStore store, ObjectProperties properties, ByteRange? range, bool headOnly, StoredObject? opened = null) : IResult
{
    private const int CopyBufferSize = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        try
        {
            await WriteAsync(httpContext).ConfigureAwait(false);
        }
        finally
        {
            if (opened is not null)
            {
                await opened.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(HttpContext httpContext)
    {
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

        if (opened is not null)
        {
            await CopyAsync(opened.Content, range?.Offset ?? 0, length, response.Body, cancellationToken).ConfigureAwait(false);
            return;
        }

        var stored = await store.GetAsync(properties.Key, range, cancellationToken).ConfigureAwait(false);
        await using (stored.ConfigureAwait(false))
        {
            await stored.Content.CopyToAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(Stream source, long offset, long length, Stream destination, CancellationToken cancellationToken)
    {
        source.Seek(offset, SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            while (length > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(CopyBufferSize, length)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The object ended {length} bytes early (truncated behind the store's back).");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                length -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
