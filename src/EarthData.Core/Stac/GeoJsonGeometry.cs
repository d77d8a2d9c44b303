using System.Text.Json;
using System.Text.Json.Serialization;
using EarthData.Core.Geometry;

namespace EarthData.Core.Stac;

/// <summary>
/// A GeoJSON geometry (RFC 7946) in WGS 84 longitude/latitude, kept as its type and raw coordinate array.
/// Geometry collections are not supported.
/// </summary>
public sealed record GeoJsonGeometry
{
    /// <summary>Creates a geometry.</summary>
    /// <param name="type">GeoJSON type: <c>Point</c>, <c>LineString</c>, <c>Polygon</c>, <c>MultiPoint</c>, <c>MultiLineString</c> or <c>MultiPolygon</c>.</param>
    /// <param name="coordinates">The coordinate array of that type.</param>
    [JsonConstructor]
    public GeoJsonGeometry(string type, JsonElement coordinates)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
        Coordinates = coordinates;
    }

    /// <summary>GeoJSON geometry type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; }

    /// <summary>The coordinate array.</summary>
    [JsonPropertyName("coordinates")]
    public JsonElement Coordinates { get; }

    /// <summary>A GeoJSON polygon from a closed counter-clockwise ring.</summary>
    public static GeoJsonGeometry FromPolygon(Polygon polygon)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        double[][][] rings = [[.. polygon.Ring.Select(p => new[] { p.Lon, p.Lat })]];
        return new GeoJsonGeometry("Polygon", JsonSerializer.SerializeToElement(rings));
    }

    /// <summary>A GeoJSON polygon covering a box.</summary>
    public static GeoJsonGeometry FromBoundingBox(BoundingBox box) => FromPolygon(new Polygon(
    [
        new GeoPoint(box.MinX, box.MinY), new GeoPoint(box.MaxX, box.MinY),
        new GeoPoint(box.MaxX, box.MaxY), new GeoPoint(box.MinX, box.MaxY),
    ]));

    /// <summary>The min/max envelope of every position.</summary>
    /// <exception cref="FormatException">The coordinates are not nested arrays of numeric positions.</exception>
    public BoundingBox Envelope()
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        Visit(Coordinates, 0);
        if (double.IsInfinity(minX))
        {
            throw new FormatException($"The {Type} geometry has no positions.");
        }

        return new BoundingBox(minX, minY, maxX, maxY);

        void Visit(JsonElement element, int depth)
        {
            if (element.ValueKind != JsonValueKind.Array || depth > 4)
            {
                throw new FormatException($"The {Type} geometry's coordinates are not nested arrays of positions.");
            }

            if (element.GetArrayLength() >= 2 && element[0].ValueKind == JsonValueKind.Number)
            {
                var x = element[0].GetDouble();
                var y = element[1].GetDouble();
                minX = Math.Min(minX, x);
                minY = Math.Min(minY, y);
                maxX = Math.Max(maxX, x);
                maxY = Math.Max(maxY, y);
                return;
            }

            foreach (var child in element.EnumerateArray())
            {
                Visit(child, depth + 1);
            }
        }
    }
}
