using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// Builds an XYZ tile pyramid (WebMercatorQuad, 256 px, <c>{z}/{x}/{y}</c> with y from the north) from a raster aligned
/// to the tile grid (a GoogleMapsCompatible COG, see <see cref="AlignedCogSource"/>).
/// </summary>
/// <remarks>
/// <para>Native-zoom tiles are read as exactly one aligned 256×256 window each (clipped at the raster edge; outside is
/// transparent); zooms above native are read with upsampling; coarser zooms are reduced from their four children with
/// <see cref="TileDownsampler"/>. When the finest zoom asked for is coarser than native, its tiles are read with a
/// resampled read (GDAL uses the COG's overviews).</para>
/// <para>Work is split into subtrees rooted at the coarsest zoom with at least 4 tiles per worker; each worker opens its
/// own dataset and walks its subtrees depth-first, holding at most four child tiles per level, so memory does not grow
/// with the scene. Fully transparent tiles are not written.</para>
/// </remarks>
public static class PyramidBuilder
{
    /// <summary>Builds the pyramid of <paramref name="layer"/> from an aligned raster.</summary>
    /// <param name="rasterPath">A GoogleMapsCompatible-aligned EPSG:3857 raster (COG).</param>
    /// <param name="layer">What to draw.</param>
    /// <param name="options">Zooms, resampling, encoder, threads.</param>
    /// <param name="sink">Receives the tiles (called from several threads).</param>
    /// <param name="progress">Receives monotonic progress in [0, 1] (from worker threads).</param>
    /// <param name="cancellationToken">Stops the run; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <exception cref="InvalidOperationException">The raster is not aligned, or the layer does not fit it.</exception>
    /// <exception cref="GdalException">The raster cannot be read.</exception>
    public static PyramidResult Build(string rasterPath, LayerDefinition layer, PyramidOptions options, ITileSink sink,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layer);
        LayerRenderer renderer;
        using (var dataset = GdalDataset.Open(rasterPath))
        {
            renderer = LayerRenderer.Create(dataset, layer);
        }

        return Build(rasterPath, renderer, options, sink, progress, cancellationToken);
    }

    /// <summary>Builds the pyramid with an already resolved layer (bands and stretch fixed, e.g. shared by several runs).</summary>
    /// <param name="rasterPath">A GoogleMapsCompatible-aligned EPSG:3857 raster (COG).</param>
    /// <param name="renderer">The resolved layer.</param>
    /// <param name="options">Zooms, resampling, encoder, threads.</param>
    /// <param name="sink">Receives the tiles (called from several threads).</param>
    /// <param name="progress">Receives monotonic progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static PyramidResult Build(string rasterPath, LayerRenderer renderer, PyramidOptions options, ITileSink sink,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rasterPath);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Threads, nameof(options));
        cancellationToken.ThrowIfCancellationRequested();
        var grid = DescribeGrid(rasterPath);
        var (min, max) = ResolveZoomRange(grid, options.MinZoom, options.MaxZoom);
        var run = new PyramidRun(rasterPath, grid, renderer, options, sink, min, max, progress, cancellationToken);
        return run.Execute();
    }

    /// <summary>The zoom range a run would build: the defaults filled in and checked.</summary>
    /// <param name="rasterPath">An aligned raster.</param>
    /// <param name="minZoom">Coarsest zoom or null for the ~one-tile zoom.</param>
    /// <param name="maxZoom">Finest zoom or null for native.</param>
    /// <returns>The range and the native zoom.</returns>
    public static (int MinZoom, int MaxZoom, int NativeZoom) ResolveZoomRange(string rasterPath, int? minZoom, int? maxZoom)
    {
        var grid = DescribeGrid(rasterPath);
        var (min, max) = ResolveZoomRange(grid, minZoom, maxZoom);
        return (min, max, grid.NativeZoom);
    }

    internal static AlignedGrid DescribeGrid(string rasterPath)
    {
        using var dataset = GdalDataset.Open(rasterPath);
        return AlignedGrid.TryFrom(dataset, out var grid, out var reason)
            ? grid
            : throw new InvalidOperationException($"'{rasterPath}' is not aligned to the WebMercatorQuad grid: {reason}.");
    }

    private static (int Min, int Max) ResolveZoomRange(AlignedGrid grid, int? minZoom, int? maxZoom)
    {
        foreach (var z in new[] { minZoom, maxZoom })
        {
            if (z is { } value && (uint)value > TileAddress.MaxZoom)
            {
                throw new ArgumentOutOfRangeException(nameof(minZoom), value, $"Zoom levels go from 0 to {TileAddress.MaxZoom}.");
            }
        }

        var max = maxZoom ?? grid.NativeZoom;
        var (x0, y0, x1, y1) = grid.Extent;
        var min = minZoom ?? Math.Min(WebMercatorQuad.MinZoomFor(x0, y0, x1, y1), max);
        if (min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(minZoom), $"Zoom range {min}-{max}: min > max.");
        }

        return (min, max);
    }

    internal static ResampleAlgorithm ToGdal(PyramidResampling resampling) => resampling switch
    {
        PyramidResampling.Near => ResampleAlgorithm.NearestNeighbour,
        PyramidResampling.Bilinear => ResampleAlgorithm.Bilinear,
        PyramidResampling.Cubic => ResampleAlgorithm.Cubic,
        PyramidResampling.Mode => ResampleAlgorithm.Mode,
        _ => ResampleAlgorithm.Average,
    };
}
