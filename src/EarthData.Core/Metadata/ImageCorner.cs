using EarthData.Core.Geometry;

namespace EarthData.Core.Metadata;

/// <summary>One corner (or the centre) of an INPE image footprint, in image, geographic and UTM coordinates.</summary>
/// <param name="Line">Image line (row) of the point, pixels from the top.</param>
/// <param name="Column">Image column of the point, pixels from the left.</param>
/// <param name="Latitude">WGS 84 latitude, degrees.</param>
/// <param name="Longitude">WGS 84 longitude, degrees.</param>
/// <param name="Northing">UTM northing, metres (in the product's zone).</param>
/// <param name="Easting">UTM easting, metres (can be negative for wide-swath scenes).</param>
public sealed record ImageCorner(double Line, double Column, double Latitude, double Longitude, double Northing, double Easting)
{
    /// <summary>The geographic position (longitude, latitude).</summary>
    public GeoPoint Position => new(Longitude, Latitude);
}
