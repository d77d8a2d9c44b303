using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// Where an EPSG:3857 raster whose pixels are exactly WebMercatorQuad pixels of one zoom (a GoogleMapsCompatible COG)
/// sits on the tile grid.
/// </summary>
/// <param name="NativeZoom">The zoom whose resolution equals the pixel size.</param>
/// <param name="ColumnOffset">Global pixel column (at the native zoom, from the west edge of the world) of raster column 0.</param>
/// <param name="RowOffset">Global pixel row (from the north edge) of raster row 0.</param>
/// <param name="Width">Raster width.</param>
/// <param name="Height">Raster height.</param>
internal readonly record struct AlignedGrid(int NativeZoom, long ColumnOffset, long RowOffset, int Width, int Height)
{
    private const double PixelTolerance = 1e-3;

    /// <summary>The raster's EPSG:3857 extent.</summary>
    public (double MinX, double MinY, double MaxX, double MaxY) Extent
    {
        get
        {
            var res = WebMercatorQuad.Resolution(NativeZoom);
            var minX = (ColumnOffset * res) - WebMercatorQuad.OriginShift;
            var maxY = WebMercatorQuad.OriginShift - (RowOffset * res);
            return (minX, maxY - (Height * res), minX + (Width * res), maxY);
        }
    }

    /// <summary>Describes an aligned raster, or explains why it is not aligned.</summary>
    public static bool TryFrom(GdalDataset dataset, out AlignedGrid grid, out string reason)
    {
        grid = default;
        if (dataset.GeoTransform is not { } gt || gt == GeoTransform.Identity)
        {
            reason = "it has no georeferencing";
            return false;
        }

        using (var srs = dataset.GetSpatialReference())
        {
            if (srs is null)
            {
                reason = "it has no coordinate reference system";
                return false;
            }

            if (srs.Epsg != 3857)
            {
                using var mercator = SpatialReference.FromEpsg(3857);
                if (!srs.IsSame(mercator))
                {
                    reason = "it is not in EPSG:3857";
                    return false;
                }
            }
        }

        if (!gt.IsNorthUp || Math.Abs(gt.PixelWidth + gt.PixelHeight) > gt.PixelWidth * 1e-9)
        {
            reason = "its pixels are not square and north-up";
            return false;
        }

        var zoom = WebMercatorQuad.NativeZoom(gt.PixelWidth);
        var res = WebMercatorQuad.Resolution(zoom);
        if (Math.Abs(res - gt.PixelWidth) > res * 1e-6)
        {
            reason = $"its pixel size {gt.PixelWidth:G6} m is not a WebMercatorQuad resolution";
            return false;
        }

        var col = (gt.OriginX + WebMercatorQuad.OriginShift) / res;
        var row = (WebMercatorQuad.OriginShift - gt.OriginY) / res;
        if (Math.Abs(col - Math.Round(col)) > PixelTolerance || Math.Abs(row - Math.Round(row)) > PixelTolerance)
        {
            reason = "its origin is not on the WebMercatorQuad pixel grid";
            return false;
        }

        grid = new AlignedGrid(zoom, (long)Math.Round(col), (long)Math.Round(row), dataset.Width, dataset.Height);
        reason = string.Empty;
        return true;
    }

    /// <summary>The raster window covering a tile at any zoom and the part of the tile it fills; null when they do not overlap.</summary>
    public TileWindow? Window(TileAddress tile, ResampleAlgorithm resampling)
    {
        var scale = Math.Pow(2, NativeZoom - tile.Zoom); // native pixels per tile pixel
        var span = WebMercatorQuad.TileSize * scale;
        var wx0 = (tile.X * span) - ColumnOffset;
        var wy0 = (tile.Y * span) - RowOffset;
        var cx0 = Math.Max(wx0, 0);
        var cy0 = Math.Max(wy0, 0);
        var cx1 = Math.Min(wx0 + span, Width);
        var cy1 = Math.Min(wy0 + span, Height);
        if (cx1 <= cx0 || cy1 <= cy0)
        {
            return null;
        }

        var sx0 = (int)Math.Floor(cx0 + 1e-9);
        var sy0 = (int)Math.Floor(cy0 + 1e-9);
        var sx1 = (int)Math.Ceiling(cx1 - 1e-9);
        var sy1 = (int)Math.Ceiling(cy1 - 1e-9);
        var tx0 = Math.Clamp((int)Math.Round((sx0 - wx0) / scale), 0, WebMercatorQuad.TileSize - 1);
        var ty0 = Math.Clamp((int)Math.Round((sy0 - wy0) / scale), 0, WebMercatorQuad.TileSize - 1);
        var tx1 = Math.Clamp((int)Math.Round((sx1 - wx0) / scale), tx0 + 1, WebMercatorQuad.TileSize);
        var ty1 = Math.Clamp((int)Math.Round((sy1 - wy0) / scale), ty0 + 1, WebMercatorQuad.TileSize);
        return new TileWindow(sx0, sy0, sx1 - sx0, sy1 - sy0, tx0, ty0, tx1 - tx0, ty1 - ty0, resampling);
    }
}
