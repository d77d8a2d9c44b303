using System.Text.Json;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.Storage.Tests.Catalog;

/// <summary>Synthetic items: a diamond footprint of half-width <c>size</c> around a centre, so the bbox corners lie outside it.</summary>
internal static class TestItems
{
    public static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static StacItem Item(
        string id, string collection = "CBERS4-MUX", DateTime? datetime = null, double lon = 0, double lat = 0, double size = 1,
        double? cloud = null, int? path = null, string? note = null)
    {
        var footprint = new Polygon([new GeoPoint(lon, lat - size), new GeoPoint(lon + size, lat), new GeoPoint(lon, lat + size), new GeoPoint(lon - size, lat)]);
        var properties = new Dictionary<string, JsonElement>
        {
            ["datetime"] = StacJson.Element(StacItem.FormatInstant(datetime ?? Epoch)),
            ["platform"] = StacJson.Element("cbers-4"),
        };
        if (cloud is { } c)
        {
            properties["eo:cloud_cover"] = StacJson.Element(c);
        }

        if (path is { } p)
        {
            properties["cbers:path"] = StacJson.Element(p);
        }

        if (note is not null)
        {
            properties["note"] = StacJson.Element(note);
        }

        return new StacItem
        {
            Id = id,
            Collection = collection,
            Geometry = GeoJsonGeometry.FromPolygon(footprint),
            Bbox = footprint.Envelope.ToArray(),
            Properties = properties,
            Assets = { ["thumbnail"] = new StacAsset { Href = $"https://example.org/{id}.png", Type = "image/png", Roles = ["thumbnail"] } },
        };
    }

    public static GeoJsonGeometry Polygon(params (double Lon, double Lat)[] ring) =>
        GeoJsonGeometry.FromPolygon(new Polygon(ring.Select(p => new GeoPoint(p.Lon, p.Lat))));

    public static GeoJsonGeometry Point(double lon, double lat) => new("Point", JsonSerializer.SerializeToElement(new[] { lon, lat }));
}
