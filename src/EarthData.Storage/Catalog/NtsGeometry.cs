using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using NetTopologySuite.IO.Converters;

namespace EarthData.Storage.Catalog;

/// <summary>Exact geometry tests with NetTopologySuite, after the index prefilter.</summary>
internal static class NtsGeometry
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Converts a GeoJSON geometry.</summary>
    /// <exception cref="InvalidQueryException">The geometry is not valid GeoJSON.</exception>
    public static NetTopologySuite.Geometries.Geometry ToNts(GeoJsonGeometry geometry, string parameter)
    {
        try
        {
            var json = JsonSerializer.Serialize(new { type = geometry.Type, coordinates = geometry.Coordinates });
            return JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(json, Options)
                ?? throw new InvalidQueryException($"{parameter}: the geometry is empty.", parameter);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidQueryException($"{parameter}: not a valid GeoJSON {geometry.Type}: {ex.Message}", parameter, ex);
        }
    }

    /// <summary>Whether the item's geometry intersects <paramref name="other"/> (touching counts).</summary>
    public static bool Intersects(StacItem item, NetTopologySuite.Geometries.Geometry other) =>
        item.Geometry is { } geometry && ToNts(geometry, "geometry of item " + item.Id).Intersects(other);
}
