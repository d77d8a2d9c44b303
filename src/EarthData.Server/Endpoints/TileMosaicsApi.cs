using EarthData.Core.Catalog;
using EarthData.Core.Geometry;
using EarthData.Core.Tiling;
using EarthData.Server.Http;
using EarthData.Server.Stac;
using EarthData.Server.Tiles;

namespace EarthData.Server.Endpoints;

/// <summary>
/// Collection mosaics: <c>GET</c>/<c>HEAD /tiles/collections/{collection}/{layer}/{z}/{x}/{y}.{png|webp|jpg}?datetime=…&amp;filter=…&amp;sortby=…</c>
/// draws the items of the collection that intersect the tile (catalogue search by the tile's bounds, <c>datetime</c> and
/// a CQL2-JSON <c>filter</c>, parsed and bounded as <c>/stac/search</c> does), in <c>sortby</c> order (STAC GET syntax;
/// newest first by default, <c>sortby=eo:cloud_cover</c> for the least cloudy first), each filling what the items above
/// it left transparent, until the tile is opaque — at most <see cref="MaxItemsPerTile"/> items; the tile route's
/// rendering parameters apply. <c>…/{layer}/tilejson.json</c> describes the mosaic.
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

    /// <summary>The query parameters that choose a mosaic's items and their order, carried into its TileJSON template.</summary>
    public static readonly string[] SearchNames = ["datetime", "filter", "filter-lang", "sortby"];

    private static async Task<IResult> GetTile(
        string collection, string layer, string z, string x, string y, HttpContext context, ICatalogStore catalog, StacDocuments stac, DynamicTiles tiles)
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
        var sets = await SearchAsync(context, catalog, stac, collection, new BoundingBox(west, south, east, north), MaxItemsPerTile).ConfigureAwait(false);
        return sets.Problem ?? await tiles.MosaicAsync(context, collection, sets.Items, layer, tile, format, parameters).ConfigureAwait(false);
    }

    private static async Task<IResult> GetTileJson(string collection, string layer, HttpContext context, ICatalogStore catalog, StacDocuments stac, TileUrls urls)
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

        var sets = await SearchAsync(context, catalog, stac, collection, null, MaxTileJsonItems).ConfigureAwait(false);
        if (sets.Problem is { } problem)
        {
            return problem;
        }

        if (sets.Items.Count == 0)
        {
            return TileProblems.NotFound($"No item of collection '{collection}' matches.");
        }

        var query = QueryString.Create(
            DynamicTileParameters.Names.Concat(SearchNames).Where(context.Request.Query.ContainsKey)
                .SelectMany(n => context.Request.Query[n].Select(v => new KeyValuePair<string, string?>(n, v)))).ToUriComponent();
        var extension = parameters.Format?.Extension ?? "png";
        var bounds = (
            sets.Items.Min(s => s.Bounds.West), sets.Items.Min(s => s.Bounds.South),
            sets.Items.Max(s => s.Bounds.East), sets.Items.Max(s => s.Bounds.North));
        var document = TileJsonDocument.ForMosaic(
            $"{collection} {layer}", $"{entry.Title}, mosaic of {collection} ({Order(context.Request.Query)})", urls.MosaicTemplate(collection, layer, extension, query),
            0, Math.Max(0, sets.Items.Max(s => s.MaxZoom)), bounds);
        return TypedResults.Json(document);
    }

    /// <summary>
    /// The collection's items intersecting <paramref name="bbox"/> that match the request's <c>datetime</c> and
    /// <c>filter</c>, in its <c>sortby</c> order (newest first by default), or a 400 naming the parameter. The search runs
    /// under the STAC search's time budget (503 past it).
    /// </summary>
    private static async Task<(IReadOnlyList<ItemTileSet> Items, IResult? Problem)> SearchAsync(
        HttpContext context, ICatalogStore catalog, StacDocuments stac, string collection, BoundingBox? bbox, int limit)
    {
        try
        {
            var query = context.Request.Query;
            if (SearchNames.FirstOrDefault(n => query.TryGetValue(n, out var given) && given.Count > 1) is { } repeated)
            {
                return ([], TileProblems.BadRequest(repeated, $"{repeated} is given {query[repeated].Count} times; give it once"));
            }

            var search = new ItemSearch
            {
                Collections = [collection],
                Bbox = bbox,
                Datetime = query.TryGetValue("datetime", out var datetime) && datetime.Count == 1 ? DatetimeInterval.Parse(datetime[0] ?? string.Empty) : null,
                Filter = SearchRequest.FilterFromQuery(query),
                SortBy = SearchRequest.SortFromQuery(query),
                Limit = limit,
                CountMatched = false,
            };
            search.Validate();
            var page = await stac.SearchAsync(catalog, search, context, countMatched: false).ConfigureAwait(false);
            return ([.. page.Items.Select(ItemTileSet.From)], null);
        }
        catch (InvalidQueryException ex)
        {
            return ([], TileProblems.BadRequest(ex.Parameter ?? "filter", ex.Message));
        }
    }

    /// <summary>The mosaic's order in words, for its TileJSON description.</summary>
    private static string Order(IQueryCollection query) =>
        query.TryGetValue("sortby", out var sortby) && !string.IsNullOrEmpty(sortby[^1]) ? $"sorted by {sortby[^1]}, top first" : "newest first";
}
