namespace EarthData.Samples.Synthesis;

/// <summary>Approximate solar elevation and azimuth (NOAA low-precision formulae, ~0.5°): enough for synthetic metadata.</summary>
public static class SunPosition
{
    /// <summary>Sun elevation and azimuth (degrees, azimuth clockwise from north) at a place and UTC instant.</summary>
    public static (double Elevation, double Azimuth) At(double lon, double lat, DateTime utc)
    {
        const double Rad = Math.PI / 180;
        var gamma = 2 * Math.PI / 365 * (utc.DayOfYear - 1 + ((utc.TimeOfDay.TotalHours - 12) / 24));
        var declination = 0.006918 - (0.399912 * Math.Cos(gamma)) + (0.070257 * Math.Sin(gamma))
            - (0.006758 * Math.Cos(2 * gamma)) + (0.000907 * Math.Sin(2 * gamma));
        var equationOfTime = 229.18 * (0.000075 + (0.001868 * Math.Cos(gamma)) - (0.032077 * Math.Sin(gamma))
            - (0.014615 * Math.Cos(2 * gamma)) - (0.040849 * Math.Sin(2 * gamma)));
        var trueSolarMinutes = (utc.TimeOfDay.TotalMinutes + equationOfTime + (4 * lon)) % 1440;
        var hourAngle = ((trueSolarMinutes / 4) - 180) * Rad;
        var phi = lat * Rad;
        var cosZenith = (Math.Sin(phi) * Math.Sin(declination)) + (Math.Cos(phi) * Math.Cos(declination) * Math.Cos(hourAngle));
        var zenith = Math.Acos(Math.Clamp(cosZenith, -1, 1));
        var azimuth = Math.Atan2(
            Math.Sin(hourAngle),
            (Math.Cos(hourAngle) * Math.Sin(phi)) - (Math.Tan(declination) * Math.Cos(phi))) / Rad + 180;
        return (90 - (zenith / Rad), azimuth % 360);
    }
}
