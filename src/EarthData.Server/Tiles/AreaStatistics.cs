using System.Text.Json.Nodes;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Tiles;

/// <summary>
/// Statistics of an item's COG inside a polygon: per band (or for an expression) count, min, max, mean, standard
/// deviation, sum, percentiles and a histogram over the pixels whose centre is inside the polygon and that are valid
/// (GDAL mask: nodata). Reads the COG strip of blocks by strip of blocks at native resolution, or from the finest
/// overview where the polygon's window holds at most <see cref="MaxPixels"/> pixels, and says which.
/// </summary>
internal sealed class AreaStatistics(CogDatasetPool pool) : IDisposable
{
    /// <summary>The most pixels of the polygon's window read at the chosen resolution (2048 × 2048).</summary>
    public const long MaxPixels = 2048L * 2048;

    /// <summary>The most pixels read per band at once (a row of blocks, or fewer lines of a very wide window).</summary>
    private const long MaxStripPixels = 512L * 1024;

    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    /// <summary>Computes the statistics, or answers 400 / 404 problem+json.</summary>
    public async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> ComputeAsync(
        ItemTileSet set, List<List<List<(double Lon, double Lat)>>> area, StatisticsRequest request, CancellationToken cancellationToken)
    {
        if (set.CogKey is null)
        {
            return TileProblems.NotFound($"Item '{set.ItemId}' has no COG to compute statistics from.");
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lease = await pool.RentAsync(set.CogKey, cancellationToken).ConfigureAwait(false);
            return Compute(lease.Dataset, set, area, request, MaxPixels, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Computes the statistics on <paramref name="dataset"/>, reading at most <paramref name="maxPixels"/> of the area's window.</summary>
    internal static Results<JsonHttpResult<JsonObject>, ProblemHttpResult> Compute(
        GdalDataset dataset, ItemTileSet set, List<List<List<(double Lon, double Lat)>>> area, StatisticsRequest request, long maxPixels,
        CancellationToken cancellationToken)
    {
        var bandCount = dataset.BandCount;
        if (request.Bands?.FirstOrDefault(b => b > bandCount) is > 0 and var missing)
        {
            return TileProblems.BadRequest("bands", $"bands: band {missing} does not exist; the COG of '{set.ItemId}' has bands 1 to {bandCount}");
        }

        if (request.Expression is { } e && e.Bands[^1] > bandCount)
        {
            return TileProblems.BadRequest("expression", $"expression: b{e.Bands[^1]} does not exist; the COG of '{set.ItemId}' has bands b1 to b{bandCount}");
        }

        // The polygons in pixel coordinates of the COG (EPSG:3857) at a level fx × fy coarser than native.
        var gt = dataset.GeoTransform!.Value;
        PolygonMask MaskAt(double fx, double fy) => new([.. area.Select(polygon => (IReadOnlyList<IReadOnlyList<(double X, double Y)>>)
            [.. polygon.Select(ring => (IReadOnlyList<(double X, double Y)>)[.. ring.Select(p =>
            {
                var (x, y) = WebMercatorQuad.LonLatToMeters(p.Lon, p.Lat);
                return ((x - gt.OriginX) / gt.PixelWidth / fx, (y - gt.OriginY) / gt.PixelHeight / fy);
            })])])]);
        var envelope = MaskAt(1, 1).Envelope;
        if (envelope.MaxX <= 0 || envelope.MaxY <= 0 || envelope.MinX >= dataset.Width || envelope.MinY >= dataset.Height)
        {
            return TileProblems.NotFound($"The area does not overlap item '{set.ItemId}' (bounds {set.Bounds}).");
        }

        // The finest level whose window of the polygon fits MaxPixels: 0 = native, i = overview i − 1.
        var first = dataset.GetBand(1);
        var level = 0;
        var (levelWidth, levelHeight) = (dataset.Width, dataset.Height);
        while (WindowPixels(envelope, dataset.Width / (double)levelWidth, dataset.Height / (double)levelHeight, levelWidth, levelHeight) > maxPixels)
        {
            if (level == first.OverviewCount)
            {
                return TileProblems.BadRequest("area",
                    $"the area is too large: even the coarsest overview holds more than {maxPixels} pixels of its bounding box; split it or make it smaller");
            }

            var overview = first.GetOverview(level++);
            (levelWidth, levelHeight) = (overview.Width, overview.Height);
        }

        var (fx, fy) = (dataset.Width / (double)levelWidth, dataset.Height / (double)levelHeight);
        var mask = MaskAt(fx, fy);
        var x0 = Math.Max(0, (int)Math.Floor(mask.Envelope.MinX));
        var y0 = Math.Max(0, (int)Math.Floor(mask.Envelope.MinY));
        var x1 = Math.Min(levelWidth, (int)Math.Ceiling(mask.Envelope.MaxX));
        var y1 = Math.Min(levelHeight, (int)Math.Ceiling(mask.Envelope.MaxY));
        var width = x1 - x0;

        GdalBand Band(int b) => level == 0 ? dataset.GetBand(b) : dataset.GetBand(b).GetOverview(level - 1);
        int[] readBands = request.Expression is { } expression ? [.. expression.Bands] : [.. request.Bands ?? Enumerable.Range(1, bandCount)];
        var outputs = request.Expression is null ? readBands.Length : 1;
        var accumulators = new ValueStatistics[outputs];
        for (var o = 0; o < outputs; o++)
        {
            accumulators[o] = request.Expression is not null ? ValueStatistics.ForFloats() : Band(readBands[o]).DataType switch
            {
                GdalDataType.Int16 => ValueStatistics.ForIntegers(32768),
                GdalDataType.Byte or GdalDataType.UInt16 => ValueStatistics.ForIntegers(0),
                _ => ValueStatistics.ForFloats(),
            };
        }

        // A strip is one row of blocks, fewer lines when the window is so wide that it would pass MaxStripPixels.
        var blockHeight = Math.Max(1, first.BlockSize.Height);
        var stripRows = (int)Math.Clamp(MaxStripPixels / width, 1, blockHeight);
        var stripPixels = width * stripRows;
        var planes = new float[]?[readBands.Max()];
        var masks = new byte[readBands.Length][];
        var inside = new byte[stripPixels];
        var include = new byte[stripPixels];
        var values = new float[stripPixels];
        foreach (var b in readBands)
        {
            planes[b - 1] = new float[stripPixels];
        }

        for (var i = 0; i < masks.Length; i++)
        {
            masks[i] = new byte[stripPixels];
        }

        long pixelsInArea = 0;
        for (var row = y0; row < y1;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(stripRows, Math.Min(y1, ((row / blockHeight) + 1) * blockHeight) - row);
            var n = rows * width;
            for (var r = 0; r < rows; r++)
            {
                pixelsInArea += mask.FillRow(row + r, x0, inside.AsSpan(r * width, width));
            }

            for (var i = 0; i < readBands.Length; i++)
            {
                var band = Band(readBands[i]);
                band.Read(x0, row, width, rows, planes[readBands[i] - 1].AsSpan(0, n));
                band.GetMaskBand().Read(x0, row, width, rows, masks[i].AsSpan(0, n));
            }

            if (request.Expression is { } math)
            {
                math.Evaluate(planes, values.AsSpan(0, n));
                for (var p = 0; p < n; p++)
                {
                    var valid = inside[p];
                    for (var i = 0; i < masks.Length && valid != 0; i++)
                    {
                        valid = masks[i][p];
                    }

                    include[p] = valid;
                }

                accumulators[0].Add(values.AsSpan(0, n), include.AsSpan(0, n));
            }
            else
            {
                for (var i = 0; i < readBands.Length; i++)
                {
                    for (var p = 0; p < n; p++)
                    {
                        include[p] = (byte)(inside[p] & (masks[i][p] == 0 ? 0 : 1));
                    }

                    accumulators[i].Add(planes[readBands[i] - 1].AsSpan(0, n), include.AsSpan(0, n));
                }
            }

            row += rows;
        }

        var results = new JsonArray();
        for (var o = 0; o < outputs; o++)
        {
            var summary = accumulators[o].Summarise(request.Percentiles, request.Bins, request.Range);
            var entry = request.Expression is { } text
                ? new JsonObject { ["expression"] = text.Text }
                : new JsonObject { ["band"] = readBands[o], ["name"] = dataset.GetBand(readBands[o]).Description ?? string.Empty };
            entry["count"] = summary.Count;
            entry["valid_percent"] = pixelsInArea == 0 ? 0 : Math.Round(100.0 * summary.Count / pixelsInArea, 4);
            entry["min"] = Number(summary.Min);
            entry["max"] = Number(summary.Max);
            entry["mean"] = Number(summary.Mean);
            entry["std"] = Number(summary.StdDev);
            entry["sum"] = summary.Sum;
            var percentiles = new JsonObject();
            foreach (var (p, v) in summary.Percentiles)
            {
                percentiles[p.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Number(v);
            }

            entry["percentiles"] = percentiles;
            entry["histogram"] = new JsonObject
            {
                ["counts"] = new JsonArray([.. summary.HistogramCounts.Select(c => (JsonNode)c)]),
                ["edges"] = new JsonArray([.. summary.HistogramEdges.Select(v => (JsonNode)v)]),
            };
            results.Add(entry);
        }

        return TypedResults.Json(new JsonObject
        {
            ["collection"] = set.Collection,
            ["item"] = set.ItemId,
            ["resolution"] = new JsonObject
            {
                ["native"] = level == 0,
                ["overview"] = level == 0 ? null : level,
                ["pixel_size"] = new JsonArray(gt.PixelWidth * fx, -gt.PixelHeight * fy),
                ["window"] = new JsonArray(x0, y0, width, y1 - y0),
                ["note"] = level == 0
                    ? "computed at the COG's native resolution"
                    : $"the area's window holds more than {maxPixels} native pixels: computed from overview {level} ({fx:0.##}× coarser)",
            },
            ["pixels_in_area"] = pixelsInArea,
            ["bands"] = results,
        });
    }

    private static long WindowPixels((double MinX, double MinY, double MaxX, double MaxY) native, double fx, double fy, int width, int height)
    {
        var w = Math.Min(width, Math.Ceiling(native.MaxX / fx)) - Math.Max(0, Math.Floor(native.MinX / fx));
        var h = Math.Min(height, Math.Ceiling(native.MaxY / fy)) - Math.Max(0, Math.Floor(native.MinY / fy));
        return (long)(w * h);
    }

    private static double? Number(double value) => double.IsFinite(value) ? value : null;
}
