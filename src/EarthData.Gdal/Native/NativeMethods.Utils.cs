using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial nint GDALInfoOptionsNew(CslHandle argv, nint forBinary);

    [LibraryImport(Lib)]
    internal static partial void GDALInfoOptionsFree(nint options);

    [LibraryImport(Lib)]
    internal static partial nint GDALInfo(DatasetHandle dataset, InfoOptionsHandle options);

    [LibraryImport(Lib)]
    internal static partial nint GDALTranslateOptionsNew(CslHandle argv, nint forBinary);

    [LibraryImport(Lib)]
    internal static partial void GDALTranslateOptionsFree(nint options);

    [LibraryImport(Lib)]
    internal static partial void GDALTranslateOptionsSetProgress(TranslateOptionsHandle options, delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALTranslate(string destination, DatasetHandle source, TranslateOptionsHandle options, int* usageError);

    [LibraryImport(Lib)]
    internal static partial nint GDALWarpAppOptionsNew(CslHandle argv, nint forBinary);

    [LibraryImport(Lib)]
    internal static partial void GDALWarpAppOptionsFree(nint options);

    [LibraryImport(Lib)]
    internal static partial void GDALWarpAppOptionsSetProgress(WarpOptionsHandle options, delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALWarp(string? destination, nint destinationDataset, int sourceCount, nint* sources, WarpOptionsHandle options, int* usageError);

    [LibraryImport(Lib)]
    internal static partial nint GDALBuildVRTOptionsNew(CslHandle argv, nint forBinary);

    [LibraryImport(Lib)]
    internal static partial void GDALBuildVRTOptionsFree(nint options);

    [LibraryImport(Lib)]
    internal static partial void GDALBuildVRTOptionsSetProgress(BuildVrtOptionsHandle options, delegate* unmanaged<double, byte*, nint, int> progress, nint progressArg);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALBuildVRT(string destination, int sourceCount, nint* sources, CslHandle sourceNames, BuildVrtOptionsHandle options, int* usageError);
}
