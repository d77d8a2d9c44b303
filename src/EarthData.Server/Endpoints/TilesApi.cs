using EarthData.Core.Storage;
using EarthData.Server.Objects;
using EarthData.Server.Tiles;

namespace EarthData.Server.Endpoints;

/// <summary>
/// <c>GET</c>/<c>HEAD /tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.{png|webp}</c>: pre-rendered XYZ tiles streamed
/// from the object store with their strong ETag (<c>If-None-Match</c> → 304) and a long Cache-Control; tiles the
/// pyramid does not hold (other zooms, other layers, any rendering parameter) are rendered from the item's COG by
/// <see cref="DynamicTiles"/>. Bad coordinates and names
/// are 400, tiles outside the pyramid 404, both problem+json.
/// </summary>
public static class TilesApi
{
    /// <summary>Cache-Control of pre-rendered tiles: a published tile is never rewritten with other bytes.</summary>
    public const string ImmutableCacheControl = TileObjectCache.ImmutableCacheControl;

    /// <summary>Maps the tile endpoints.</summary>
    public static IEndpointRouteBuilder MapTilesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/tiles/{collection}/{item}/{layer}/{z}/{x}/{y}", [HttpMethods.Get, HttpMethods.Head], GetTile);
        return endpoints;
    }

    private static async Task<IResult> GetTile(
        string collection, string item, string layer, string z, string x, string y, HttpContext context, IObjectStore store, ItemTileSets items,
        DynamicTiles dynamicTiles, TileObjectCache tiles)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("item", item), ("layer", layer)) is { } invalid)
        {
            return invalid;
        }

        if (!TileCoordinates.TryParse(z, x, y, out var tile, out var format, out var error))
        {
            return TileProblems.BadRequest("tile", error);
        }

        if (DynamicTileParameters.Parse(context.Request.Query, out var bad) is not { } parameters)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        var cancellationToken = context.RequestAborted;
        if (parameters.IsEmpty && format != TileImageFormat.Jpeg)
        {
            var key = $"tiles/{collection}/{item}/{layer}/{tile.Zoom}/{tile.X}/{tile.Y}.{format.Extension}";
            if (await tiles.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return PreRendered(context, store, stored);
            }
        }

        var set = await items.GetAsync(collection, item, cancellationToken).ConfigureAwait(false);
        if (set is null)
        {
            return TileProblems.NotFound($"No item '{item}' is published in collection '{collection}'.");
        }

        // A pre-rendered layer inside its zoom range is served from the pyramid only: a missing tile there is empty.
        if (parameters.IsEmpty && set.Layer(layer) is not null && tile.Zoom >= set.MinZoom && tile.Zoom <= set.MaxZoom)
        {
            return TileProblems.NotFound(
                $"Tile {tile} is outside the pyramid of '{set.ItemId}' (zooms {set.MinZoom}–{set.MaxZoom}, only tiles with visible pixels are stored).");
        }

        return await dynamicTiles.RenderAsync(context, set, layer, tile, format, parameters).ConfigureAwait(false);
    }

    /// <summary>The answer for a stored tile: 304 when the client's ETag matches, else its bytes (HEAD: headers only).</summary>
    /// <param name="context">The request.</param>
    /// <param name="store">The object store, for a tile neither held in memory nor in a local file; null when it is held.</param>
    /// <param name="tile">The tile (its properties carry <see cref="ImmutableCacheControl"/>).</param>
    internal static IResult PreRendered(HttpContext context, IObjectStore? store, CachedTile tile)
    {
        var properties = tile.Properties;
        if (ObjectsApi.Matches(context.Request.Headers.IfNoneMatch.ToString(), properties.ETag))
        {
            StoredObjectResult.WriteHeaders(context.Response, properties);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var headOnly = HttpMethods.IsHead(context.Request.Method);
        return tile switch
        {
            { Content: { } content } => new TileBytesResult(properties, content, headOnly),
            { LocalPath: { } path } => new TileFileResult(properties, path, headOnly),
            _ => new StoredObjectResult(store ?? throw new ArgumentNullException(nameof(store)), properties, null, headOnly),
        };
    }
}
