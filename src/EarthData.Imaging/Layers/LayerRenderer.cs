using System.Buffers;
using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Imaging.Pyramid;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>
/// A <see cref="LayerDefinition"/> resolved against one raster: the explicit band numbers, the contrast stretch (stored
/// with the scene, else estimated from the raster), and where transparency comes from (the GDAL mask band, or band 4/2 as alpha for a raw
/// RGBA/grey-alpha input, as <c>gdal2tiles.py</c> does).
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="Render"/> takes the caller's own dataset (one per thread).</remarks>
public sealed class LayerRenderer
{
    private const int Pixels = TileDownsampler.TileSize * TileDownsampler.TileSize;
    private const int Row = TileDownsampler.TileSize;

    private readonly int[] _bands;
    private readonly LinearStretch[] _stretches;

    private LayerRenderer(LayerDefinition definition, int[] bands, int alphaBand, LinearStretch[] stretches, GdalDataType dataType)
    {
        Definition = definition;
        _bands = bands;
        AlphaBand = alphaBand;
        _stretches = stretches;
        DataType = dataType;
    }

    /// <summary>The layer.</summary>
    public LayerDefinition Definition { get; }

    /// <summary>The 1-based bands drawn as red, green, blue (one band for grey).</summary>
    public IReadOnlyList<int> Bands => _bands;

    /// <summary>The band used as alpha, or 0 when the GDAL mask band of the first drawn band is used.</summary>
    public int AlphaBand { get; }

    /// <summary>The per-band stretches (same order as <see cref="Bands"/>); empty for raw.</summary>
    public IReadOnlyList<LinearStretch> Stretches => _stretches;

    /// <summary>The data type of the drawn bands.</summary>
    public GdalDataType DataType { get; }

    /// <summary>The bands this layer reads, ascending: the drawn bands and the alpha band when there is one.</summary>
    public IReadOnlyList<int> ReadBands => [.. _bands.Append(AlphaBand).Where(b => b > 0).Distinct().Order()];

    /// <summary>
    /// The same layer (bands, stretches) for a raster holding only <paramref name="kept"/> of the original bands, in
    /// that order: band <c>kept[i]</c> becomes band <c>i + 1</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A band the layer reads is not kept.</exception>
    public LayerRenderer Remapped(IReadOnlyList<int> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        int Map(int band)
        {
            for (var i = 0; i < kept.Count; i++)
            {
                if (kept[i] == band)
                {
                    return i + 1;
                }
            }

            throw new ArgumentException($"band {band}, which the layer reads, is not among the kept bands {string.Join(",", kept)}", nameof(kept));
        }

        return new LayerRenderer(Definition, [.. _bands.Select(Map)], AlphaBand > 0 ? Map(AlphaBand) : 0, _stretches, DataType);
    }

    /// <summary>
    /// Resolves a layer against a raster: picks bands and takes the stretch from the scene's stored statistics — the
    /// cuts <see cref="SceneStatistics"/> computed once when the scene was processed, so every tile of the scene gets
    /// the same — or, when they are missing (items published before statistics were stored, rasters outside the
    /// pipeline) or were cut at other percentiles than the layer's, estimates it from a low-resolution read.
    /// </summary>
    /// <param name="dataset">The raster (usually the aligned COG); only used during this call.</param>
    /// <param name="definition">The layer.</param>
    /// <param name="collectionId">The CBERS collection when known, for band names.</param>
    /// <param name="statistics">The stored statistics of the raster's bands (index = band number − 1), or null.</param>
    /// <exception cref="InvalidOperationException">A band is missing or raw is asked of a non-Byte raster.</exception>
    public static LayerRenderer Create(GdalDataset dataset, LayerDefinition definition, string? collectionId = null,
        IReadOnlyList<RasterBandStatistics?>? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        var count = dataset.BandCount;
        if (count == 0)
        {
            throw new InvalidOperationException($"'{dataset.Path}' has no raster bands.");
        }

        int[] bands;
        var alpha = 0;
        switch (definition.Kind)
        {
            case LayerKind.Raw:
                bands = count >= 3 ? [1, 2, 3] : [1];
                // gdal2tiles.py: 2 bands = grey + alpha, 4 bands = RGB + alpha (whatever the colour interpretation).
                alpha = count is 2 or 4 ? count : 0;
                break;
            case LayerKind.Band:
                if (definition.BandNumber > count)
                {
                    throw new InvalidOperationException($"band:{definition.BandNumber}: '{dataset.Path}' has bands 1 to {count}.");
                }

                bands = [definition.BandNumber];
                break;
            case LayerKind.TrueColor:
                bands = [Find(dataset, "red", collectionId), Find(dataset, "green", collectionId), Find(dataset, "blue", collectionId)];
                break;
            case LayerKind.FalseColor:
                bands = [Find(dataset, "nir", collectionId), Find(dataset, "red", collectionId), Find(dataset, "green", collectionId)];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "Unknown layer kind.");
        }

        var type = dataset.GetBand(bands[0]).DataType;
        foreach (var b in bands)
        {
            var t = dataset.GetBand(b).DataType;
            if (t != type)
            {
                throw new InvalidOperationException($"'{dataset.Path}': bands {string.Join(",", bands)} mix data types {type} and {t}.");
            }
        }

        if (type is not (GdalDataType.Byte or GdalDataType.Int16 or GdalDataType.UInt16 or GdalDataType.Float32
            or GdalDataType.Int32 or GdalDataType.UInt32 or GdalDataType.Float64))
        {
            throw new InvalidOperationException($"'{dataset.Path}': data type {type} is not supported (Byte, Int16, UInt16, Int32, UInt32, Float32, Float64).");
        }

        if (definition.Kind == LayerKind.Raw)
        {
            if (type != GdalDataType.Byte)
            {
                throw new InvalidOperationException(
                    $"'{dataset.Path}': --layer raw draws bands as stored and needs Byte data, not {type}; use true-color, false-color or band:N.");
            }

            return new LayerRenderer(definition, bands, alpha, [], type);
        }

        var stretches = StoredStretch.TryResolve(statistics, bands, definition) ?? StretchEstimator.Estimate(dataset, bands, definition);
        return new LayerRenderer(definition, bands, alpha, stretches, type);
    }

    /// <summary>
    /// Renders a window into a 256×256 RGBA tile (straight alpha). Pixels outside the window's tile rectangle are
    /// transparent. Returns false when no pixel is visible.
    /// </summary>
    /// <param name="dataset">The caller's own open dataset of the same raster (never shared between threads).</param>
    /// <param name="window">Source window and target rectangle.</param>
    /// <param name="rgba">The tile, <see cref="TileDownsampler.TileBytes"/> long; fully overwritten.</param>
    public bool Render(GdalDataset dataset, in TileWindow window, Span<byte> rgba)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (rgba.Length != TileDownsampler.TileBytes)
        {
            throw new ArgumentException($"A tile is {TileDownsampler.TileBytes} bytes, got {rgba.Length}.", nameof(rgba));
        }

        rgba.Clear();
        var offset = ((window.TileY * Row) + window.TileX) * 4;
        var target = rgba[offset..];
        if (_stretches.Length == 0)
        {
            RenderRaw(dataset, window, target);
        }
        else
        {
            RenderStretched(dataset, window, rgba);
        }

        ReadAlpha(dataset, window, target);
        return !RgbaComposer.IsFullyTransparent(rgba);
    }

    private static int Find(GdalDataset dataset, string name, string? collectionId) => BandCommonNames.Find(dataset, name, collectionId);

    private void RenderRaw(GdalDataset dataset, in TileWindow w, Span<byte> target)
    {
        if (_bands.Length == 3)
        {
            dataset.Read(w.X, w.Y, w.Width, w.Height, target, w.TileWidth, w.TileHeight, _bands, 4, Row * 4, 1, w.Resampling);
            return;
        }

        dataset.GetBand(_bands[0]).Read(w.X, w.Y, w.Width, w.Height, target, w.TileWidth, w.TileHeight, 4, Row * 4, w.Resampling);
        for (var y = 0; y < w.TileHeight; y++)
        {
            var line = target.Slice(y * Row * 4, w.TileWidth * 4);
            for (var i = 0; i < line.Length; i += 4)
            {
                line[i + 1] = line[i];
                line[i + 2] = line[i];
            }
        }
    }

    private void ReadAlpha(GdalDataset dataset, in TileWindow w, Span<byte> target)
    {
        var alphaTarget = target[3..];
        // Alpha and masks are read with nearest neighbour when upsampling and averaged when reducing, so edges stay crisp.
        var resampling = w.Width < w.TileWidth ? ResampleAlgorithm.NearestNeighbour : w.Resampling;
        var band = AlphaBand > 0 ? dataset.GetBand(AlphaBand) : dataset.GetBand(_bands[0]).GetMaskBand();
        band.Read(w.X, w.Y, w.Width, w.Height, alphaTarget, w.TileWidth, w.TileHeight, 4, Row * 4, resampling);
        if (AlphaBand == 0)
        {
            IntersectOwnMasks(dataset, w, alphaTarget, resampling);
        }
    }

    /// <summary>
    /// Bands with masks of their own (per-band nodata) may cover less than the first band — the staggered detector
    /// footprints of CBERS-4A WPM — so a pixel is only as opaque as the least valid band the layer draws.
    /// </summary>
    private void IntersectOwnMasks(GdalDataset dataset, in TileWindow w, Span<byte> alphaTarget, ResampleAlgorithm resampling)
    {
        byte[]? scratch = null;
        try
        {
            for (var i = 1; i < _bands.Length; i++)
            {
                var band = dataset.GetBand(_bands[i]);
                if ((band.MaskFlags & (MaskFlags.PerDataset | MaskFlags.AllValid)) != 0)
                {
                    continue;
                }

                scratch ??= ArrayPool<byte>.Shared.Rent(Pixels);
                band.GetMaskBand().Read(w.X, w.Y, w.Width, w.Height, scratch.AsSpan(0, Pixels), w.TileWidth, w.TileHeight, 1, Row, resampling);
                for (var y = 0; y < w.TileHeight; y++)
                {
                    for (var x = 0; x < w.TileWidth; x++)
                    {
                        ref var alpha = ref alphaTarget[((y * Row) + x) * 4];
                        alpha = Math.Min(alpha, scratch[(y * Row) + x]);
                    }
                }
            }
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    private void RenderStretched(GdalDataset dataset, in TileWindow w, Span<byte> rgba)
    {
        var planes = ArrayPool<byte>.Shared.Rent(Pixels * 3);
        var samples = ArrayPool<float>.Shared.Rent(Pixels);
        try
        {
            var red = planes.AsSpan(0, Pixels);
            var green = planes.AsSpan(Pixels, Pixels);
            var blue = planes.AsSpan(2 * Pixels, Pixels);
            for (var i = 0; i < _bands.Length; i++)
            {
                var plane = planes.AsSpan(i * Pixels, Pixels);
                ReadStretched(dataset.GetBand(_bands[i]), w, _stretches[i], samples.AsSpan(0, Pixels), plane);
            }

            if (_bands.Length == 1)
            {
                RgbaComposer.Compose(red, ReadOnlySpan<byte>.Empty, rgba);
            }
            else
            {
                RgbaComposer.Compose(red, green, blue, ReadOnlySpan<byte>.Empty, rgba);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(samples);
            ArrayPool<byte>.Shared.Return(planes);
        }
    }

    private void ReadStretched(GdalBand band, in TileWindow w, LinearStretch stretch, Span<float> samples, Span<byte> plane)
    {
        var start = (w.TileY * Row) + w.TileX;
        if (DataType == GdalDataType.Byte)
        {
            var bytes = plane;
            band.Read(w.X, w.Y, w.Width, w.Height, bytes[start..], w.TileWidth, w.TileHeight, 1, Row, w.Resampling);
            stretch.Apply(bytes, bytes);
            return;
        }

        if (DataType == GdalDataType.Int16)
        {
            var shorts = System.Runtime.InteropServices.MemoryMarshal.Cast<float, short>(samples)[..Pixels];
            shorts.Clear();
            band.Read(w.X, w.Y, w.Width, w.Height, shorts[start..], w.TileWidth, w.TileHeight, 2, Row * 2, w.Resampling);
            stretch.Apply(shorts, plane);
            return;
        }

        if (DataType == GdalDataType.UInt16)
        {
            var ushorts = System.Runtime.InteropServices.MemoryMarshal.Cast<float, ushort>(samples)[..Pixels];
            ushorts.Clear();
            band.Read(w.X, w.Y, w.Width, w.Height, ushorts[start..], w.TileWidth, w.TileHeight, 2, Row * 2, w.Resampling);
            stretch.Apply(ushorts, plane);
            return;
        }

        samples.Clear();
        band.Read(w.X, w.Y, w.Width, w.Height, samples[start..], w.TileWidth, w.TileHeight, 4, Row * 4, w.Resampling);
        stretch.Apply(samples, plane);
    }
}
