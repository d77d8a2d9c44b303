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

    /// <summary>
    /// The geometry covering a box: a polygon, or for a degenerate box (zero width or height, as a point query
    /// <c>bbox=x,y,x,y</c> gives) the line or point it is.
    /// </summary>
    public static GeoJsonGeometry FromBoundingBox(BoundingBox box)
    {
        if (box.Width == 0 && box.Height == 0)
        {
            return new GeoJsonGeometry("Point", JsonSerializer.SerializeToElement(new[] { box.MinX, box.MinY }));
        }

        if (box.Width == 0 || box.Height == 0)
        {
            double[][] line = [[box.MinX, box.MinY], [box.MaxX, box.MaxY]];
            return new GeoJsonGeometry("LineString", JsonSerializer.SerializeToElement(line));
        }

        return FromPolygon(new Polygon(
        [
            new GeoPoint(box.MinX, box.MinY), new GeoPoint(box.MaxX, box.MinY),
            new GeoPoint(box.MaxX, box.MaxY), new GeoPoint(box.MinX, box.MaxY),
        ]));
    }

    /// <summary>The min/max envelope of every position.</summary>
    /// <exception cref="FormatException">
    /// The coordinates are not nested arrays of positions of 2 or 3 finite numbers, or hold more than
    /// <paramref name="maxPositions"/> positions.
    /// </exception>
    public BoundingBox Envelope(int maxPositions = int.MaxValue)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        var positions = 0;
        Visit(Coordinates, 0);
        if (positions == 0)
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

            if (element.GetArrayLength() > 0 && element[0].ValueKind != JsonValueKind.Array)
            {
                if (++positions > maxPositions)
                {
                    throw new FormatException($"The {Type} geometry has more than {maxPositions} positions.");
                }

                var length = element.GetArrayLength();
                if (length is < 2 or > 3 || !Finite(element[0], out var x) || !Finite(element[1], out var y) || (length == 3 && !Finite(element[2], out _)))
                {
                    throw new FormatException($"The {Type} geometry has a position that is not [longitude, latitude] of finite numbers: {Shorten(element.GetRawText())}.");
                }

                if (y is < -90 or > 90)
                {
                    throw new FormatException($"The {Type} geometry has a latitude outside -90..90: {Shorten(element.GetRawText())}.");
                }

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

        static bool Finite(JsonElement element, out double value)
        {
            value = 0;
            return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && double.IsFinite(value);
        }

        static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
    }
}
