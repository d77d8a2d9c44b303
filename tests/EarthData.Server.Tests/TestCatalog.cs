using System.Globalization;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.Server.Tests;

/// <summary>
/// 25 small CBERS-4 MUX items for API tests: item <c>i</c> is acquired on 2020-01-01 + i days, lies in a 1°×1° box at
/// longitude −50 + i/2, has <c>view:sun_elevation</c> 30 + i, <c>cbers:path</c> 100 + i mod 5 and a relative COG asset href.
/// </summary>
internal static class TestCatalog
{
    public const string Collection = "CBERS4-MUX";

    public const int Count = 25;

    public static string Id(int i) => $"CBERS_4_MUX_{Date(i):yyyyMMdd}_{100 + (i % 5):000}_120_L2";

    public static DateTime Date(int i) => new DateTime(2020, 1, 1, 13, 0, 0, DateTimeKind.Utc).AddDays(i);

    public static double West(int i) => -50 + (i / 2.0);

    public static IReadOnlyList<StacItem> Items() => [.. Enumerable.Range(0, Count).Select(Item)];

    public static Task SeedAsync(ICatalogStore catalog) => catalog.UpsertItemsAsync(Items());

    private static StacItem Item(int i)
    {
        var box = new BoundingBox(West(i), -10, West(i) + 1, -9);
        return new StacItem
        {
            Id = Id(i),
            Collection = Collection,
            StacExtensions = [StacExtensionSchemas.View],
            Geometry = GeoJsonGeometry.FromBoundingBox(box),
            Bbox = box.ToArray(),
            Properties = new()
            {
                ["datetime"] = StacJson.Element(StacItem.FormatInstant(Date(i))),
                ["platform"] = StacJson.Element("cbers-4"),
                ["view:sun_elevation"] = StacJson.Element(30.0 + i),
                ["view:sun_azimuth"] = StacJson.Element(40.0 + i),
                ["cbers:path"] = StacJson.Element(100 + (i % 5)),
                ["cbers:row"] = StacJson.Element(120),
            },
            Links = [new StacLink("license", "https://creativecommons.org/licenses/by-sa/3.0/", "text/html")],
            Assets = new()
            {
                ["B5_cog"] = new StacAsset
                {
                    Href = string.Create(CultureInfo.InvariantCulture, $"cogs/{Collection}/{Id(i)}/B5_cog.tif"),
                    Type = StacAsset.CogMediaType,
                    Roles = ["data"],
                },
                ["external"] = new StacAsset { Href = "https://data.example.org/x.tif", Roles = ["data"] },
            },
        };
    }
}
