using EarthData.Gdal;

namespace EarthData.Jobs.Alerts;

/// <summary>Writes baseline layers on a scene grid as one COG (Float32, NaN nodata; DEFLATE) in memory.</summary>
internal static class BaselineCog
{
    /// <summary>The COG bytes of <paramref name="layers"/> (one band each, described by its name).</summary>
    public static byte[] Write(SceneGrid grid, int epsg, IReadOnlyList<(string Name, float[] Values)> layers)
    {
        using var scope = new VsiMemScope();
        using (var source = GdalDataset.Create("MEM", "", grid.Width, grid.Height, layers.Count, GdalDataType.Float32))
        {
            source.GeoTransform = grid.Transform;
            using (var srs = SpatialReference.FromEpsg(epsg))
            {
                source.SetSpatialReference(srs);
            }

            for (var b = 0; b < layers.Count; b++)
            {
                var band = source.GetBand(b + 1);
                band.NoDataValue = double.NaN;
                band.Description = layers[b].Name;
                band.Write<float>(0, 0, grid.Width, grid.Height, layers[b].Values);
            }

            var path = scope.GetPath("baseline.tif");
            GdalDataset.CreateCopy("COG", path, source, ["COMPRESS=DEFLATE"]).Dispose();

            return VsiMem.ReadAllBytes(path);
        }
    }
}
