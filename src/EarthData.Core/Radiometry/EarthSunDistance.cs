namespace EarthData.Core.Radiometry;

/// <summary>The Earth–Sun distance through the year, in astronomical units.</summary>
public static class EarthSunDistance
{
    /// <summary>
    /// Distance on <paramref name="date"/> (1 − e cos(0.9856° (doy − 4)), e = 0.01672): about 0.983 AU in early
    /// January, 1.017 AU in early July; accurate to ~1e-4 AU, far below calibration uncertainty.
    /// </summary>
    public static double OnDate(DateOnly date)
    {
        var dayOfYear = date.DayOfYear;
        return 1 - (0.01672 * Math.Cos(0.9856 * (dayOfYear - 4) * Math.PI / 180));
    }
}
