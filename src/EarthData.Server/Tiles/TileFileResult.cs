using EarthData.Core.Storage;
using EarthData.Server.Objects;

namespace EarthData.Server.Tiles;

/// <summary>
/// A pre-rendered tile of a filesystem store sent from its already resolved file with <c>SendFileAsync</c> (the store
/// replaces files by renaming, so a path stays readable; a tile deleted since it was looked up answers a bare 404).
/// </summary>
internal sealed class TileFileResult(ObjectProperties properties, string path, bool headOnly) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        StoredObjectResult.WriteHeaders(response, properties);
        response.ContentLength = properties.Length;
        if (headOnly)
        {
            return;
        }

        try
        {
            await response.SendFileAsync(path, 0, properties.Length, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (FileNotFoundException) when (!response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = null;
        }
    }
}
