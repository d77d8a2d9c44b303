using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Pyramid;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Where a GoogleMapsCompatible COG (EPSG:3857, pixels of one WebMercatorQuad zoom on the tile grid) sits on the tile
/// grid, so any XYZ tile maps to one source window: at the native zoom exactly one COG block, coarser zooms read the
/// overviews (GDAL picks them), finer zooms upsample.
/// </summary>
/// <remarks>Immutable; describe a dataset once and reuse it with every dataset opened on the same file.</remarks>
public sealed class CogTileGrid
{
    private readonly AlignedGrid _grid;

    private CogTileGrid(AlignedGrid grid) => _grid = grid;

    /// <summary>The zoom whose resolution is the COG's pixel size.</summary>
    public int NativeZoom => _grid.NativeZoom;

    /// <summary>Describes an aligned COG.</summary>
    /// <exception cref="InvalidOperationException">The raster is not on the WebMercatorQuad grid; the message says why.</exception>
    public static CogTileGrid From(GdalDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return AlignedGrid.TryFrom(dataset, out var grid, out var reason)
            ? new CogTileGrid(grid)
            : throw new InvalidOperationException($"'{dataset.Path}' is not a GoogleMapsCompatible COG: {reason}.");
    }

    /// <summary>The source window of <paramref name="tile"/> and the part of the tile it fills; null when the tile misses the raster.</summary>
    public TileWindow? Window(TileAddress tile, ResampleAlgorithm resampling) => _grid.Window(tile, resampling);
}
