using EarthData.Gdal;

namespace EarthData.Cli;

/// <summary>
/// GDAL's block cache defaults to 5 % of RAM (1.2 GB on a 24 GiB machine) and a warp or COG write fills it, which alone
/// would break the 1 GiB budget for a full AWFI scene. Commands that process rasters bound it, unless the operator set
/// <c>GDAL_CACHEMAX</c>, which always wins.
/// </summary>
internal static class GdalCache
{
    /// <summary>For warping and COG writing: source blocks are read for several neighbouring output chunks.</summary>
    public const long ProcessingBytes = 128L * 1024 * 1024;

    /// <summary>For tiling an aligned raster: each block is read about once.</summary>
    public const long TilingBytes = 32L * 1024 * 1024;

    /// <summary>Sets the cache to <paramref name="bytes"/> unless <c>GDAL_CACHEMAX</c> is set in the environment.</summary>
    public static void Bound(long bytes)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GDAL_CACHEMAX")))
        {
            GdalRuntime.SetCacheMax(bytes);
        }
    }
}
