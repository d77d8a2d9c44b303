using EarthData.Gdal;
using EarthData.Testing;

namespace EarthData.Imaging.Tests.Cog;

/// <summary>Checks on written COGs: GDAL's validator, the WebMercatorQuad grid, nodata outside the footprint.</summary>
internal static class CogAssert
{
    private const double OriginShift = 20037508.342789244;

    /// <summary>Runs GDAL's validate_cloud_optimized_geotiff.py (with the system Python that has osgeo) and asserts success.</summary>
    public static void PassesGdalValidator(string path)
    {
        var result = CogValidator.Run(path);
        Assert.True(CogValidator.IsValid(result), $"validator exit {result.ExitCode}: {result.Output}");
    }

    /// <summary>EPSG:3857, LAYOUT=COG, 256-px blocks, origin and pixel size on the tile grid of <paramref name="zoom"/>.</summary>
    public static void IsOnWebMercatorGrid(GdalDataset cog, int zoom)
    {
        using var srs = cog.GetSpatialReference();
        Assert.Equal(3857, srs?.Epsg);
        Assert.Equal("COG", cog.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE"));
        Assert.Equal((256, 256), cog.GetBand(1).BlockSize);
        var resolution = 156543.03392804097 / Math.Pow(2, zoom);
        var gt = cog.GeoTransform!.Value;
        Assert.Equal(resolution, gt.PixelWidth, 1e-6);
        Assert.Equal(-resolution, gt.PixelHeight, 1e-6);
        var tileX = (gt.OriginX + OriginShift) / (256 * resolution);
        var tileY = (OriginShift - gt.OriginY) / (256 * resolution);
        Assert.Equal(Math.Round(tileX), tileX, 1e-6);
        Assert.Equal(Math.Round(tileY), tileY, 1e-6);
    }

    /// <summary>
    /// Samples COG pixels and looks at the source pixel under each: where the source and its neighbours are all nodata
    /// (outside the footprint) the COG pixel must be 0 and masked; where they are all valid it must be valid.
    /// </summary>
    public static void NodataOutsideFootprint(string cogPath, string sourceBandPath)
    {
        using var source = GdalDataset.Open(sourceBandPath);
        var sw = source.Width;
        var sh = source.Height;
        var dn = new double[sw * sh];
        source.GetBand(1).Read<double>(0, 0, sw, sh, dn);
        Assert.True(source.GeoTransform!.Value.TryInvert(out var toSourcePixel));

        using var cog = GdalDataset.Open(cogPath);
        var w = cog.Width;
        var h = cog.Height;
        var band = cog.GetBand(1);
        var values = new double[w * h];
        band.Read<double>(0, 0, w, h, values);
        var mask = new byte[w * h];
        band.GetMaskBand().Read<byte>(0, 0, w, h, mask);
        var gt = cog.GeoTransform!.Value;
        using var srs = cog.GetSpatialReference()!;
        using var sourceSrs = source.GetSpatialReference()!;
        using var transform = CoordinateTransformation.Create(srs, sourceSrs);

        int outside = 0, inside = 0;
        for (var row = 1; row < h; row += 5)
        {
            for (var col = 1; col < w; col += 5)
            {
                var (x, y) = gt.PixelToWorld(col + 0.5, row + 0.5);
                var (e, n) = transform.Transform(x, y);
                var (sc, sr) = toSourcePixel.PixelToWorld(e, n);
                var state = Neighbourhood(dn, sw, sh, (int)Math.Floor(sc), (int)Math.Floor(sr));
                var i = (row * w) + col;
                if (state == false)
                {
                    outside++;
                    Assert.True(values[i] == 0 && mask[i] == 0, $"COG pixel ({col}, {row}) outside the footprint is {values[i]} with mask {mask[i]}");
                }
                else if (state == true)
                {
                    inside++;
                    Assert.True(values[i] != 0 && mask[i] == 255, $"COG pixel ({col}, {row}) inside the footprint is {values[i]} with mask {mask[i]}");
                }
            }
        }

        Assert.True(outside > 100, $"only {outside} samples outside the footprint");
        Assert.True(inside > 100, $"only {inside} samples inside the footprint");
    }

    /// <summary>True when the 5×5 neighbourhood is all valid, false when all nodata or off the grid, null when mixed.</summary>
    private static bool? Neighbourhood(double[] dn, int width, int height, int col, int row)
    {
        bool any = false, all = true;
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                int c = col + dx, r = row + dy;
                var valid = c >= 0 && r >= 0 && c < width && r < height && dn[(r * width) + c] != 0;
                any |= valid;
                all &= valid;
            }
        }

        return all ? true : any ? null : false;
    }
}
