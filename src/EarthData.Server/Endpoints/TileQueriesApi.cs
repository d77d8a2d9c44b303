using System.Globalization;
using System.Text.Json.Nodes;
using EarthData.Core.Tiling;
using EarthData.Server.Http;
using EarthData.Server.Tiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary>
/// Data queries on an item's COG: <c>GET /tiles/{collection}/{item}/point/{lon},{lat}</c> answers the pixel values
/// of every band at a point (WGS 84 degrees) in digital numbers and, where the scene's INPE metadata carries
/// calibration, in TOA reflectance; <c>GET /tiles/{collection}/{item}/preview.png?max_size=1024&amp;layer=true-color</c>
/// draws the whole item and <c>GET /tiles/{collection}/{item}/bbox/{minx},{miny},{maxx},{maxy}.{png|webp|jpg}</c> a WGS 84 box
/// of it (any rendering parameter of the tile route applies to both).
/// </summary>
public static class TileQueriesApi
{
    /// <summary>Maps the query endpoints (and the legends, <see cref="TileLegendsApi"/>, area statistics, <see cref="TileStatisticsApi"/>, and collection mosaics, <see cref="TileMosaicsApi"/>).</summary>
    public static IEndpointRouteBuilder MapTileQueriesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tiles/{collection}/{item}/point/{coordinates}", GetPoint);
        endpoints.MapGetAndHead("/tiles/{collection}/{item}/preview.png", GetPreview);
        endpoints.MapGetAndHead("/tiles/{collection}/{item}/bbox/{box}", GetBbox);
        endpoints.MapTileLegendsApi();
        endpoints.MapTileStatisticsApi();
        endpoints.MapTileMosaicsApi();
        return endpoints;
    }

    /// <summary>The size of a bbox image's longer side when no <c>max_size</c> is given, unless the box is smaller at native resolution.</summary>
    public const int DefaultImageSize = 1024;

    /// <summary>The most pixels a preview or bbox image may have along its longer side.</summary>
    public const int MaxPreviewSize = 2048;

    private static async Task<IResult> GetPreview(
        string collection, string item, HttpContext context, ItemTileSets items, DynamicTiles tiles)
    {
        var query = context.Request.Query;
        var layer = query.TryGetValue("layer", out var named) ? named.ToString() : "true-color";
        if (TileProblems.InvalidNames(("collection", collection), ("item", item), ("layer", layer)) is { } invalid)
        {
            return invalid;
        }

        var maxSize = 1024;
        if (query.TryGetValue("max_size", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxSize) || maxSize < 256 || maxSize > MaxPreviewSize))
        {
            return TileProblems.BadRequest("max_size", $"max_size '{text}' is not a whole number of pixels from 256 to {MaxPreviewSize}");
        }

        if (DynamicTileParameters.Parse(query, out var bad) is not { } parameters)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        var set = await items.GetAsync(collection, item, context.RequestAborted).ConfigureAwait(false);
        return set is null
            ? TileProblems.NotFound($"No item '{item}' is published in collection '{collection}'.")
            : await tiles.PreviewAsync(context, set, layer, maxSize, parameters).ConfigureAwait(false);
    }

    private static async Task<IResult> GetBbox(string collection, string item, string box, HttpContext context, ItemTileSets items, DynamicTiles tiles)
    {
        var query = context.Request.Query;
        var layer = query.TryGetValue("layer", out var named) ? named.ToString() : "true-color";
        if (TileProblems.InvalidNames(("collection", collection), ("item", item), ("layer", layer)) is { } invalid)
        {
            return invalid;
        }

        var dot = box.LastIndexOf('.');
        if (dot < 0 || TileImageFormat.Find(box[(dot + 1)..]) is not { } format)
        {
            return TileProblems.BadRequest("bbox", $"'{TileProblems.Clip(box)}' does not end in an image format: use .png, .webp or .jpg");
        }

        var parts = box[..dot].Split(',');
        var numbers = new double[4];
        if (parts.Length != 4 || parts.Where((p, i) => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i])).Any())
        {
            return TileProblems.BadRequest("bbox", $"bbox '{TileProblems.Clip(box[..dot])}' is not four numbers minx,miny,maxx,maxy (WGS 84 degrees)");
        }

        var (west, south, east, north) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (west < -180 || east > 180 || Math.Max(Math.Abs(south), Math.Abs(north)) > WebMercatorQuad.MaxLatitude)
        {
            return TileProblems.BadRequest("bbox", $"bbox '{TileProblems.Clip(box[..dot])}' leaves lon −180…180, lat ±{WebMercatorQuad.MaxLatitude:0.##}");
        }

        if (!(east > west) || !(north > south))
        {
            return TileProblems.BadRequest("bbox", $"bbox '{TileProblems.Clip(box[..dot])}' is empty: minx < maxx and miny < maxy (boxes across the antimeridian are not supported)");
        }

        var maxSize = DefaultImageSize;
        if (query.TryGetValue("max_size", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxSize) || maxSize < 1 || maxSize > MaxPreviewSize))
        {
            return TileProblems.BadRequest("max_size", $"max_size '{TileProblems.Clip(text.ToString())}' is not a whole number of pixels from 1 to {MaxPreviewSize}");
        }

        if (DynamicTileParameters.Parse(query, out var bad) is not { } parameters)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        var set = await items.GetAsync(collection, item, context.RequestAborted).ConfigureAwait(false);
        return set is null
            ? TileProblems.NotFound($"No item '{item}' is published in collection '{collection}'.")
            : await tiles.BboxAsync(context, set, layer, (west, south, east, north), maxSize, format, parameters).ConfigureAwait(false);
    }


    private static async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> GetPoint(
        string collection, string item, string coordinates, HttpContext context, ItemTileSets items, CogDatasetPool pool, SceneCalibration calibration)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("item", item)) is { } invalid)
        {
            return invalid;
        }

        var parts = coordinates.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !(lon >= -180 && lon <= 180) || !(Math.Abs(lat) <= WebMercatorQuad.MaxLatitude))
        {
            return TileProblems.BadRequest("coordinates",
                $"point '{(coordinates.Length > 64 ? coordinates[..64] + "…" : coordinates)}' is not 'lon,lat' in degrees (lon −180…180, lat ±{WebMercatorQuad.MaxLatitude:0.##})");
        }

        var cancellationToken = context.RequestAborted;
        var set = await items.GetAsync(collection, item, cancellationToken).ConfigureAwait(false);
        if (set?.CogKey is null)
        {
            return TileProblems.NotFound($"No item '{item}' with a COG is published in collection '{collection}'.");
        }

        var factors = await calibration.FactorsAsync(set, lon, lat, cancellationToken).ConfigureAwait(false);
        var (x, y) = WebMercatorQuad.LonLatToMeters(lon, lat);
        var bands = new JsonArray();
        int column, row;
        using (var lease = await pool.RentAsync(set.CogKey, cancellationToken).ConfigureAwait(false))
        {
            var dataset = lease.Dataset;
            var gt = dataset.GeoTransform!.Value;
            column = (int)Math.Floor((x - gt.OriginX) / gt.PixelWidth);
            row = (int)Math.Floor((y - gt.OriginY) / gt.PixelHeight);
            if (column < 0 || row < 0 || column >= dataset.Width || row >= dataset.Height)
            {
                return TileProblems.NotFound($"Point {lon.ToString(CultureInfo.InvariantCulture)},{lat.ToString(CultureInfo.InvariantCulture)} is outside item '{item}'.");
            }

            Span<double> value = stackalloc double[1];
            Span<byte> mask = stackalloc byte[1];
            for (var b = 1; b <= dataset.BandCount; b++)
            {
                var band = dataset.GetBand(b);
                band.Read(column, row, 1, 1, value);
                band.GetMaskBand().Read(column, row, 1, 1, mask);
                var name = band.Description ?? string.Empty;
                var valid = mask[0] != 0;
                bands.Add(new JsonObject
                {
                    ["band"] = b,
                    ["name"] = name,
                    ["dn"] = valid ? value[0] : null,
                    ["reflectance"] = valid && factors.TryGetValue(name, out var factor) ? Math.Round(value[0] * factor, 6) : null,
                });
            }
        }

        return TypedResults.Json(new JsonObject
        {
            ["collection"] = collection,
            ["item"] = item,
            ["coordinates"] = new JsonArray(lon, lat),
            ["pixel"] = new JsonObject { ["column"] = column, ["row"] = row },
            ["bands"] = bands,
        });
    }
}
