namespace EarthData.Gdal;

/// <summary>Resampling used by resampled raster reads; values match GDAL's <c>GDALRIOResampleAlg</c>.</summary>
public enum ResampleAlgorithm
{
    /// <summary>Nearest neighbour.</summary>
    NearestNeighbour = 0,

    /// <summary>Bilinear (2×2 kernel).</summary>
    Bilinear = 1,

    /// <summary>Cubic convolution (4×4 kernel).</summary>
    Cubic = 2,

    /// <summary>Cubic B-spline (4×4 kernel).</summary>
    CubicSpline = 3,

    /// <summary>Lanczos windowed sinc (6×6 kernel).</summary>
    Lanczos = 4,

    /// <summary>Average of contributing pixels.</summary>
    Average = 5,

    /// <summary>Most frequent value.</summary>
    Mode = 6,

    /// <summary>Gaussian blur.</summary>
    Gauss = 7,

    // 8 to 13 are reserved by GDAL for the warper's kernels: a raster read with one of them calls a null function pointer.

    /// <summary>Root mean square (quadratic mean) of contributing pixels.</summary>
    RootMeanSquare = 14,
}
