using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EarthData.Gdal;

/// <summary>
/// The <c>EarthData.Gdal</c> meter: <see cref="PixelsReadName"/> counts the pixels every read through this binding
/// returns (buffer width × height × bands), tagged with the dataset path (<c>gdal.path</c>) and the level read
/// (<c>gdal.level</c>): <c>full</c> for raster bands read at full resolution (buffer = window), <c>reduced</c> for a
/// window read into a smaller buffer (GDAL may serve it from overviews), <c>derived</c> for overview and mask bands.
/// It shows how often a product reads its rasters; a <see cref="MeterListener"/> filtered on the path measures one job.
/// Costs nothing while nobody listens.
/// </summary>
public static class GdalReadMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "EarthData.Gdal";

    /// <summary>The counter of pixels read.</summary>
    public const string PixelsReadName = "earthdata.gdal.pixels_read";

    /// <summary>The tag carrying the dataset path.</summary>
    public const string PathTag = "gdal.path";

    /// <summary>The tag saying <c>full</c>, <c>reduced</c> or <c>derived</c> (see the class).</summary>
    public const string LevelTag = "gdal.level";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> PixelsRead = Meter.CreateCounter<long>(PixelsReadName, "{pixel}", "Pixels read from GDAL rasters (window size × bands)");

    internal static void Record(string path, bool derived, int width, int height, int bufferWidth, int bufferHeight, int bands)
    {
        if (PixelsRead.Enabled)
        {
            var level = derived ? "derived" : bufferWidth == width && bufferHeight == height ? "full" : "reduced";
            PixelsRead.Add((long)bufferWidth * bufferHeight * bands, new TagList { { PathTag, path }, { LevelTag, level } });
        }
    }
}
