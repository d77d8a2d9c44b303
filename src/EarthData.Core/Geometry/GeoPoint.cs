namespace EarthData.Core.Geometry;

/// <summary>A geographic position in WGS 84 degrees (longitude first, as in GeoJSON).</summary>
/// <param name="Lon">Longitude in degrees, east positive.</param>
/// <param name="Lat">Latitude in degrees, north positive.</param>
public readonly record struct GeoPoint(double Lon, double Lat)
{
    /// <summary>Whether both coordinates are within <paramref name="tolerance"/> degrees of <paramref name="other"/>.</summary>
    public bool NearlyEquals(GeoPoint other, double tolerance = 1e-9) =>
        Math.Abs(Lon - other.Lon) <= tolerance && Math.Abs(Lat - other.Lat) <= tolerance;
}
