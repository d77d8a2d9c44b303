using System.Buffers;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Renders XYZ tiles of a GoogleMapsCompatible COG from a <see cref="TileRecipe"/>: reads only the window of the tile
/// (one COG block at the native zoom) of only the bands the recipe uses, as floats, evaluates the expression, stretches
/// or colours, and takes transparency from the GDAL mask (nodata) and from undefined values (NaN, ±∞).
/// </summary>
/// <remarks>Immutable and thread-safe; <c>Render</c> takes the caller's own dataset (one per thread).</remarks>
public sealed class RecipeRenderer
{
    private const int Row = WebMercatorQuad.TileSize;
    private const int Pixels = Row * Row;

    private readonly TileRecipe _recipe;
    private readonly int[] _readBands;

    /// <summary>Creates a renderer; the recipe must be valid for the raster it will read.</summary>
    public RecipeRenderer(TileRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        _recipe = recipe;
        _readBands = recipe.Expression is { } expression ? [.. expression.Bands] : [.. recipe.Bands.Distinct().Order()];
    }

    /// <summary>The recipe.</summary>
    public TileRecipe Recipe => _recipe;

    /// <summary>Renders a tile into 256×256 RGBA (straight alpha); returns false when no pixel is visible.</summary>
    /// <param name="dataset">The caller's own open dataset of the COG.</param>
    /// <param name="grid">The COG's grid.</param>
    /// <param name="tile">The tile.</param>
    /// <param name="rgba">Receives the tile, <c>256 × 256 × 4</c> bytes; fully overwritten.</param>
    public bool Render(GdalDataset dataset, CogTileGrid grid, TileAddress tile, Span<byte> rgba)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(grid);
        if (rgba.Length != Pixels * 4)
        {
            throw new ArgumentException($"A tile is {Pixels * 4} bytes, got {rgba.Length}.", nameof(rgba));
        }

        if (grid.Window(tile, _recipe.Resampling) is not { } window)
        {
            rgba.Clear();
            return false;
        }

        return Render(dataset, window, Row, Row, rgba);
    }

    /// <summary>
    /// Renders a source window into an image of <paramref name="width"/> × <paramref name="height"/> RGBA (straight
    /// alpha); the window's tile rectangle is where it lands in the image, the rest stays transparent. GDAL reads the
    /// window from the overview that fits the output size. Returns false when no pixel is visible.
    /// </summary>
    /// <param name="dataset">The caller's own open dataset of the raster.</param>
    /// <param name="window">The source window and the rectangle of the image it fills.</param>
    /// <param name="width">Image width.</param>
    /// <param name="height">Image height.</param>
    /// <param name="rgba">Receives the image, <c>width × height × 4</c> bytes; fully overwritten.</param>
    public bool Render(GdalDataset dataset, TileWindow window, int width, int height, Span<byte> rgba)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var pixels = width * height;
        if (rgba.Length != pixels * 4)
        {
            throw new ArgumentException($"A {width}×{height} image is {pixels * 4} bytes, got {rgba.Length}.", nameof(rgba));
        }

        if (window.TileX < 0 || window.TileY < 0 || window.TileX + window.TileWidth > width || window.TileY + window.TileHeight > height)
        {
            throw new ArgumentException($"The window's rectangle does not fit a {width}×{height} image.", nameof(window));
        }

        rgba.Clear();
        var maxBand = _readBands[^1];
        var planes = new float[]?[maxBand];
        var alpha = ArrayPool<byte>.Shared.Rent(pixels);
        var values = ArrayPool<float>.Shared.Rent(pixels);
        var bytes = ArrayPool<byte>.Shared.Rent(pixels * 3);
        try
        {
            var start = (window.TileY * width) + window.TileX;
            foreach (var band in _readBands)
            {
                var plane = ArrayPool<float>.Shared.Rent(pixels);
                planes[band - 1] = plane;
                dataset.GetBand(band).Read(window.X, window.Y, window.Width, window.Height, plane.AsSpan(start, pixels - start),
                    window.TileWidth, window.TileHeight, sizeof(float), width * sizeof(float), window.Resampling);
            }

            var a = alpha.AsSpan(0, pixels);
            a.Clear();
            // The mask is read nearest-neighbour when upsampling, so edges stay crisp.
            var maskResampling = window.Width < window.TileWidth ? ResampleAlgorithm.NearestNeighbour : window.Resampling;
            dataset.GetBand(_readBands[0]).GetMaskBand().Read(window.X, window.Y, window.Width, window.Height, a[start..],
                window.TileWidth, window.TileHeight, 1, width, maskResampling);

            var channels = new float[_recipe.Channels][];
            if (_recipe.Expression is { } expression)
            {
                expression.Evaluate(planes, values.AsSpan(0, pixels));
                channels[0] = values;
            }
            else
            {
                for (var c = 0; c < channels.Length; c++)
                {
                    channels[c] = planes[_recipe.Bands[c] - 1]!;
                }
            }

            foreach (var channel in channels)
            {
                HideUndefined(channel.AsSpan(0, pixels), a);
            }

            if (_recipe.ColorMap is { } map)
            {
                Colour(channels[0].AsSpan(0, pixels), map, a, rgba);
            }
            else
            {
                for (var c = 0; c < channels.Length; c++)
                {
                    _recipe.Stretches[c].Apply(channels[c].AsSpan(0, pixels), bytes.AsSpan(c * pixels, pixels));
                }

                if (channels.Length == 1)
                {
                    RgbaComposer.Compose(bytes.AsSpan(0, pixels), a, rgba);
                }
                else
                {
                    RgbaComposer.Compose(bytes.AsSpan(0, pixels), bytes.AsSpan(pixels, pixels), bytes.AsSpan(2 * pixels, pixels), a, rgba);
                }
            }

            return !RgbaComposer.IsFullyTransparent(rgba);
        }
        finally
        {
            foreach (var plane in planes)
            {
                if (plane is not null)
                {
                    ArrayPool<float>.Shared.Return(plane);
                }
            }

            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<float>.Shared.Return(values);
            ArrayPool<byte>.Shared.Return(alpha);
        }
    }

    private static void HideUndefined(ReadOnlySpan<float> values, Span<byte> alpha)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                alpha[i] = 0;
            }
        }
    }

    private void Colour(Span<float> values, ColorMap map, ReadOnlySpan<byte> alpha, Span<byte> rgba)
    {
        if (_recipe.ClassBreaks is { } breaks)
        {
            foreach (ref var v in values)
            {
                var k = 0;
                while (k < breaks.Count && v >= breaks[k])
                {
                    k++;
                }

                v = k;
            }
        }
        else if (_recipe.ColorRange is { } range)
        {
            var scale = (float)((map.Max - map.Min) / (range.Max - range.Min));
            var (offset, min) = ((float)range.Min, (float)map.Min);
            foreach (ref var v in values)
            {
                v = min + ((v - offset) * scale);
            }
        }

        map.Apply(values, rgba);
        for (var i = 0; i < alpha.Length; i++)
        {
            if (alpha[i] == 0)
            {
                rgba.Slice(i * 4, 4).Clear();
            }
            else if (alpha[i] < rgba[(i * 4) + 3])
            {
                rgba[(i * 4) + 3] = alpha[i];
            }
        }
    }
}
