using EarthData.Gdal;

namespace EarthData.Cli;

/// <summary>
/// Bounds the native memory of commands that process rasters. GDAL's block cache defaults to 5 % of RAM (1.2 GB on a
/// 24 GiB machine) and a warp or COG write fills it, which alone would break the 1 GiB budget for a full AWFI scene; it
/// is capped unless the operator set <c>GDAL_CACHEMAX</c>, which always wins. The C heap is trimmed every
/// <see cref="TrimInterval"/> (<see cref="NativeHeap.Trim"/>): glibc keeps the buffers GDAL frees on its worker threads
/// in per-thread arenas, and a full AWFI publish peaked at 977–985 MiB RSS without the trim, 457 MiB with it, in the
/// same time.
/// </summary>
internal static class NativeMemoryLimits
{
    /// <summary>For warping and COG writing: source blocks are read for several neighbouring output chunks.</summary>
    public const long ProcessingCacheBytes = 128L * 1024 * 1024;

    /// <summary>For tiling an aligned raster: each block is read about once.</summary>
    public const long TilingCacheBytes = 32L * 1024 * 1024;

    /// <summary>How often the C heap's free pages are returned to the system.</summary>
    public static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(1);

    private static readonly Lock Gate = new();
    private static Timer? s_trimmer;

    /// <summary>
    /// Sets GDAL's block cache to <paramref name="cacheBytes"/> unless <c>GDAL_CACHEMAX</c> is set in the environment,
    /// and starts trimming the C heap (once per process).
    /// </summary>
    public static void Apply(long cacheBytes)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GDAL_CACHEMAX")))
        {
            GdalRuntime.SetCacheMax(cacheBytes);
        }

        lock (Gate)
        {
            s_trimmer ??= new Timer(static _ => NativeHeap.Trim(), null, TrimInterval, TrimInterval);
        }
    }
}
