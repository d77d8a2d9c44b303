using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>The glibc functions the binding calls (kept apart from <see cref="NativeMethods"/>, which binds libgdal only).</summary>
internal static partial class LibcMethods
{
    /// <summary>glibc's <c>malloc_trim</c>: 1 when memory was returned to the system.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    internal static partial int MallocTrim(nuint pad);
}
