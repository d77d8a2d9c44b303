using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial nint CPLSetErrorHandler(delegate* unmanaged<int, int, byte*, void> handler);

    [LibraryImport(Lib)]
    internal static partial void CPLPushErrorHandlerEx(delegate* unmanaged<int, int, byte*, void> handler, nint userData);

    [LibraryImport(Lib)]
    internal static partial void CPLPopErrorHandler();

    [LibraryImport(Lib)]
    internal static partial nint CPLGetErrorHandlerUserData();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void CPLSetConfigOption(string key, string? value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint CPLGetConfigOption(string key, string? defaultValue);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint CSLAddString(nint list, string value);

    [LibraryImport(Lib)]
    internal static partial void CSLDestroy(nint list);

    [LibraryImport(Lib)]
    internal static partial nint VSIMalloc(nuint size);

    [LibraryImport(Lib)]
    internal static partial void VSIFree(nint pointer);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint VSIFileFromMemBuffer(string fileName, nint data, ulong length, int takeOwnership);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint VSIFOpenL(string fileName, string access);

    [LibraryImport(Lib)]
    internal static partial int VSIFCloseL(nint file);

    [LibraryImport(Lib)]
    internal static partial int VSIFSeekL(nint file, ulong offset, int whence);

    [LibraryImport(Lib)]
    internal static partial ulong VSIFTellL(nint file);

    [LibraryImport(Lib)]
    internal static partial nuint VSIFReadL(void* buffer, nuint size, nuint count, nint file);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int VSIStatExL(string fileName, void* statBuffer, int flags);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int VSIUnlink(string fileName);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int VSIRmdirRecursive(string directory);

    /// <summary><c>mode</c> is a C <c>long</c> (64-bit on LP64 Linux).</summary>
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int VSIMkdirRecursive(string directory, nint mode);
}
