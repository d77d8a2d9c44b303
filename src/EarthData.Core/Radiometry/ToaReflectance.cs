using EarthData.Core.Scenes;

namespace EarthData.Core.Radiometry;

/// <summary>
/// Converts CBERS digital numbers to top-of-atmosphere reflectance:
/// L = DN × absoluteCalibrationCoefficient (W m⁻² sr⁻¹ µm⁻¹), ρ = π L d² / (ESUN sin(sun elevation)).
/// The conversion is linear in DN, so one factor per band describes it.
/// </summary>
public static class ToaReflectance
{
    /// <summary>
    /// The factor ρ = DN × factor for one band.
    /// </summary>
    /// <param name="calibrationCoefficient">INPE absolute calibration coefficient of the band (radiance per DN).</param>
    /// <param name="band">The band (its ESUN is used).</param>
    /// <param name="sunElevationDegrees">Sun elevation at the scene centre, degrees (0–90].</param>
    /// <param name="date">Acquisition date (Earth–Sun distance).</param>
    public static double Factor(double calibrationCoefficient, BandSpec band, double sunElevationDegrees, DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calibrationCoefficient);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sunElevationDegrees);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sunElevationDegrees, 90);
        var d = EarthSunDistance.OnDate(date);
        var sinElevation = Math.Sin(sunElevationDegrees * Math.PI / 180);
        return Math.PI * calibrationCoefficient * d * d / (SolarIrradiance.Of(band) * sinElevation);
    }

    /// <summary>
    /// The calibration coefficient that makes DN <paramref name="maxValue"/> correspond to reflectance
    /// <paramref name="saturationReflectance"/> — how the synthetic generator calibrates its bands.
    /// </summary>
    public static double CoefficientForSaturation(double saturationReflectance, int maxValue, BandSpec band, double sunElevationDegrees, DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(saturationReflectance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxValue);
        var unitFactor = Factor(1, band, sunElevationDegrees, date);
        return saturationReflectance / (maxValue * unitFactor);
    }
}
