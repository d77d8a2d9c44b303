using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>Queries the drivers compiled into the loaded GDAL.</summary>
public static class GdalDrivers
{
    /// <summary>Whether a driver is available by short name (e.g. <c>COG</c>, <c>WEBP</c>, <c>Memory</c>).</summary>
    public static bool IsAvailable(string shortName)
    {
        ArgumentNullException.ThrowIfNull(shortName);
        GdalRuntime.EnsureInitialized();
        return NativeMethods.GDALGetDriverByName(shortName) != 0;
    }

    /// <summary>The driver handle (owned by GDAL, lives for the process).</summary>
    internal static nint GetDriver(string shortName)
    {
        ArgumentException.ThrowIfNullOrEmpty(shortName);
        GdalRuntime.EnsureInitialized();
        var driver = NativeMethods.GDALGetDriverByName(shortName);
        if (driver == 0)
        {
            throw new GdalException($"Unknown GDAL driver '{shortName}'.", 0, null);
        }

        return driver;
    }
}
