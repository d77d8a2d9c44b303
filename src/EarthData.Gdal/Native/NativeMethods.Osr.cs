using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial nint OSRNewSpatialReference(nint wkt);

    [LibraryImport(Lib)]
    internal static partial void OSRRelease(nint srs);

    [LibraryImport(Lib)]
    internal static partial nint OSRClone(nint srs);

    [LibraryImport(Lib)]
    internal static partial void OSRSetAxisMappingStrategy(nint srs, int strategy);

    [LibraryImport(Lib)]
    internal static partial int OSRImportFromEPSG(SpatialReferenceHandle srs, int code);

    [LibraryImport(Lib)]
    internal static partial int OSRImportFromWkt(SpatialReferenceHandle srs, byte** wkt);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int OSRSetFromUserInput(SpatialReferenceHandle srs, string definition);

    [LibraryImport(Lib)]
    internal static partial int OSRExportToWkt(SpatialReferenceHandle srs, nint* result);

    [LibraryImport(Lib)]
    internal static partial int OSRExportToProj4(SpatialReferenceHandle srs, nint* result);

    [LibraryImport(Lib)]
    internal static partial int OSRAutoIdentifyEPSG(SpatialReferenceHandle srs);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint OSRGetAuthorityCode(SpatialReferenceHandle srs, string? targetKey);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint OSRGetAuthorityName(SpatialReferenceHandle srs, string? targetKey);

    [LibraryImport(Lib)]
    internal static partial int OSRIsGeographic(SpatialReferenceHandle srs);

    [LibraryImport(Lib)]
    internal static partial int OSRIsProjected(SpatialReferenceHandle srs);

    [LibraryImport(Lib)]
    internal static partial int OSRIsSame(SpatialReferenceHandle srs, SpatialReferenceHandle other);

    [LibraryImport(Lib)]
    internal static partial nint OCTNewCoordinateTransformation(SpatialReferenceHandle source, SpatialReferenceHandle target);

    [LibraryImport(Lib)]
    internal static partial void OCTDestroyCoordinateTransformation(nint transformation);

    [LibraryImport(Lib)]
    internal static partial int OCTTransformEx(CoordinateTransformationHandle transformation, int count, double* x, double* y, double* z, int* success);
}
