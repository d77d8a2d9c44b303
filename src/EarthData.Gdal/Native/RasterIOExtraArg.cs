using System.Runtime.InteropServices;

namespace EarthData.Gdal.Native;

/// <summary>Mirror of <c>GDALRasterIOExtraArg</c> (version 1, GDAL 3.6).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct RasterIOExtraArg
{
    public int Version;
    public ResampleAlgorithm ResampleAlgorithm;
    public delegate* unmanaged<double, byte*, nint, int> Progress;
    public nint ProgressData;
    public int FloatingPointWindowValidity;
    public double XOff;
    public double YOff;
    public double XSize;
    public double YSize;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resampling"/> is not a value GDAL defines.</exception>
    public static RasterIOExtraArg Create(ResampleAlgorithm resampling)
    {
        EnumGuard.ThrowIfUndefined(resampling, nameof(resampling));
        return new RasterIOExtraArg
        {
            Version = 1,
            ResampleAlgorithm = resampling,
        };
    }
}
