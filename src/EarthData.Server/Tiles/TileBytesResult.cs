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
            await response.BodyWriter.WriteAsync(content, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
