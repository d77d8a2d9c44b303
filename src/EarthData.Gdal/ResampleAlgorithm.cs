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
}
