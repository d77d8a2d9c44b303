using EarthData.Core.Catalog;
using EarthData.Core.Geometry;
using EarthData.Core.Tiling;
using EarthData.Server.Http;
using EarthData.Server.Tiles;

namespace EarthData.Server.Endpoints;

/// <summary>
/// Collection mosaics: <c>GET</c>/<c>HEAD /tiles/collections/{collection}/{layer}/{z}/{x}/{y}.{png|webp|jpg}?datetime=…</c>
/// draws the items of the collection that intersect the tile (catalogue search by the tile's bounds and
/// <c>datetime</c>), newest first, each filling what the newer ones left transparent, until the tile is opaque —
/// at most <see cref="MaxItemsPerTile"/> items; the tile route's rendering parameters apply.
/// <c>…/{layer}/tilejson.json</c> describes the mosaic.
/// </summary>
public static class TileMosaicsApi
{
    /// <summary>The most items drawn into one mosaic tile.</summary>
    public const int MaxItemsPerTile = 8;

    /// <summary>The most items whose extents make the bounds of a mosaic's TileJSON.</summary>
    public const int MaxTileJsonItems = 100;

    /// <summary>Maps the mosaic endpoints.</summary>
    public static IEndpointRouteBuilder MapTileMosaicsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetAndHead("/tiles/collections/{collection}/{layer}/tilejson.json", GetTileJson);
        endpoints.MapGetAndHead("/tiles/collections/{collection}/{layer}/{z}/{x}/{y}", GetTile);
        return endpoints;
    }

    private static async Task<IResult> GetTile(
        string collection, string layer, string z, string x, string y, HttpContext context, ICatalogStore catalog, DynamicTiles tiles)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("layer", layer)) is { } invalid)
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

        var (minX, minY, maxX, maxY) = WebMercatorQuad.TileBounds(tile);
        var (west, south) = WebMercatorQuad.MetersToLonLat(minX, minY);
        var (east, north) = WebMercatorQuad.MetersToLonLat(maxX, maxY);
        var sets = await SearchAsync(context, catalog, collection, new BoundingBox(west, south, east, north), MaxItemsPerTile).ConfigureAwait(false);
        return sets.Problem ?? await tiles.MosaicAsync(context, collection, sets.Items, layer, tile, format, parameters).ConfigureAwait(false);
    }

    private static async Task<IResult> GetTileJson(string collection, string layer, HttpContext context, ICatalogStore catalog, TileUrls urls)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("layer", layer)) is { } invalid)
        {
            return invalid;
        }

        if (!Imaging.Layers.LayerCatalog.TryGet(layer, out var entry))
        {
            return TileProblems.NotFound($"No layer '{layer}' to draw a mosaic with.");
        }

        if (DynamicTileParameters.Parse(context.Request.Query, out var bad) is not { } parameters)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        var sets = await SearchAsync(context, catalog, collection, null, MaxTileJsonItems).ConfigureAwait(false);
        if (sets.Problem is { } problem)
        {
            return problem;
        }

        if (sets.Items.Count == 0)
        {
            return TileProblems.NotFound($"No item of collection '{collection}' matches.");
        }

        var query = QueryString.Create(
            DynamicTileParameters.Names.Append("datetime").Where(context.Request.Query.ContainsKey)
                .SelectMany(n => context.Request.Query[n].Select(v => new KeyValuePair<string, string?>(n, v)))).ToUriComponent();
        var extension = parameters.Format?.Extension ?? "png";
        var bounds = (
            sets.Items.Min(s => s.Bounds.West), sets.Items.Min(s => s.Bounds.South),
            sets.Items.Max(s => s.Bounds.East), sets.Items.Max(s => s.Bounds.North));
        var document = TileJsonDocument.ForMosaic(
            $"{collection} {layer}", $"{entry.Title}, mosaic of {collection} (newest first)", urls.MosaicTemplate(collection, layer, extension, query),
            0, Math.Max(0, sets.Items.Max(s => s.MaxZoom)), bounds);
        return TypedResults.Json(document);
    }

    /// <summary>The collection's items (newest first) intersecting <paramref name="bbox"/> in the request's <c>datetime</c>, or a 400.</summary>
    private static async Task<(IReadOnlyList<ItemTileSet> Items, IResult? Problem)> SearchAsync(
        HttpContext context, ICatalogStore catalog, string collection, BoundingBox? bbox, int limit)
    {
        try
        {
            var query = context.Request.Query;
            if (query.TryGetValue("datetime", out var values) && values.Count != 1)
            {
                return ([], TileProblems.BadRequest("datetime", $"datetime is given {values.Count} times; give it once"));
            }

            var search = new ItemSearch
            {
                Collections = [collection],
                Bbox = bbox,
                Datetime = values.Count == 1 ? DatetimeInterval.Parse(values[0] ?? string.Empty) : null,
                Limit = limit,
                CountMatched = false,
            };
            search.Validate();
            var page = await catalog.SearchAsync(search, context.RequestAborted).ConfigureAwait(false);
            return ([.. page.Items.Select(ItemTileSet.From)], null);
        }
        catch (InvalidQueryException ex)
        {
            return ([], TileProblems.BadRequest(ex.Parameter ?? "datetime", ex.Message));
        }
    }
}
