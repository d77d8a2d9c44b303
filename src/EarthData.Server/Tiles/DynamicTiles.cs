using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Encoding;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Rendering;
using EarthData.Server.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Tiles;

/// <summary>
/// Renders tiles from an item's COG on request: any <see cref="LayerCatalog"/> layer at any zoom from 0 to
/// <see cref="MaxZoomsBeyondNative"/> past the COG's native zoom, with the <see cref="DynamicTileParameters"/> applied
/// on top of the layer's recipe. Reads only the COG window of the tile (one block at the native zoom) with a pooled
/// dataset rented for the duration of the render. Thread-safe.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim is only waited on asynchronously, so it never allocates a wait handle to release.")]
internal sealed class DynamicTiles(CogDatasetPool pool)
{
    /// <summary>How many zooms past the native one are rendered (upsampled).</summary>
    public const int MaxZoomsBeyondNative = 6;

    /// <summary>Cache-Control of rendered tiles: the same request renders the same bytes until the item is re-published.</summary>
    public const string CacheControl = "public, max-age=3600";

    private const int MaxRenderers = 1024;
    private const int TileBytes = WebMercatorQuad.TileSize * WebMercatorQuad.TileSize * 4;

    private static readonly PngTileEncoder Png = new();
    private static readonly WebpTileEncoder Webp = new(quality: 90);
    private static readonly JpegTileEncoder Jpeg = new();

    private readonly ConcurrentDictionary<string, Lazy<RecipeRenderer>> _renderers = new(StringComparer.Ordinal);

    // Rendering is CPU-bound: more renders at once than cores only opens more datasets and thrashes GDAL's cache.
    private readonly SemaphoreSlim _renderSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Renders the tile, or answers 304 / 400 / 404 problem+json.</summary>
    public async Task<IResult> RenderAsync(
        HttpContext context, ItemTileSet set, string layer, TileAddress tile, TileImageFormat format, DynamicTileParameters parameters)
    {
        if (!LayerCatalog.TryGet(layer, out var entry))
        {
            return UnknownLayer(set, layer);
        }

        if (SourceKey(set, entry, parameters) is not { } source)
        {
            return TileProblems.NotFound($"Item '{set.ItemId}' has no COG to render tiles from.");
        }

        await _renderSlots.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        var rgba = ArrayPool<byte>.Shared.Rent(TileBytes);
        try
        {
            using (var lease = await pool.RentAsync(source, context.RequestAborted).ConfigureAwait(false))
            {
                var native = lease.Grid.NativeZoom;
                if (tile.Zoom > native + MaxZoomsBeyondNative)
                {
                    return TileProblems.NotFound(
                        $"Tile {tile} is beyond the zooms rendered for '{set.ItemId}' (0–{native + MaxZoomsBeyondNative}; native {native}).");
                }

                if (!TryRenderer(lease, set, entry, parameters, out var renderer, out var problem))
                {
                    return problem;
                }

                if (!renderer.Render(lease.Dataset, lease.Grid, tile, rgba.AsSpan(0, TileBytes)))
                {
                    return TileProblems.NotFound($"Tile {tile} of '{set.ItemId}' has no visible pixels.");
                }
            }

            return Answer(context, rgba.AsSpan(0, TileBytes), parameters.Format ?? format, CacheControl);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
            _renderSlots.Release();
        }
    }

    /// <summary>
    /// A tile of a collection mosaic: the items given (newest first) drawn one under the other — each fills only the
    /// pixels still transparent — until the tile is opaque or the items run out. Items without pixels in the tile, or
    /// too coarse for its zoom, are passed over; the ones drawn are named in <see cref="MosaicItemsHeader"/>.
    /// </summary>
    public async Task<IResult> MosaicAsync(
        HttpContext context, string collection, IReadOnlyList<ItemTileSet> sets, string layer, TileAddress tile, TileImageFormat format,
        DynamicTileParameters parameters)
    {
        if (!LayerCatalog.TryGet(layer, out var entry))
        {
            return TileProblems.NotFound(
                $"No layer '{layer}' to draw a mosaic with; the layers: {string.Join(", ", LayerCatalog.All.Select(l => l.Name).Append("band-N"))}.");
        }

        var mosaic = new byte[TileBytes];
        var single = new byte[TileBytes];
        var drawn = new List<string>();
        await _renderSlots.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            foreach (var set in sets)
            {
                if (SourceKey(set, entry, parameters) is not { } source)
                {
                    continue;
                }

                using var lease = await pool.RentAsync(source, context.RequestAborted).ConfigureAwait(false);
                if (tile.Zoom > lease.Grid.NativeZoom + MaxZoomsBeyondNative)
                {
                    continue;
                }

                if (!TryRenderer(lease, set, entry, parameters, out var renderer, out var problem))
                {
                    return problem;
                }

                if (!renderer.Render(lease.Dataset, lease.Grid, tile, single))
                {
                    continue;
                }

                drawn.Add(set.ItemId);
                if (FillTransparent(mosaic, single))
                {
                    break;
                }
            }
        }
        finally
        {
            _renderSlots.Release();
        }

        if (drawn.Count == 0)
        {
            return TileProblems.NotFound($"No item of collection '{collection}' has visible pixels in tile {tile} (searched {sets.Count}).");
        }

        context.Response.Headers[MosaicItemsHeader] = string.Join(',', drawn);
        return Answer(context, mosaic, parameters.Format ?? format, MosaicCacheControl);
    }

    /// <summary>The response header naming the items a mosaic tile was drawn from, top first.</summary>
    public const string MosaicItemsHeader = "EarthData-Mosaic-Items";

    /// <summary>Cache-Control of mosaic tiles: a newly published item may change them.</summary>
    public const string MosaicCacheControl = "public, max-age=300";

    /// <summary>Copies the pixels of <paramref name="below"/> where <paramref name="mosaic"/> is transparent; true when the mosaic is then opaque.</summary>
    private static bool FillTransparent(byte[] mosaic, byte[] below)
    {
        var opaque = true;
        for (var i = 0; i < mosaic.Length; i += 4)
        {
            if (mosaic[i + 3] == 0)
            {
                below.AsSpan(i, 4).CopyTo(mosaic.AsSpan(i, 4));
            }

            opaque &= mosaic[i + 3] == 255;
        }

        return opaque;
    }

    /// <summary>Encodes a tile and answers it with an ETag of its bytes (304 on a match), HEAD without a body.</summary>
    private static IResult Answer(HttpContext context, ReadOnlySpan<byte> rgba, TileImageFormat format, string cacheControl)
    {
        var encoder = Encoder(format);
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        encoder.Encode(rgba, WebMercatorQuad.TileSize, WebMercatorQuad.TileSize, output);
        var encoded = output.WrittenSpan.ToArray();
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(encoded).AsSpan(0, 16)) + "\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = cacheControl;
        if (ObjectsApi.Matches(context.Request.Headers.IfNoneMatch.ToString(), etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return HttpMethods.IsHead(context.Request.Method)
            ? TypedResults.Empty
            : TypedResults.Bytes(encoded, encoder.MediaType);
    }

    /// <summary>
    /// A preview of the whole item: the layer's tiles at the finest zoom whose tile range fits in
    /// <paramref name="maxSize"/> pixels, stitched into one PNG (the tile range's extent, transparent outside the scene).
    /// </summary>
    public async Task<IResult> PreviewAsync(HttpContext context, ItemTileSet set, string layer, int maxSize, DynamicTileParameters parameters)
    {
        if (!LayerCatalog.TryGet(layer, out var entry))
        {
            return UnknownLayer(set, layer);
        }

        if (SourceKey(set, entry, parameters) is not { } source)
        {
            return TileProblems.NotFound($"Item '{set.ItemId}' has no COG to render a preview from.");
        }

        var (west, south, east, north) = set.Bounds;
        var (minX, minY) = WebMercatorQuad.LonLatToMeters(west, Math.Max(south, -WebMercatorQuad.MaxLatitude));
        var (maxX, maxY) = WebMercatorQuad.LonLatToMeters(east, Math.Min(north, WebMercatorQuad.MaxLatitude));
        await _renderSlots.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            using var lease = await pool.RentAsync(source, context.RequestAborted).ConfigureAwait(false);
            var zoom = lease.Grid.NativeZoom;
            var range = WebMercatorQuad.TileRange(minX, minY, maxX, maxY, zoom);
            while (zoom > 0 && Math.Max(range.MaxX - range.MinX + 1, range.MaxY - range.MinY + 1) * WebMercatorQuad.TileSize > maxSize)
            {
                range = WebMercatorQuad.TileRange(minX, minY, maxX, maxY, --zoom);
            }

            if (!TryRenderer(lease, set, entry, parameters, out var renderer, out var problem))
            {
                return problem;
            }

            const int size = WebMercatorQuad.TileSize;
            var columns = range.MaxX - range.MinX + 1;
            var rows = range.MaxY - range.MinY + 1;
            var image = new byte[columns * rows * TileBytes];
            var tile = new byte[TileBytes];
            for (var ty = 0; ty < rows; ty++)
            {
                for (var tx = 0; tx < columns; tx++)
                {
                    if (!renderer.Render(lease.Dataset, lease.Grid, new TileAddress(zoom, range.MinX + tx, range.MinY + ty), tile))
                    {
                        continue;
                    }

                    for (var line = 0; line < size; line++)
                    {
                        tile.AsSpan(line * size * 4, size * 4).CopyTo(image.AsSpan((((((ty * size) + line) * columns) + tx) * size) * 4));
                    }
                }
            }

            var output = new ArrayBufferWriter<byte>(256 * 1024);
            Png.Encode(image, columns * size, rows * size, output);
            context.Response.Headers.CacheControl = CacheControl;
            return TypedResults.Bytes(output.WrittenSpan.ToArray(), Png.MediaType);
        }
        finally
        {
            _renderSlots.Release();
        }
    }

    /// <summary>
    /// An image of a WGS 84 box of the item in Web Mercator (so the aspect is the box's in EPSG:3857): at the COG's native
    /// resolution, shrunk to <paramref name="maxSize"/> pixels along the longer side when larger; GDAL reads only the
    /// box's window from the overview that fits. Transparent where the scene has no pixel.
    /// </summary>
    public async Task<IResult> BboxAsync(
        HttpContext context, ItemTileSet set, string layer, (double West, double South, double East, double North) bbox, int maxSize,
        TileImageFormat format, DynamicTileParameters parameters)
    {
        if (!LayerCatalog.TryGet(layer, out var entry))
        {
            return UnknownLayer(set, layer);
        }

        if (SourceKey(set, entry, parameters) is not { } source)
        {
            return TileProblems.NotFound($"Item '{set.ItemId}' has no COG to render an image from.");
        }

        var (minX, minY) = WebMercatorQuad.LonLatToMeters(bbox.West, bbox.South);
        var (maxX, maxY) = WebMercatorQuad.LonLatToMeters(bbox.East, bbox.North);
        byte[] rgba;
        int width, height;
        await _renderSlots.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            using var lease = await pool.RentAsync(source, context.RequestAborted).ConfigureAwait(false);
            var dataset = lease.Dataset;
            if (BboxWindow(dataset, (minX, minY, maxX, maxY), maxSize, parameters.Resampling ?? ResampleAlgorithm.Bilinear) is not { } placed)
            {
                return TileProblems.NotFound($"The box does not overlap item '{set.ItemId}' (bounds {set.Bounds}).");
            }

            if (!TryRenderer(lease, set, entry, parameters, out var renderer, out var problem))
            {
                return problem;
            }

            (width, height) = (placed.Width, placed.Height);
            rgba = new byte[width * height * 4];
            renderer.Render(dataset, placed.Window with { Resampling = renderer.Recipe.Resampling }, width, height, rgba);
        }
        finally
        {
            _renderSlots.Release();
        }

        var encoder = Encoder(parameters.Format ?? format);
        var output = new ArrayBufferWriter<byte>(256 * 1024);
        encoder.Encode(rgba, width, height, output);
        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Bytes(output.WrittenSpan.ToArray(), encoder.MediaType);
    }

    /// <summary>
    /// The source window of a box in the raster's CRS units and where it lands in an image of the box: the box's native
    /// size in pixels, scaled down to <paramref name="maxSize"/> along the longer side; null when the box misses the raster.
    /// </summary>
    internal static (TileWindow Window, int Width, int Height)? BboxWindow(
        GdalDataset dataset, (double MinX, double MinY, double MaxX, double MaxY) box, int maxSize, ResampleAlgorithm resampling)
    {
        // Snaps source edges within a millionth of a pixel, so a box on pixel edges reads exactly those pixels.
        const double Snap = 1e-6;
        var gt = dataset.GeoTransform!.Value;
        var (px, py) = (gt.PixelWidth, -gt.PixelHeight);
        var (sx0, sx1) = ((box.MinX - gt.OriginX) / px, (box.MaxX - gt.OriginX) / px);
        var (sy0, sy1) = ((gt.OriginY - box.MaxY) / py, (gt.OriginY - box.MinY) / py);
        var (nativeWidth, nativeHeight) = (sx1 - sx0, sy1 - sy0);
        var scale = Math.Min(1.0, maxSize / Math.Max(nativeWidth, nativeHeight));
        var width = Math.Clamp((int)Math.Round(nativeWidth * scale), 1, maxSize);
        var height = Math.Clamp((int)Math.Round(nativeHeight * scale), 1, maxSize);

        var x0 = (int)Math.Floor(Math.Max(sx0, 0) + Snap);
        var y0 = (int)Math.Floor(Math.Max(sy0, 0) + Snap);
        var x1 = (int)Math.Ceiling(Math.Min(sx1, dataset.Width) - Snap);
        var y1 = (int)Math.Ceiling(Math.Min(sy1, dataset.Height) - Snap);
        if (x1 <= x0 || y1 <= y0)
        {
            return null;
        }

        var ox0 = Math.Clamp((int)Math.Round((x0 - sx0) * width / nativeWidth), 0, width - 1);
        var oy0 = Math.Clamp((int)Math.Round((y0 - sy0) * height / nativeHeight), 0, height - 1);
        var ox1 = Math.Clamp((int)Math.Round((x1 - sx0) * width / nativeWidth), ox0 + 1, width);
        var oy1 = Math.Clamp((int)Math.Round((y1 - sy0) * height / nativeHeight), oy0 + 1, height);
        return (new TileWindow(x0, y0, x1 - x0, y1 - y0, ox0, oy0, ox1 - ox0, oy1 - oy0, resampling), width, height);
    }

    /// <summary>
    /// The legend of a layer of the item as the tile route draws it with <paramref name="parameters"/> (colour map and
    /// range, class limits, or the scene's stretch of each band), as JSON or PNG.
    /// </summary>
    public async Task<IResult> LegendAsync(HttpContext context, ItemTileSet set, string layer, DynamicTileParameters parameters, bool png)
    {
        if (!LayerCatalog.TryGet(layer, out var entry))
        {
            return UnknownLayer(set, layer);
        }

        if (SourceKey(set, entry, parameters) is not { } source)
        {
            return TileProblems.NotFound($"Item '{set.ItemId}' has no COG to draw layers from.");
        }

        Legend legend;
        using (var lease = await pool.RentAsync(source, context.RequestAborted).ConfigureAwait(false))
        {
            if (!TryRenderer(lease, set, entry, parameters, out var renderer, out var problem))
            {
                return problem;
            }

            var dataset = lease.Dataset;
            legend = renderer.Recipe.ToLegend(b => dataset.GetBand(b).Description is { Length: > 0 } name ? $"band {b} ({name})" : $"band {b}");
        }

        return LegendDocument.Answer(context, legend, png, CacheControl, new System.Text.Json.Nodes.JsonObject
        {
            ["collection"] = set.Collection,
            ["item"] = set.ItemId,
            ["layer"] = layer,
        });
    }

    private static ITileEncoder Encoder(TileImageFormat format) => format.Name switch
    {
        "webp" => Webp,
        "jpeg" => Jpeg,
        _ => Png,
    };

    /// <summary>404 naming the layers an item can be drawn with.</summary>
    public static ProblemHttpResult UnknownLayer(ItemTileSet set, string layer) =>
        TileProblems.NotFound(
            $"Item '{set.ItemId}' has no layer '{layer}'; its layers: "
            + string.Join(", ", set.Layers.Select(l => l.Name).Concat(LayerCatalog.All.Select(l => l.Name)).Append("band-N").Distinct(StringComparer.Ordinal))
            + ".");

    /// <summary>The renderer of a request, or the 400 saying why the layer or parameters cannot be drawn from the item.</summary>
    private bool TryRenderer(
        CogDatasetPool.Lease lease, ItemTileSet set, LayerEntry entry, DynamicTileParameters parameters,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecipeRenderer? renderer,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        renderer = null;
        problem = null;
        try
        {
            renderer = Renderer(lease, set, entry, parameters);
            return true;
        }
        catch (ArgumentException ex)
        {
            problem = TileProblems.BadRequest(ParameterOf(ex.Message), ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            problem = TileProblems.BadRequest("layer", $"layer '{entry.Name}' cannot be drawn from '{set.ItemId}': {ex.Message}");
        }

        return false;
    }

    private RecipeRenderer Renderer(CogDatasetPool.Lease lease, ItemTileSet set, LayerEntry entry, DynamicTileParameters parameters)
    {
        // An item re-published with statistics over the same COG must not keep a renderer built from estimated cuts.
        var key = lease.Version + "|" + (set.Statistics.Count > 0 ? "stored" : "estimated") + "|" + entry.Name + "|" + parameters.CacheKey;
        if (_renderers.Count >= MaxRenderers)
        {
            _renderers.Clear();
        }

        // One request builds a renderer (without stored cuts the stretch reads the overviews); concurrent ones for the same key wait for it.
        var lazy = _renderers.GetOrAdd(key, _ => new Lazy<RecipeRenderer>(() =>
        {
            var recipe = Recipe(lease.Dataset, set, entry, parameters);
            recipe.Validate(lease.Dataset.BandCount);
            return new RecipeRenderer(recipe);
        }));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A bad request must not poison the key for later ones.
            _renderers.TryRemove(new KeyValuePair<string, Lazy<RecipeRenderer>>(key, lazy));
            throw;
        }
    }

    private static TileRecipe Recipe(GdalDataset dataset, ItemTileSet set, LayerEntry entry, DynamicTileParameters p)
    {
        var resampling = p.Resampling ?? ResampleAlgorithm.Bilinear;
        if (p.Bands is { } bands)
        {
            if (bands.Any(b => b > dataset.BandCount))
            {
                throw new ArgumentException($"bands: the COG of '{set.ItemId}' has bands 1 to {dataset.BandCount}");
            }

            var cuts = p.Rescale is null ? SceneStretch.Estimate(dataset, bands, set.Statistics) : null;
            return new TileRecipe
            {
                Bands = bands,
                Stretches = p.ColorMap is null ? Stretches(p.Rescale, cuts, bands.Count) : [],
                ColorMap = p.ColorMap,
                ColorRange = p.ColorMap is null ? null : p.Rescale?[0] ?? (cuts![0].Low, cuts[0].High),
                Resampling = resampling,
            };
        }

        if (p.Expression is { } expression)
        {
            var map = p.ColorMap ?? (entry.ColorMapName is { } name ? ColorMap.Get(name) : null);
            var range = p.Rescale?[0];
            return new TileRecipe
            {
                Expression = expression,
                ColorMap = map,
                ColorRange = map is null ? null : range,
                Stretches = map is null ? [new LinearStretch(range?.Min ?? -1, range?.Max ?? 1)] : [],
                Resampling = resampling,
            };
        }

        var recipe = SourceKey(set, entry, p) != set.CogKey ? entry.IndexRecipe(dataset, resampling) : entry.Recipe(dataset, set.Collection, resampling, set.Statistics);
        if (recipe.Expression is null)
        {
            if (p.ColorMap is not null)
            {
                return recipe with
                {
                    ColorMap = p.ColorMap,
                    ColorRange = p.Rescale?[0] ?? (recipe.Stretches[0].Low, recipe.Stretches[0].High),
                    Stretches = [],
                };
            }

            return p.Rescale is null ? recipe : recipe with { Stretches = Stretches(p.Rescale, null, recipe.Channels) };
        }

        return recipe with
        {
            ColorMap = p.ColorMap ?? recipe.ColorMap,
            ColorRange = p.Rescale?[0] ?? recipe.ColorRange,
            ClassBreaks = p.ColorMap is null ? recipe.ClassBreaks : null,
        };
    }

    /// <summary>
    /// The COG a request draws from: the item's index COG for an index layer drawn as registered (no <c>bands</c> or
    /// <c>expression</c>, which name the master's bands) when the item has that asset, else the master COG (DN).
    /// </summary>
    private static string? SourceKey(ItemTileSet set, LayerEntry entry, DynamicTileParameters p) =>
        p.Bands is null && p.Expression is null && entry.IndexAsset is { } asset && set.IndexKeys.TryGetValue(asset, out var key) ? key : set.CogKey;

    private static LinearStretch[] Stretches(IReadOnlyList<(double Min, double Max)>? rescale, IReadOnlyList<LinearStretch>? cuts, int channels)
    {
        if (rescale is null)
        {
            return [.. cuts!];
        }

        if (rescale.Count != 1 && rescale.Count != channels)
        {
            throw new ArgumentException($"rescale: give one range for all {channels} channels or one per channel, not {rescale.Count}");
        }

        return [.. Enumerable.Range(0, channels).Select(c => rescale[rescale.Count == 1 ? 0 : c]).Select(r => new LinearStretch(r.Min, r.Max))];
    }

    private static string ParameterOf(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < 12 ? message[..colon] : "parameters";
    }
}
