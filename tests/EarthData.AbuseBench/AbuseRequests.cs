using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;

namespace EarthData.AbuseBench;

/// <summary>
/// One request per parameter family, each at its documented bound (<see cref="SearchLimits"/>, <see cref="ItemSearch.MaxLimit"/>)
/// and built to be as costly as the bound allows: the most ids, the longest sort with a forged-free token, the largest
/// filter, the largest polygon, the largest page.
/// </summary>
internal static class AbuseRequests
{
    public sealed record Family(string Name, Func<HttpRequestMessage> Create);

    public static IReadOnlyList<Family> All(string nextToken8Sort) =>
    [
        new("ids (1,000)", () => Post(new JsonObject { ["ids"] = Strings(SearchLimits.MaxIds, i => $"CBERS_4_MUX_2020{i:0000}_100_100_L2"), ["limit"] = 100 })),
        new("collections (100)", () => Post(new JsonObject { ["collections"] = Strings(SearchLimits.MaxCollections, i => i < 4 ? Synthetic.Collections[i] : $"C{i}"), ["limit"] = 100 })),
        new("fields (100) × limit 10,000", () => Get("/stac/search?limit=10000&fields=" + string.Join(',', Enumerable.Range(0, SearchLimits.MaxFields).Select(i => i % 2 == 0 ? $"properties.p{i}" : $"-properties.q{i}")))),
        new("sortby (8) + token", () => Get("/stac/search?limit=100&sortby=" + SortBy + "&token=" + nextToken8Sort)),
        new("CQL2 in (100)", () => Post(new JsonObject { ["limit"] = 100, ["filter"] = JsonNode.Parse($$"""{"op":"in","args":[{"property":"cbers:path"},[{{string.Join(',', Enumerable.Range(1000, SearchLimits.MaxInValues))}}]]}""") })),
        new("CQL2 and(5 × or(49)): 496 nodes", () => Post(new JsonObject { ["limit"] = 100, ["filter"] = JsonNode.Parse(LargestFilter()) })),
        new("CQL2 like (256 chars)", () => Post(new JsonObject { ["limit"] = 100, ["filter"] = JsonNode.Parse($$"""{"op":"like","args":[{"property":"id"},"{{string.Concat(Enumerable.Repeat("%_", SearchLimits.MaxTextLiteralLength / 2))}}"]}""") })),
        new("intersects (10,000 vertices)", () => Post(new JsonObject { ["limit"] = 100, ["intersects"] = JsonNode.Parse(Circle(SearchLimits.MaxGeometryPositions)) })),
        new("limit 10,000", () => Get("/stac/search?limit=10000")),
        new("world bbox, counted", () => Get("/stac/search?bbox=-180,-90,180,90&limit=10")),
    ];

    public const string SortBy = "-datetime,+properties.view:sun_elevation,-properties.view:sun_azimuth,+properties.cbers:path,-properties.cbers:row,+properties.platform,+collection,+id";

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(JsonObject body) =>
        new(HttpMethod.Post, "/stac/search") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static JsonArray Strings(int count, Func<int, string> value) => [.. Enumerable.Range(0, count).Select(i => (JsonNode)value(i))];

    private static string LargestFilter()
    {
        // and(5 × or(n comparisons)): 1 + 5 × (1 + 2n) nodes (operator and literal per comparison), n = 49 → 496 of 500.
        var perOr = (((SearchLimits.MaxFilterNodes - 1) / 5) - 1) / 2;
        var ors = Enumerable.Range(0, 5).Select(o =>
            $$"""{"op":"or","args":[{{string.Join(',', Enumerable.Range(0, perOr).Select(i => $$"""{"op":">=","args":[{"property":"view:sun_elevation"},{{(o * 100) + i}}]}"""))}}]}""");
        return $$"""{"op":"and","args":[{{string.Join(',', ors)}}]}""";
    }

    private static string Circle(int vertices)
    {
        var ring = Enumerable.Range(0, vertices - 1)
            .Select(i => 2 * Math.PI * i / (vertices - 1))
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"[{-52.5 + (20 * Math.Cos(a)):F6},{-15 + (18 * Math.Sin(a)):F6}]"))
            .ToList();
        ring.Add(ring[0]);
        return $$"""{"type":"Polygon","coordinates":[[{{string.Join(',', ring)}}]]}""";
    }
}
