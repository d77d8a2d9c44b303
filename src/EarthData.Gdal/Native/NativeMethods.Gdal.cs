using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>
/// Raw bindings to libgdal. GDAL-owned <c>const char*</c> results are returned as <see cref="nint"/>
/// and copied by the caller (GDAL-INTEROP pitfall 1); never declare a <c>string</c> return here.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Lib = GdalLibraryResolver.LibraryName;

    [LibraryImport(Lib)]
    internal static partial void GDALAllRegister();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALVersionInfo(string request);

    [LibraryImport(Lib)]
    internal static partial void GDALSetCacheMax64(long bytes);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGetDriverByName(string name);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetDriverShortName(nint driver);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALOpenEx(string fileName, uint flags, CslHandle allowedDrivers, CslHandle openOptions, nint siblingFiles);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALCreate(nint driver, string fileName, int width, int height, int bands, GdalDataType type, CslHandle options);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALCreateCopy(
        nint driver, string fileName, DatasetHandle source, int strict, CslHandle options,
        delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib)]
    internal static partial void GDALClose(nint dataset);

    [LibraryImport(Lib)]
    internal static partial void GDALFlushCache(DatasetHandle dataset);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetDatasetDriver(DatasetHandle dataset);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetDescription(nint majorObject);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterXSize(DatasetHandle dataset);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterYSize(DatasetHandle dataset);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterCount(DatasetHandle dataset);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetRasterBand(DatasetHandle dataset, int band);

    [LibraryImport(Lib)]
    internal static partial int GDALGetGeoTransform(DatasetHandle dataset, double* transform);

    [LibraryImport(Lib)]
    internal static partial int GDALSetGeoTransform(DatasetHandle dataset, double* transform);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetSpatialRef(DatasetHandle dataset);

    [LibraryImport(Lib)]
    internal static partial int GDALSetSpatialRef(DatasetHandle dataset, SpatialReferenceHandle srs);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetProjectionRef(DatasetHandle dataset);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGetMetadata(nint majorObject, string? domain);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGetMetadataItem(nint majorObject, string name, string? domain);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALSetMetadataItem(nint majorObject, string name, string? value, string? domain);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetFileList(DatasetHandle dataset);

    [LibraryImport(Lib)]
    internal static partial int GDALDatasetRasterIOEx(
        DatasetHandle dataset, int rwFlag, int xOff, int yOff, int xSize, int ySize,
        void* buffer, int bufferXSize, int bufferYSize, GdalDataType bufferType,
        int bandCount, int* bandMap, long pixelSpace, long lineSpace, long bandSpace,
        RasterIOExtraArg* extraArg);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALBuildOverviews(
        DatasetHandle dataset, string resampling, int overviewCount, int* overviewList,
        int bandCount, int* bandList, delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALDatasetCreateLayer(DatasetHandle dataset, string name, nint srs, int geometryType, nint options);
}
