using System.Diagnostics;
using System.Runtime.InteropServices;
using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>Process-wide GDAL state: loading, driver registration, configuration options and the block cache.</summary>
public static unsafe class GdalRuntime
{
    private static readonly Lock s_lock = new();

    // CPLSetConfigOption frees the previous value that a concurrent CPLGetConfigOption may still be copying.
    private static readonly Lock s_configLock = new();
    private static volatile bool s_initialized;
    private static Exception? s_loadFailure;

    /// <summary>
    /// Loads libgdal, checks its release, registers all drivers (once) and installs a fallback error handler that only
    /// logs. Thread-safe and idempotent; every public entry point of this library calls it. A GDAL 3 release after 3.6
    /// is used with a warning on <see cref="Trace"/>; any other release is refused.
    /// </summary>
    /// <exception cref="GdalNotAvailableException">libgdal could not be loaded, or is a release the binding does not support.</exception>
    public static void EnsureInitialized()
    {
        if (s_initialized)
        {
            return;
        }

        lock (s_lock)
        {
            if (s_initialized)
            {
                return;
            }

            if (s_loadFailure is not null)
            {
                throw new GdalNotAvailableException(GdalNotAvailableException.DefaultMessage, s_loadFailure);
            }

            try
            {
                CheckVersion();
                NativeMethods.CPLSetErrorHandler(&OnUnscopedError);
                NativeMethods.GDALAllRegister();
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                s_loadFailure = ex;
                throw new GdalNotAvailableException(GdalNotAvailableException.DefaultMessage, ex);
            }
            catch (GdalNotAvailableException ex)
            {
                s_loadFailure = ex;
                throw;
            }

            s_initialized = true;
        }
    }

    /// <summary>GDAL's release name, e.g. <c>3.6.2</c>.</summary>
    public static string Version
    {
        get
        {
            EnsureInitialized();
            return NativeStrings.Copy(NativeMethods.GDALVersionInfo("RELEASE_NAME")) ?? string.Empty;
        }
    }

    /// <summary>The last warning or failure raised outside any scoped call (e.g. on GDAL worker threads), or null.</summary>
    public static string? LastUnscopedMessage { get; private set; }

    /// <summary>
    /// Sets a process-wide GDAL configuration option; null removes it. Not seen by options GDAL already read.
    /// Thread-safe with <see cref="GetConfigOption"/>.
    /// </summary>
    public static void SetConfigOption(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        EnsureInitialized();
        lock (s_configLock)
        {
            NativeMethods.CPLSetConfigOption(key, value);
        }
    }

    /// <summary>
    /// Gets a GDAL configuration option (process-wide, thread-local or environment), or null when unset.
    /// Thread-safe with <see cref="SetConfigOption"/>: the value is copied before another thread can replace it.
    /// </summary>
    public static string? GetConfigOption(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        EnsureInitialized();
        lock (s_configLock)
        {
            return NativeStrings.Copy(NativeMethods.CPLGetConfigOption(key, null));
        }
    }

    /// <summary>Sets the size of GDAL's process-wide raster block cache, in bytes.</summary>
    public static void SetCacheMax(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        EnsureInitialized();
        NativeMethods.GDALSetCacheMax64(bytes);
    }

    /// <summary>Refuses a libgdal the binding's struct layouts and enum values do not match (the libgdal.so fallback loads any).</summary>
    private static void CheckVersion()
    {
        var release = NativeStrings.Copy(NativeMethods.GDALVersionInfo("RELEASE_NAME")) ?? "?";
        var versionNum = GdalVersionCheck.Parse(NativeStrings.Copy(NativeMethods.GDALVersionInfo("VERSION_NUM")));
        var library = GdalLibraryResolver.LoadedName ?? "libgdal";
        switch (GdalVersionCheck.Classify(versionNum))
        {
            case GdalVersionSupport.Unsupported:
                throw new GdalNotAvailableException(
                    $"{library} is GDAL {release}; this binding needs GDAL 3.6 or a later 3.x (Debian 12: apt-get install libgdal32).");
            case GdalVersionSupport.Untested:
                Trace.WriteLine($"EarthData.Gdal: {library} is GDAL {release}; the binding is tested with GDAL 3.6 only.");
                break;
            case GdalVersionSupport.Tested:
                break;
        }
    }

    [UnmanagedCallersOnly]
    private static void OnUnscopedError(int errorClass, int errorNumber, byte* message)
    {
        try
        {
            if (errorClass < GdalErrorScope.ClassWarning)
            {
                return;
            }

            var text = $"GDAL {(errorClass >= GdalErrorScope.ClassFailure ? "error" : "warning")} {errorNumber}: {Marshal.PtrToStringUTF8((nint)message)}";
            LastUnscopedMessage = text;
            Trace.WriteLine(text);
        }
#pragma warning disable CA1031 // Never let an exception cross the native boundary.
        catch
#pragma warning restore CA1031
        {
        }
    }
}
