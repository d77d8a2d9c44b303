using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>Maps the logical library name <c>gdal</c> to Debian's <c>libgdal.so.32</c> (runtime package) or fallbacks.</summary>
internal static class GdalLibraryResolver
{
    internal const string LibraryName = "gdal";

    internal static readonly string[] Candidates = ["libgdal.so.32", "libgdal.so", "gdal"];

    private static nint s_handle;

    /// <summary>The candidate name that loaded, or null before the first call into GDAL.</summary>
    internal static string? LoadedName { get; private set; }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The resolver must be registered before the first P/Invoke, whichever public entry point runs first.")]
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(GdalLibraryResolver).Assembly, Resolve);

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, LibraryName, StringComparison.Ordinal))
        {
            return 0;
        }

        if (s_handle != 0)
        {
            return s_handle;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                LoadedName = candidate;
                s_handle = handle;
                return handle;
            }
        }

        // Returning 0 makes the runtime throw DllNotFoundException, which GdalRuntime turns into GdalNotAvailableException.
        return 0;
    }
}
