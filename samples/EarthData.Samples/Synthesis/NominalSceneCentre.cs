namespace EarthData.Samples.Synthesis;

/// <summary>
/// Approximate scene centres of the CBERS path/row grids, fitted to real INPE scenes
/// (CBERS-4 090/084 at 14.3°N 24.1°E, 167/123 at 20.5°S 58.0°W; CBERS-4A 201/137 at 19.1°S 44.5°W,
/// 221/156 at 33.6°S 65.7°W). Good to a degree or so: enough to place synthetic scenes plausibly.
/// </summary>
public static class NominalSceneCentre
{
    /// <summary>Centre (longitude, latitude) in degrees of <paramref name="path"/>/<paramref name="row"/> on the satellite's grid.</summary>
    public static (double Lon, double Lat) Of(bool cbers4A, int path, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(row);
        var (lon, lat) = cbers4A
            ? (-44.5 - ((path - 201) * 1.0), -19.1 - ((row - 137) * 0.76))
            : (24.1 - ((path - 90) * 1.066), 14.3 - ((row - 84) * 0.89));
        lon = ((lon + 540) % 360) - 180;
        lat = Math.Clamp(lat, -80, 80);
        return (lon, lat);
    }
}
