using System.Globalization;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Cog;

/// <summary>
/// The raster GDAL's COG driver lays out for <c>TILING_SCHEME=GoogleMapsCompatible</c>, <c>ZOOM_LEVEL</c> and
/// <c>ALIGNED_LEVELS</c>: the source's suggested EPSG:3857 extent snapped outwards to native-zoom tiles, then to
/// multiples of 2^(aligned levels − 1) tiles, so every overview block is an XYZ tile. Computed the driver's way
/// (same rounding) so that the driver, given a raster on exactly this grid, copies it without reprojecting.
/// </summary>
/// <param name="NativeZoom">Zoom of the full-resolution level.</param>
/// <param name="OverviewCount">Overview levels (native − minimum zoom, or 0 without overviews).</param>
/// <param name="AlignedLevels">The driver's effective <c>ALIGNED_LEVELS</c>.</param>
/// <param name="Padded">The tiles of the whole raster at the native zoom (its pixel grid).</param>
/// <param name="Data">The native-zoom tiles the source's extent touches (the only ones that can hold data).</param>
internal readonly record struct CogLayout(int NativeZoom, int OverviewCount, int AlignedLevels, TileBlock Padded, TileBlock Data)
{
    private const int MaxAlignedLevels = 10;

    /// <summary>Width of the full-resolution level, pixels.</summary>
    public int Width => Padded.Width * WebMercatorQuad.TileSize;

    /// <summary>Height of the full-resolution level, pixels.</summary>
    public int Height => Padded.Height * WebMercatorQuad.TileSize;

    /// <summary>Whether every overview level is aligned (its blocks are XYZ tiles), which the tile route needs.</summary>
    public bool OverviewsAligned => OverviewCount <= AlignedLevels - 1 || OverviewCount == 0;

    /// <summary>The <c>ALIGNED_LEVELS</c> option today's COG options pass for <paramref name="grid"/>.</summary>
    public static int AlignedLevelsOption(CogGrid grid) => Math.Min(grid.OverviewCount + 1, MaxAlignedLevels);

    /// <summary>The layout of <paramref name="source"/> (a georeferenced raster) on <paramref name="grid"/>.</summary>
    public static CogLayout Of(GdalDataset source, CogGrid grid, bool overviews, CancellationToken cancellationToken)
    {
        var (minX, minY, maxX, maxY) = SuggestedMercatorExtent(source, cancellationToken);
        var zoom = grid.NativeZoom;
        var tile = WebMercatorQuad.TileSpan(zoom);
        var origin = WebMercatorQuad.OriginShift;
        var left = (int)Math.Floor(((minX + origin) / tile) + 1e-10);
        var top = (int)Math.Floor(((origin - maxY) / tile) + 1e-10);
        var right = (int)Math.Ceiling(((maxX + origin) / tile) - 1e-10);
        var bottom = (int)Math.Ceiling(((origin - minY) / tile) - 1e-10);
        var aligned = Math.Min(AlignedLevelsOption(grid), zoom);
        var divisor = 1 << Math.Max(0, aligned - 1);
        var matrix = 1 << zoom;
        var data = Clamp(zoom, left, top, right, bottom, matrix);
        left = left / divisor * divisor;
        top = top / divisor * divisor;
        right = (right + divisor - 1) / divisor * divisor;
        bottom = (bottom + divisor - 1) / divisor * divisor;
        return new CogLayout(zoom, overviews ? grid.OverviewCount : 0, aligned, Clamp(zoom, left, top, right, bottom, matrix), data);
    }

    /// <summary>The padded raster's extent in EPSG:3857 metres (west, south, east, north).</summary>
    public (double West, double South, double East, double North) Extent()
    {
        var span = WebMercatorQuad.TileSpan(NativeZoom);
        var origin = WebMercatorQuad.OriginShift;
        return ((Padded.MinX * span) - origin, origin - ((Padded.MaxY + 1) * span), ((Padded.MaxX + 1) * span) - origin, origin - (Padded.MinY * span));
    }

    /// <summary>The tiles that can hold data at <paramref name="zoom"/> (between the minimum and the native zoom).</summary>
    public TileBlock DataAt(int zoom)
    {
        var shift = NativeZoom - zoom;
        return new TileBlock(zoom, Data.MinX >> shift, Data.MinY >> shift, Data.MaxX >> shift, Data.MaxY >> shift);
    }

    /// <summary>Pixel offset of <paramref name="tile"/>'s block in its level of the raster.</summary>
    public (int X, int Y) BlockOffset(TileAddress tile)
    {
        var shift = NativeZoom - tile.Zoom;
        return ((tile.X - (Padded.MinX >> shift)) * WebMercatorQuad.TileSize, (tile.Y - (Padded.MinY >> shift)) * WebMercatorQuad.TileSize);
    }

    private static TileBlock Clamp(int zoom, int left, int top, int right, int bottom, int matrix) =>
        new(zoom, Math.Max(0, left), Math.Max(0, top), Math.Min(matrix, right) - 1, Math.Min(matrix, bottom) - 1);

    /// <summary>GDAL's suggested warp extent of the source in EPSG:3857 (what the COG driver snaps to the grid).</summary>
    private static (double MinX, double MinY, double MaxX, double MaxY) SuggestedMercatorExtent(GdalDataset source, CancellationToken cancellationToken)
    {
        using var scope = new VsiMemScope();
        using var warped = GdalUtilities.Warp(scope.GetPath("suggested.vrt"), [source], ["-of", "VRT", "-t_srs", WebMercatorQuad.Crs], null, cancellationToken);
        var gt = warped.GeoTransform ?? throw new GdalException("The suggested EPSG:3857 warp has no geotransform.");
        var maxX = gt.OriginX + (warped.Width * gt.PixelWidth);
        var minY = gt.OriginY + (warped.Height * gt.PixelHeight);
        return (gt.OriginX, minY, maxX, gt.OriginY);
    }

    /// <summary>Formats a coordinate the way GDAL's command lines take it.</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
