using System.Text.Json;
using EarthData.Core.Tiling;

namespace EarthData.Server.Tiles;

/// <summary>
/// The area of a statistics request: a GeoJSON Polygon or MultiPolygon (bare, or the geometry of a Feature) in WGS 84
/// degrees, with holes; at most <see cref="MaxVertices"/> positions, each ring closed with at least four.
/// </summary>
internal static class AreaGeometry
{
    /// <summary>The most positions an area may have in all.</summary>
    public const int MaxVertices = 10_000;

    /// <summary>
    /// The polygons (each a list of rings of (lon, lat)) of a GeoJSON document, or null with <paramref name="error"/>
    /// saying what is wrong.
    /// </summary>
    public static List<List<List<(double Lon, double Lat)>>>? Parse(JsonElement root, out string error)
    {
        error = string.Empty;
        try
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("the body is not a GeoJSON object with a \"type\"");
            }

            if (type.GetString() == "Feature")
            {
                if (!root.TryGetProperty("geometry", out var geometry))
                {
                    throw new FormatException("the Feature has no geometry");
                }

                root = geometry;
                type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var inner) ? inner : default;
            }

            var coordinates = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("coordinates", out var c) ? c : default;
            var vertices = 0;
            var polygons = new List<List<List<(double Lon, double Lat)>>>();
            switch (type.ValueKind == JsonValueKind.String ? type.GetString() : null)
            {
                case "Polygon":
                    polygons.Add(Polygon(coordinates, ref vertices));
                    break;
                case "MultiPolygon":
                    foreach (var polygon in Array(coordinates, "the coordinates of a MultiPolygon"))
                    {
                        polygons.Add(Polygon(polygon, ref vertices));
                    }

                    break;
                default:
                    throw new FormatException(
                        $"the geometry is a {(type.ValueKind == JsonValueKind.String ? type.GetString() : "geometry without a type")}; give a Polygon or MultiPolygon");
            }

            return polygons.Count == 0 ? throw new FormatException("the MultiPolygon has no polygon") : polygons;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static List<List<(double, double)>> Polygon(JsonElement coordinates, ref int vertices)
    {
        var rings = new List<List<(double, double)>>();
        foreach (var ring in Array(coordinates, "the coordinates of a Polygon"))
        {
            var positions = new List<(double, double)>();
            foreach (var position in Array(ring, "a ring"))
            {
                if (++vertices > MaxVertices)
                {
                    throw new FormatException($"the area has more than {MaxVertices} positions");
                }

                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                {
                    throw new FormatException("a position is not [lon, lat]");
                }

                var (lon, lat) = (position[0].GetDouble(), position[1].GetDouble());
                if (!(Math.Abs(lon) <= 180) || !(Math.Abs(lat) <= WebMercatorQuad.MaxLatitude))
                {
                    throw new FormatException($"position [{lon}, {lat}] leaves lon −180…180, lat ±{WebMercatorQuad.MaxLatitude:0.##}");
                }

                positions.Add((lon, lat));
            }

            if (positions.Count < 4 || positions[0] != positions[^1])
            {
                throw new FormatException("a ring must be closed (first position repeated last) with at least 4 positions");
            }

            rings.Add(positions);
        }

        return rings.Count == 0 ? throw new FormatException("a Polygon has no ring") : rings;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new FormatException($"{what} is not an array");
}
