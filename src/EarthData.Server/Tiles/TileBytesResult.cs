using EarthData.Core.Storage;
using EarthData.Server.Objects;

namespace EarthData.Server.Tiles;

/// <summary>A pre-rendered tile written from the bytes <see cref="TileObjectCache"/> holds in memory.</summary>
internal sealed class TileBytesResult(ObjectProperties properties, byte[] content, bool headOnly) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        StoredObjectResult.WriteHeaders(response, properties);
        response.ContentLength = content.Length;
        if (!headOnly)
        {
            // Headers first, then the body as one segment: a pipe segment larger than Kestrel's 4 KiB pool blocks comes
            // from the array pool, so the tile is copied once and sent as one buffer instead of ~25 pooled blocks.
            await response.StartAsync(httpContext.RequestAborted).ConfigureAwait(false);
            var writer = response.BodyWriter;
            content.CopyTo(writer.GetMemory(content.Length));
            writer.Advance(content.Length);
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
