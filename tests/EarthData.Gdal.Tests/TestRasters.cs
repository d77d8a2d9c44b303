namespace EarthData.Gdal.Tests;

/// <summary>Synthesizes small rasters in memory or /vsimem for tests.</summary>
internal static class TestRasters
{
    /// <summary>A unique /vsimem path for one test (its directory is created, so DeleteDirectory cleans it).</summary>
    public static string VsiPath(string fileName) => VsiMem.CreatePath(fileName);

    /// <summary>A MEM dataset whose band b holds (b - 1) * 100 + row * width + col + 1.</summary>
    public static GdalDataset CreateSequential(int width, int height, int bands = 1, GdalDataType type = GdalDataType.Byte)
    {
        var dataset = GdalDataset.Create("MEM", string.Empty, width, height, bands, type);
        var values = new double[width * height];
        for (var b = 1; b <= bands; b++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ((b - 1) * 100) + i + 1;
            }

            dataset.GetBand(b).Write(0, 0, width, height, (ReadOnlySpan<double>)values);
        }

        return dataset;
    }

    /// <summary>A georeferenced UTM 23S (EPSG:32723) MEM dataset with 30 m pixels.</summary>
    public static GdalDataset CreateGeoreferenced(int width = 64, int height = 64, int bands = 1, double originX = 300000, double originY = 7460000)
    {
        var dataset = CreateSequential(width, height, bands, GdalDataType.Float32);
        dataset.GeoTransform = new GeoTransform(originX, 30, 0, originY, 0, -30);
        using var srs = SpatialReference.FromEpsg(32723);
        dataset.SetSpatialReference(srs);
        return dataset;
    }

    /// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>) and can cancel a token on first report.</summary>
    public sealed class SyncProgress(CancellationTokenSource? cancelOnReport = null) : IProgress<double>
    {
        public List<double> Values { get; } = [];

        public void Report(double value)
        {
            Values.Add(value);
            cancelOnReport?.Cancel();
        }
    }
}
