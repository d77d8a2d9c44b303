using EarthData.Core.Tiling;
using EarthData.Gdal;

namespace EarthData.EndToEnd.Tests;

/// <summary>
/// Where <c>gdal2tiles.py</c> (GDAL 3.6) really reads each base tile of a raster that is not in EPSG:3857. It warps
/// the raster through <c>AutoCreateWarpedVRT</c> (GDAL's suggested output grid, not the tile grid) and its
/// <c>geo_query</c> truncates every tile's window origin to whole VRT pixels (<c>rx = int(x + 0.001)</c>), so each tile's
/// content starts up to one VRT pixel west and north of the tile's true corner and is displayed shifted east and south by
/// that fraction. This model predicts the displacement per tile from the same grid, so a comparison can undo it.
/// </summary>
internal sealed class Gdal2TilesWindowModel
{
    private readonly GeoTransform _vrt;
    private readonly int _width;
    private readonly int _height;

    private Gdal2TilesWindowModel(GeoTransform vrt, int width, int height)
    {
        _vrt = vrt;
        _width = width;
        _height = height;
    }

    /// <summary>The VRT pixel size in EPSG:3857 metres.</summary>
    public double VrtPixelSize => _vrt.PixelWidth;

    /// <summary>The warped grid gdal2tiles reads <paramref name="rasterPath"/> through (GDALSuggestedWarpOutput to EPSG:3857).</summary>
    public static Gdal2TilesWindowModel For(string rasterPath)
    {
        using var source = GdalDataset.Open(rasterPath);
        using var warped = GdalUtilities.Warp(string.Empty, [source], ["-of", "VRT", "-t_srs", WebMercatorQuad.Crs]);
        return new Gdal2TilesWindowModel(warped.GeoTransform!.Value, warped.Width, warped.Height);
    }

    /// <summary>
    /// The displacement (tile pixels east, south) of gdal2tiles' content in <paramref name="tile"/>; null where its window
    /// is clipped at the raster edge (geo_query then rescales the window and the model does not apply).
    /// </summary>
    public (double X, double Y)? Offset(TileAddress tile)
    {
        var res = WebMercatorQuad.Resolution(tile.Zoom);
        var span = WebMercatorQuad.TileSize * res;
        var ulx = (tile.X * span) - WebMercatorQuad.OriginShift;
        var uly = WebMercatorQuad.OriginShift - (tile.Y * span);
        var px = (ulx - _vrt.OriginX) / _vrt.PixelWidth;
        var py = (uly - _vrt.OriginY) / _vrt.PixelHeight;
        var size = span / _vrt.PixelWidth;
        if (px < 0 || py < 0 || px + size > _width || py + size > _height)
        {
            return null;
        }

        // Python's int() truncates towards zero; both are non-negative here, so that is floor.
        var fx = px - Math.Floor(px + 0.001);
        var fy = py - Math.Floor(py + 0.001);
        return (fx * _vrt.PixelWidth / res, fy * _vrt.PixelWidth / res);
    }
}
