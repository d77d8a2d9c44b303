using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint OGR_Fld_Create(string name, int fieldType);

    [LibraryImport(Lib)]
    internal static partial void OGR_Fld_Destroy(nint field);

    [LibraryImport(Lib)]
    internal static partial int OGR_L_CreateField(nint layer, nint field, int approxOk);

    [LibraryImport(Lib)]
    internal static partial void OGR_L_ResetReading(nint layer);

    [LibraryImport(Lib)]
    internal static partial nint OGR_L_GetNextFeature(nint layer);

    [LibraryImport(Lib)]
    internal static partial int OGR_F_GetFieldAsInteger(nint feature, int field);

    [LibraryImport(Lib)]
    internal static partial nint OGR_F_GetGeometryRef(nint feature);

    [LibraryImport(Lib)]
    internal static partial void OGR_F_Destroy(nint feature);

    [LibraryImport(Lib)]
    internal static partial int OGR_G_WkbSize(nint geometry);

    [LibraryImport(Lib)]
    internal static partial int OGR_G_ExportToWkb(nint geometry, int byteOrder, byte* buffer);

    [LibraryImport(Lib)]
    internal static partial int GDALPolygonize(
        nint sourceBand, nint maskBand, nint layer, int fieldIndex, CslHandle options,
        delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib)]
    internal static partial int GDALFPolygonize(
        nint sourceBand, nint maskBand, nint layer, int fieldIndex, CslHandle options,
        delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);
}
