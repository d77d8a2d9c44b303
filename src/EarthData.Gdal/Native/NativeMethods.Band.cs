using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial int GDALGetBandNumber(nint band);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterBandXSize(nint band);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterBandYSize(nint band);

    [LibraryImport(Lib)]
    internal static partial GdalDataType GDALGetRasterDataType(nint band);

    [LibraryImport(Lib)]
    internal static partial void GDALGetBlockSize(nint band, int* xSize, int* ySize);

    [LibraryImport(Lib)]
    internal static partial double GDALGetRasterNoDataValue(nint band, int* success);

    [LibraryImport(Lib)]
    internal static partial int GDALSetRasterNoDataValue(nint band, double value);

    [LibraryImport(Lib)]
    internal static partial int GDALDeleteRasterNoDataValue(nint band);

    [LibraryImport(Lib)]
    internal static partial ColorInterpretation GDALGetRasterColorInterpretation(nint band);

    [LibraryImport(Lib)]
    internal static partial int GDALSetRasterColorInterpretation(nint band, ColorInterpretation value);

    [LibraryImport(Lib)]
    internal static partial int GDALGetOverviewCount(nint band);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetOverview(nint band, int index);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetMaskBand(nint band);

    [LibraryImport(Lib)]
    internal static partial int GDALGetMaskFlags(nint band);

    [LibraryImport(Lib)]
    internal static partial int GDALGetDataCoverageStatus(nint band, int xOff, int yOff, int xSize, int ySize, int maskFlagStop, double* dataPercent);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void GDALSetDescription(nint majorObject, string description);

    [LibraryImport(Lib)]
    internal static partial double GDALGetRasterScale(nint band, int* success);

    [LibraryImport(Lib)]
    internal static partial int GDALSetRasterScale(nint band, double scale);

    [LibraryImport(Lib)]
    internal static partial double GDALGetRasterOffset(nint band, int* success);

    [LibraryImport(Lib)]
    internal static partial int GDALSetRasterOffset(nint band, double offset);

    [LibraryImport(Lib)]
    internal static partial int GDALRasterIOEx(
        nint band, int rwFlag, int xOff, int yOff, int xSize, int ySize,
        void* buffer, int bufferXSize, int bufferYSize, GdalDataType bufferType,
        long pixelSpace, long lineSpace, RasterIOExtraArg* extraArg);

    [LibraryImport(Lib)]
    internal static partial int GDALComputeRasterStatistics(
        nint band, int approxOk, double* min, double* max, double* mean, double* stdDev,
        delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterHistogramEx(
        nint band, double min, double max, int buckets, ulong* histogram, int includeOutOfRange, int approxOk,
        delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib)]
    internal static partial int GDALFillRaster(nint band, double real, double imaginary);
}
