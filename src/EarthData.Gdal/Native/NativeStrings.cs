using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>Copies strings and string lists out of GDAL memory.</summary>
internal static unsafe class NativeStrings
{
    /// <summary>Copies a GDAL-owned <c>const char*</c>; GDAL keeps ownership.</summary>
    public static string? Copy(nint pointer) => pointer == 0 ? null : Marshal.PtrToStringUTF8(pointer);

    /// <summary>Copies a string GDAL handed over, then frees it with <c>VSIFree</c>.</summary>
    public static string? CopyAndFree(nint pointer)
    {
        if (pointer == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(pointer);
        }
        finally
        {
            NativeMethods.VSIFree(pointer);
        }
    }

    /// <summary>Copies a NULL-terminated <c>char**</c> without freeing it.</summary>
    public static List<string> CopyList(nint list)
    {
        var result = new List<string>();
        if (list == 0)
        {
            return result;
        }

        for (var item = (nint*)list; *item != 0; item++)
        {
            result.Add(Marshal.PtrToStringUTF8(*item) ?? string.Empty);
        }

        return result;
    }
}
