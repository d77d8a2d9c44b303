using EarthData.Gdal;

namespace EarthData.Imaging.Tests.Cog;

/// <summary>Small georeferenced rasters written to a temporary folder.</summary>
internal static class TestRasters
{
    /// <summary>A 3-band Byte GeoTIFF in UTM 23S (EPSG:32723), 30 m pixels near 23.5° S, no nodata.</summary>
    public static string PlainUtm(string directory, int width = 1000, int height = 800)
    {
        var path = Path.Combine(directory, "plain-utm.tif");
        using var dataset = GdalDataset.Create("GTiff", path, width, height, 3, GdalDataType.Byte, ["TILED=YES"]);
        dataset.GeoTransform = new GeoTransform(300000, 30, 0, 7400000, 0, -30);
        using (var srs = SpatialReference.FromEpsg(32723))
        {
            dataset.SetSpatialReference(srs);
        }

        var pixels = new byte[width * height];
        for (var b = 1; b <= 3; b++)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)(1 + ((i % width) + (i / width * b)) % 250);
            }

            dataset.GetBand(b).Write<byte>(0, 0, width, height, pixels);
        }

        dataset.Close();
        return path;
    }
}
