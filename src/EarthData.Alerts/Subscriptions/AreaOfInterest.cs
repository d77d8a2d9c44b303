using System.Globalization;
using System.Text.Json;
using EarthData.Core.Geometry;

namespace EarthData.Alerts.Subscriptions;

/// <summary>
/// Reads and validates a subscription area given as a GeoJSON Polygon or MultiPolygon (RFC 7946, lon/lat WGS 84): every
/// ring closed with at least 4 positions, coordinates in range, no ring crossing itself, and an area between
/// <see cref="MinimumAreaKm2"/> and <see cref="MaximumAreaKm2"/>.
/// </summary>
public static class AreaOfInterest
{
    /// <summary>Smallest area accepted, km² (one 20 m MUX pixel is 0.0004 km²).</summary>
    public const double MinimumAreaKm2 = 0.01;

    /// <summary>Largest area accepted, km² (about one CBERS-4A WFI scene).</summary>
    public const double MaximumAreaKm2 = 1_000_000;

    /// <summary>Most vertices accepted over all rings.</summary>
    public const int MaximumVertices = 10_000;

    /// <summary>The polygons of <paramref name="geometry"/>, or the reason it is not acceptable.</summary>
    public static (IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>>? Polygons, string? Error) Read(JsonElement geometry)
    {
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || !geometry.TryGetProperty("coordinates", out var coordinates))
        {
            return (null, "area must be a GeoJSON geometry object with 'type' and 'coordinates'");
        }

        var polygons = new List<IReadOnlyList<IReadOnlyList<GeoPoint>>>();
        try
        {
            switch (type.GetString())
            {
                case "Polygon":
                    polygons.Add(ReadPolygon(coordinates));
                    break;
                case "MultiPolygon":
                    foreach (var polygon in coordinates.EnumerateArray())
                    {
                        polygons.Add(ReadPolygon(polygon));
                    }

                    break;
                default:
                    return (null, $"area must be a Polygon or MultiPolygon, not '{type}'");
            }
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
        catch (InvalidOperationException)
        {
            return (null, "area coordinates must be arrays of [lon, lat] positions");
        }

        return Validate(polygons) is { } error ? (null, error) : (polygons, null);
    }

    /// <summary>Null when the polygons are acceptable, else why not.</summary>
    public static string? Validate(IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        if (polygons.Count == 0)
        {
            return "area has no polygon";
        }

        if (polygons.Sum(p => p.Sum(r => r.Count)) > MaximumVertices)
        {
            return $"area has more than {MaximumVertices} vertices";
        }

        var area = 0.0;
        for (var p = 0; p < polygons.Count; p++)
        {
            for (var r = 0; r < polygons[p].Count; r++)
            {
                var ring = polygons[p][r];
                var where = string.Create(CultureInfo.InvariantCulture, $"polygon {p}, ring {r}");
                if (ring.Count < 4)
                {
                    return $"{where} has {ring.Count} positions; a closed ring needs at least 4";
                }

                if (ring[0] != ring[^1])
                {
                    return $"{where} is not closed (the first and last positions differ)";
                }

                foreach (var q in ring)
                {
                    if (!(q.Lon is >= -180 and <= 180) || !(q.Lat is >= -90 and <= 90))
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"{where} has position [{q.Lon}, {q.Lat}] outside lon −180…180, lat −90…90");
                    }
                }

                if (SelfIntersection(ring) is { } crossing)
                {
                    return $"{where} crosses itself (segments {crossing.Item1} and {crossing.Item2})";
                }

                var ringArea = Math.Abs(AreaKm2(ring));
                area += r == 0 ? ringArea : -ringArea;
            }
        }

        return area < MinimumAreaKm2 ? $"area is {area.ToString("0.####", CultureInfo.InvariantCulture)} km², below the {MinimumAreaKm2} km² minimum"
            : area > MaximumAreaKm2 ? $"area is {area.ToString("0", CultureInfo.InvariantCulture)} km², above the {MaximumAreaKm2} km² maximum"
            : null;
    }

    /// <summary>Signed area of a lon/lat ring on a spherical Earth (R = 6371 km), km².</summary>
    public static double AreaKm2(IReadOnlyList<GeoPoint> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        const double Radius = 6371.0;
        var sum = 0.0;
        for (var i = 0; i < ring.Count - 1; i++)
        {
            var (a, b) = (ring[i], ring[i + 1]);
            sum += ToRadians(b.Lon - a.Lon) * (2 + Math.Sin(ToRadians(a.Lat)) + Math.Sin(ToRadians(b.Lat)));
        }

        return sum * Radius * Radius / 2;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static List<IReadOnlyList<GeoPoint>> ReadPolygon(JsonElement polygon)
    {
        var rings = new List<IReadOnlyList<GeoPoint>>();
        foreach (var ring in polygon.EnumerateArray())
        {
            var points = new List<GeoPoint>();
            foreach (var position in ring.EnumerateArray())
            {
                if (position.GetArrayLength() < 2)
                {
                    throw new FormatException("area positions must be [lon, lat]");
                }

                points.Add(new GeoPoint(position[0].GetDouble(), position[1].GetDouble()));
            }

            rings.Add(points);
        }

        return rings.Count == 0 ? throw new FormatException("area polygon has no ring") : rings;
    }

    private static (int, int)? SelfIntersection(IReadOnlyList<GeoPoint> ring)
    {
        var segments = ring.Count - 1;
        for (var i = 0; i < segments; i++)
        {
            for (var j = i + 2; j < segments; j++)
            {
                if (i == 0 && j == segments - 1)
                {
                    continue; // the closing segment shares the first vertex
                }

                if (Cross(ring[i], ring[i + 1], ring[j], ring[j + 1]))
                {
                    return (i, j);
                }
            }
        }

        return null;
    }

    private static bool Cross(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d)
    {
        static double Orient(GeoPoint p, GeoPoint q, GeoPoint r) => ((q.Lon - p.Lon) * (r.Lat - p.Lat)) - ((q.Lat - p.Lat) * (r.Lon - p.Lon));
        var (d1, d2, d3, d4) = (Orient(c, d, a), Orient(c, d, b), Orient(a, b, c), Orient(a, b, d));
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }
}
