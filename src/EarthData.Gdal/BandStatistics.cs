namespace EarthData.Gdal;

/// <summary>Statistics of a band's valid pixels (nodata excluded), as computed by GDAL.</summary>
/// <param name="Minimum">Smallest value.</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Population standard deviation.</param>
public readonly record struct BandStatistics(double Minimum, double Maximum, double Mean, double StandardDeviation);
