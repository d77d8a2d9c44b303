using System.Diagnostics;
using System.Runtime.InteropServices;
using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>Process-wide GDAL state: loading, driver registration, configuration options and the block cache.</summary>
public static unsafe class GdalRuntime
{
    private static readonly Lock s_lock = new();
    private static volatile bool s_initialized;
    private static Exception? s_loadFailure;

    /// <summary>
    /// Loads libgdal, registers all drivers (once) and installs a fallback error handler that only logs.
    /// Thread-safe and idempotent; every public entry point of this library calls it.
    /// </summary>
    /// <exception cref="GdalNotAvailableException">libgdal could not be loaded.</exception>
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
                NativeMethods.CPLSetErrorHandler(&OnUnscopedError);
                NativeMethods.GDALAllRegister();
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                s_loadFailure = ex;
                throw new GdalNotAvailableException(GdalNotAvailableException.DefaultMessage, ex);
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

    /// <summary>Sets a process-wide GDAL configuration option; null removes it. Not seen by options GDAL already read.</summary>
    public static void SetConfigOption(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        EnsureInitialized();
        NativeMethods.CPLSetConfigOption(key, value);
    }

    /// <summary>Gets a GDAL configuration option (process-wide, thread-local or environment), or null when unset.</summary>
    public static string? GetConfigOption(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        EnsureInitialized();
        return NativeStrings.Copy(NativeMethods.CPLGetConfigOption(key, null));
    }

    /// <summary>Sets the size of GDAL's process-wide raster block cache, in bytes.</summary>
    public static void SetCacheMax(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        EnsureInitialized();
        NativeMethods.GDALSetCacheMax64(bytes);
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
