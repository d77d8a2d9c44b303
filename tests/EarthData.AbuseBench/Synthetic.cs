using System.Globalization;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.AbuseBench;

/// <summary>Cheap CBERS-like items over South America (one-degree cells, four collections, ten years). Deterministic.</summary>
internal static class Synthetic
{
    public static readonly string[] Collections = ["CBERS4-MUX", "CBERS4-AWFI", "CBERS4A-MUX", "CBERS4A-WFI"];

    public static StacItem Item(int k)
    {
        var cell = k % 1800;
        var collection = Collections[k / 1800 % 4];
        var column = cell % 45;
        var row = cell / 45;
        var random = new Random(k);
        var when = new DateTime(2015, 1, 1, 13, 0, 0, DateTimeKind.Utc).AddDays((k / 7200 * 26.0) + (column % 26) + random.NextDouble());
        var box = new BoundingBox(-75 + column, 4 - row, -73.95 + column, 5.05 - row);
        var id = string.Create(CultureInfo.InvariantCulture, $"{collection.Replace('-', '_')}_{when:yyyyMMddHHmmss}_{100 + column:000}_{100 + row:000}_L2");
        return new StacItem
        {
            Id = id,
            Collection = collection,
            Geometry = GeoJsonGeometry.FromBoundingBox(box),
            Bbox = box.ToArray(),
            Properties = new()
            {
                ["datetime"] = StacJson.Element(StacItem.FormatInstant(when)),
                ["platform"] = StacJson.Element("cbers-4"),
                ["view:sun_elevation"] = StacJson.Element(Math.Round(20 + (random.NextDouble() * 50), 3)),
                ["view:sun_azimuth"] = StacJson.Element(Math.Round(30 + (random.NextDouble() * 60), 3)),
                ["cbers:path"] = StacJson.Element(100 + column),
                ["cbers:row"] = StacJson.Element(100 + row),
            },
            Assets = new()
            {
                ["B5_cog"] = new StacAsset { Href = $"cogs/{collection}/{id}/B5_cog.tif", Type = StacAsset.CogMediaType, Roles = ["data"] },
            },
        };
    }
}
