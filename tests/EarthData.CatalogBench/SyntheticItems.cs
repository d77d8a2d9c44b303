using System.Globalization;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.CatalogBench;

/// <summary>
/// Cheap CBERS-like items spread over the CBERS path/row grid of South America (longitude −75…−30, latitude −35…5: 45 × 40
/// one-degree cells) and ten years: item <c>k</c> is in cell <c>k mod 1800</c> of one of four collections, on revisit
/// <c>k / 7200</c> (26 days apart), with random <c>view:sun_elevation</c>. Deterministic; thread-safe.
/// </summary>
internal static class SyntheticItems
{
    public const double West = -75, East = -30, South = -35, North = 5;
    public const int Columns = 45, Rows = 40, Cells = Columns * Rows;
    public const int FirstPath = 100, FirstRow = 100;

    public static readonly DateTime Start = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = Start.AddYears(10);

    private static readonly string[] Collections = ["CBERS4-MUX", "CBERS4-AWFI", "CBERS4A-MUX", "CBERS4A-WFI"];

    public static StacItem Create(long k)
    {
        var cell = (int)(k % Cells);
        var collection = Collections[(int)(k / Cells % Collections.Length)];
        var revisit = (int)(k / (Cells * Collections.Length));
        var column = cell % Columns;
        var row = cell / Columns;
        var random = new Random((int)(k * 7919 % int.MaxValue));
        var when = Start.AddDays((revisit * 26.0) + (column % 26) + random.NextDouble() * 0.5).AddHours(13);
        var west = West + column + (random.NextDouble() * 0.2);
        var north = North - row - (random.NextDouble() * 0.2);
        var box = new BoundingBox(west, north - 1.05, west + 1.05, north);
        var path = FirstPath + column;
        var cbersRow = FirstRow + row;
        var id = string.Create(CultureInfo.InvariantCulture, $"{collection.Replace("-", "_", StringComparison.Ordinal)}_{when:yyyyMMdd}_{path:000}_{cbersRow:000}_L2");
        return new StacItem
        {
            Id = id,
            Collection = collection,
            StacExtensions = [StacExtensionSchemas.Projection, StacExtensionSchemas.View],
            Geometry = GeoJsonGeometry.FromBoundingBox(box),
            Bbox = box.ToArray(),
            Properties = new()
            {
                ["datetime"] = StacJson.Element(StacItem.FormatInstant(when)),
                ["platform"] = StacJson.Element(collection.StartsWith("CBERS4A", StringComparison.Ordinal) ? "cbers-4a" : "cbers-4"),
                ["constellation"] = StacJson.Element("cbers"),
                ["proj:code"] = StacJson.Element("EPSG:32723"),
                ["view:sun_elevation"] = StacJson.Element(Math.Round(20 + random.NextDouble() * 50, 3)),
                ["view:sun_azimuth"] = StacJson.Element(Math.Round(30 + random.NextDouble() * 60, 3)),
                ["cbers:path"] = StacJson.Element(path),
                ["cbers:row"] = StacJson.Element(cbersRow),
            },
            Assets = new()
            {
                ["B5_cog"] = new StacAsset { Href = $"cogs/{collection}/{id}/B5_cog.tif", Type = StacAsset.CogMediaType, Roles = ["data", "cog"] },
                ["thumbnail"] = new StacAsset { Href = $"cogs/{collection}/{id}/thumbnail.png", Type = "image/png", Roles = ["thumbnail"] },
            },
        };
    }
}
