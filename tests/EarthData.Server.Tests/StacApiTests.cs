using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EarthData.Server.Tests;

/// <summary>The STAC API's behaviour over HTTP; run against each catalogue store by the subclasses.</summary>
public abstract class StacApiTests<TServer>(TServer server) : IClassFixture<TServer>, IAsyncLifetime
    where TServer : RunningServer
{
    protected TServer Server { get; } = server;

    public Task InitializeAsync() => TestCatalog.SeedAsync(Server.Catalog);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LandingPage_LinksDataConformanceAndBothSearchMethods()
    {
        var landing = await GetJson("/stac");
        Assert.Contains("https://api.stacspec.org/v1.0.0/core", Strings(landing["conformsTo"]));
        var links = landing["links"]!.AsArray();
        Assert.Equal(Url("/stac"), Link(links, "self"));
        Assert.Equal(Url("/stac/collections"), Link(links, "data"));
        Assert.Equal(Url("/stac/conformance"), Link(links, "conformance"));
        var methods = links.Where(l => (string?)l!["rel"] == "search").Select(l => (string?)l!["method"]).Order().ToList();
        Assert.Equal(["GET", "POST"], methods);
        Assert.Equal(7, links.Count(l => (string?)l!["rel"] == "child"));
    }

    [Fact]
    public async Task Conformance_ListsTheClassesClientsLookFor()
    {
        var classes = Strings((await GetJson("/stac/conformance"))["conformsTo"]);
        foreach (var expected in new[]
        {
            "https://api.stacspec.org/v1.0.0/core", "https://api.stacspec.org/v1.0.0/collections", "https://api.stacspec.org/v1.0.0/ogcapi-features",
            "https://api.stacspec.org/v1.0.0/item-search", "https://api.stacspec.org/v1.0.0/item-search#fields", "https://api.stacspec.org/v1.0.0/item-search#sort",
            "https://api.stacspec.org/v1.0.0/item-search#filter", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json", "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        })
        {
            Assert.Contains(expected, classes);
        }
    }

    [Fact]
    public async Task Collections_ListsTheSevenCbersCollectionsWithAbsoluteLinks()
    {
        var collections = (await GetJson("/stac/collections"))["collections"]!.AsArray();
        Assert.Equal(7, collections.Count);
        var mux = collections.Single(c => (string?)c!["id"] == TestCatalog.Collection)!;
        Assert.Equal(Url("/stac/collections/CBERS4-MUX"), Link(mux["links"]!.AsArray(), "self"));
        Assert.Equal(Url("/stac/collections/CBERS4-MUX/items"), Link(mux["links"]!.AsArray(), "items"));
        Assert.Equal("https://creativecommons.org/licenses/by-sa/3.0/", Link(mux["links"]!.AsArray(), "license"));
    }

    [Fact]
    public async Task Item_HasApiLinksAndAssetHrefsOnTheObjectEndpoint()
    {
        var id = TestCatalog.Id(3);
        using var response = await Server.Client.GetAsync($"/stac/collections/CBERS4-MUX/items/{id}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var links = item["links"]!.AsArray();
        Assert.Equal(Url($"/stac/collections/CBERS4-MUX/items/{id}"), Link(links, "self"));
        Assert.Equal(Url("/stac/collections/CBERS4-MUX"), Link(links, "parent"));
        Assert.Equal(Url("/stac/collections/CBERS4-MUX"), Link(links, "collection"));
        Assert.Equal(Url("/stac"), Link(links, "root"));
        Assert.Equal(Url($"/objects/cogs/CBERS4-MUX/{id}/B5_cog.tif"), (string?)item["assets"]!["B5_cog"]!["href"]);
        Assert.Equal("https://data.example.org/x.tif", (string?)item["assets"]!["external"]!["href"]);
    }

    [Theory]
    [InlineData("/stac/collections/NOPE", "NOPE")]
    [InlineData("/stac/collections/NOPE/items", "NOPE")]
    [InlineData("/stac/collections/CBERS4-MUX/items/NOPE_ITEM", "NOPE_ITEM")]
    public async Task UnknownCollectionOrItem_Is404Problem(string path, string named)
    {
        using var response = await Server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchGet_PagesThrough25ItemsExactlyOnce_FollowingNextLinks()
    {
        var seen = new List<string>();
        var url = Url("/stac/search?collections=CBERS4-MUX&limit=10");
        var pages = 0;
        while (url is not null)
        {
            var page = await GetJson(url);
            Assert.Equal(25, (int?)page["numberMatched"]);
            Assert.Equal(page["features"]!.AsArray().Count, (int?)page["numberReturned"]);
            seen.AddRange(Ids(page));
            url = Link(page["links"]!.AsArray(), "next");
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(TestCatalog.Count, seen.Count);
        Assert.Equal(TestCatalog.Items().Select(i => i.Id).Order(), seen.Order());
        Assert.Equal(TestCatalog.Id(24), seen[0]); // default sort: newest first
    }

    [Fact]
    public async Task SearchPost_NextLinkCarriesOnlyTheTokenToMerge_AndMatchesGet()
    {
        var original = new JsonObject { ["collections"] = new JsonArray("CBERS4-MUX"), ["limit"] = 10, ["bbox"] = new JsonArray(-48.2, -10, -40, -8) };
        JsonObject? body = original;
        var seen = new List<string>();
        var pages = 0;
        while (body is not null)
        {
            var page = await PostJson("/stac/search", body);
            seen.AddRange(Ids(page));
            var next = page["links"]!.AsArray().SingleOrDefault(l => (string?)l!["rel"] == "next");
            body = null;
            if (next is not null)
            {
                Assert.Equal("POST", (string?)next["method"]);
                Assert.Equal(Url("/stac/search"), (string?)next["href"]);
                Assert.True((bool)next["merge"]!);
                Assert.Equal(["token"], next["body"]!.AsObject().Select(p => p.Key));

                // STAC API: merge the link's body into the request's (what pystac-client does).
                body = original.DeepClone().AsObject();
                body["token"] = next["body"]!["token"]!.DeepClone();
            }

            pages++;
        }

        var viaGet = new List<string>();
        for (var url = Url("/stac/search?collections=CBERS4-MUX&limit=10&bbox=-48.2,-10,-40,-8"); url is not null;)
        {
            var page = await GetJson(url);
            viaGet.AddRange(Ids(page));
            url = Link(page["links"]!.AsArray(), "next");
        }

        // Boxes [−50 + i/2, −49 + i/2] intersect [−48.2, −40] for i = 2 … 20.
        Assert.Equal(Enumerable.Range(2, 19).Select(TestCatalog.Id).Order(), seen.Order());
        Assert.Equal(2, pages);
        Assert.Equal(viaGet, seen);
    }

    [Theory]
    [InlineData("datetime=2020-01-05T13:00:00Z", new[] { 4 })]
    [InlineData("datetime=2020-01-05T00:00:00Z/2020-01-07T23:59:59Z", new[] { 4, 5, 6 })]
    [InlineData("datetime=../2020-01-02T13:00:00Z", new[] { 0, 1 })]
    [InlineData("datetime=2020-01-24T00:00:00Z/..", new[] { 23, 24 })]
    [InlineData("ids=ID2,ID7", new[] { 2, 7 })]
    [InlineData("bbox=-50.2,-9.5,-49.2,-9.4", new[] { 0, 1 })]
    [InlineData("intersects={\"type\":\"Point\",\"coordinates\":[-38.2,-9.5]}", new[] { 22, 23 })]
    [InlineData("filter={\"op\":\">=\",\"args\":[{\"property\":\"view:sun_elevation\"},52]}&filter-lang=cql2-json", new[] { 22, 23, 24 })]
    [InlineData("filter={\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"cbers:path\"},102]},{\"op\":\"<\",\"args\":[{\"property\":\"view:sun_elevation\"},45]}]}", new[] { 2, 7, 12 })]
    public async Task SearchGet_AppliesEachCriterion(string query, int[] expected)
    {
        query = query.Replace("ID2", TestCatalog.Id(2), StringComparison.Ordinal).Replace("ID7", TestCatalog.Id(7), StringComparison.Ordinal);
        var encoded = string.Join('&', query.Split('&').Select(p => p[..(p.IndexOf('=') + 1)] + Uri.EscapeDataString(p[(p.IndexOf('=') + 1)..])));
        var page = await GetJson($"/stac/search?limit=100&{encoded}");
        Assert.Equal(expected.Select(TestCatalog.Id).Order(), Ids(page).Order());
    }

    [Fact]
    public async Task SearchPost_AppliesIntersectsDatetimeAndFilter()
    {
        var page = await PostJson("/stac/search", JsonNode.Parse("""
            {"collections": ["CBERS4-MUX"], "limit": 100,
             "intersects": {"type": "Polygon", "coordinates": [[[-46, -9.6], [-41, -9.6], [-41, -9.4], [-46, -9.4], [-46, -9.6]]]},
             "datetime": "2020-01-01T00:00:00Z/2020-01-17T00:00:00Z",
             "filter-lang": "cql2-json",
             "filter": {"op": "=", "args": [{"property": "cbers:path"}, 103]}}
            """)!.AsObject());
        // Intersecting boxes: i = 7 … 18; up to Jan 17 13:00 excluded: i ≤ 15; path 103: i mod 5 = 3.
        Assert.Equal([TestCatalog.Id(13), TestCatalog.Id(8)], Ids(page));
    }

    [Fact]
    public async Task Sortby_OrdersAscendingOrDescending_GetAndPost()
    {
        var ascending = Ids(await GetJson("/stac/search?limit=100&sortby=%2Bview:sun_elevation"));
        var descending = Ids(await GetJson("/stac/search?limit=100&sortby=-properties.view:sun_elevation"));
        var plusAsSpace = Ids(await GetJson("/stac/search?limit=100&sortby=+datetime"));
        var posted = Ids(await PostJson("/stac/search", JsonNode.Parse("""{"limit": 100, "sortby": [{"field": "cbers:path", "direction": "desc"}, {"field": "datetime", "direction": "asc"}]}""")!.AsObject()));

        Assert.Equal(Enumerable.Range(0, 25).Select(TestCatalog.Id), ascending);
        Assert.Equal(Enumerable.Range(0, 25).Reverse().Select(TestCatalog.Id), descending);
        Assert.Equal(ascending, plusAsSpace);
        Assert.Equal(Enumerable.Range(0, 25).OrderByDescending(i => i % 5).ThenBy(i => i).Select(TestCatalog.Id), posted);
    }

    [Fact]
    public async Task Fields_IncludeAndExcludeShapeTheFeatures_GetAndPost()
    {
        var included = (await GetJson("/stac/search?limit=1&fields=properties.cbers:path,-properties.view:sun_azimuth"))["features"]![0]!.AsObject();
        Assert.Equal(["id", "properties", "type"], included.Select(p => p.Key).Order());
        Assert.Equal(["cbers:path"], included["properties"]!.AsObject().Select(p => p.Key));

        var excluded = (await PostJson("/stac/search", JsonNode.Parse("""{"limit": 1, "fields": {"exclude": ["assets", "properties.view:sun_azimuth"]}}""")!.AsObject()))["features"]![0]!.AsObject();
        Assert.Null(excluded["assets"]);
        Assert.Null(excluded["properties"]!["view:sun_azimuth"]);
        Assert.NotNull(excluded["properties"]!["view:sun_elevation"]);
        Assert.NotNull(excluded["geometry"]);
    }

    [Fact]
    public async Task CollectionItems_FiltersByBboxAndPagesWithNextLinks()
    {
        var first = await GetJson("/stac/collections/CBERS4-MUX/items?limit=6&bbox=-50,-10,-45,-9");
        Assert.Equal(6, first["features"]!.AsArray().Count);
        var next = Link(first["links"]!.AsArray(), "next");
        Assert.NotNull(next);
        Assert.StartsWith(Url("/stac/collections/CBERS4-MUX/items?"), next, StringComparison.Ordinal);
        var second = await GetJson(next);
        Assert.Equal(Enumerable.Range(0, 11).Select(TestCatalog.Id).Order(), Ids(first).Concat(Ids(second)).Order());
        Assert.Null(Link(second["links"]!.AsArray(), "next"));
    }

    [Theory]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=a,b,c,d", "bbox")]
    [InlineData("bbox=10,0,5,1", "bbox")]
    [InlineData("datetime=yesterday", "datetime")]
    [InlineData("datetime=2020-02-01T00:00:00Z/2020-01-01T00:00:00Z", "datetime")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("filter={\"op\":\"=\",\"args\":[{\"property\":\"cbers:path\"}]}", "filter")]
    [InlineData("filter={not json", "filter")]
    [InlineData("filter-lang=cql2-text&filter=x", "filter-lang")]
    [InlineData("bbox=0,0,1,1&intersects={\"type\":\"Point\",\"coordinates\":[0,0]}", "bbox")]
    [InlineData("intersects={\"type\":\"Point\"}", "intersects")]
    [InlineData("token=garbage", "token")]
    [InlineData("fields=properties..x", "fields")]
    public async Task SearchGet_InvalidParameter_Is400ProblemNamingIt(string query, string parameter)
    {
        var encoded = string.Join('&', query.Split('&').Select(p => p[..(p.IndexOf('=') + 1)] + Uri.EscapeDataString(p[(p.IndexOf('=') + 1)..])));
        using var response = await Server.Client.GetAsync($"/stac/search?{encoded}");
        await AssertProblem(response, parameter);
    }

    [Theory]
    [InlineData("""{"limit": 0}""", "limit")]
    [InlineData("""{"limit": 2.5}""", "limit")]
    [InlineData("""{"bbox": [1, 2, 3]}""", "bbox")]
    [InlineData("""{"bbox": ["a", 2, 3, 4]}""", "bbox")]
    [InlineData("""{"datetime": "nope"}""", "datetime")]
    [InlineData("""{"filter": {"op": "like", "args": [{"property": "id"}]}}""", "filter")]
    [InlineData("""{"sortby": [{"field": "id", "direction": "up"}]}""", "sortby")]
    [InlineData("""{"fields": {"include": [1]}}""", "fields")]
    [InlineData("""{"bbox": [0, 0, 1, 1], "intersects": {"type": "Point", "coordinates": [0, 0]}}""", "bbox")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""{"limit": """, "body")]
    public async Task SearchPost_InvalidBody_Is400ProblemNamingTheParameter(string body, string parameter)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Server.Client.PostAsync("/stac/search", content);
        await AssertProblem(response, parameter);
    }

    private static async Task AssertProblem(HttpResponseMessage response, string parameter)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.StartsWith(parameter, (string?)problem["parameter"], StringComparison.Ordinal);
        Assert.StartsWith(parameter, (string?)problem["detail"], StringComparison.Ordinal);
    }

    private string Url(string path) => new Uri(Server.BaseAddress, path).ToString();

    private async Task<JsonNode> GetJson(string url)
    {
        using var response = await Server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<JsonNode> PostJson(string url, JsonObject body)
    {
        using var response = await Server.Client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    private static List<string> Ids(JsonNode page) => [.. page["features"]!.AsArray().Select(f => (string)f!["id"]!)];

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    private static string? Link(JsonArray links, string rel) => (string?)links.FirstOrDefault(l => (string?)l!["rel"] == rel)?["href"];
}

/// <summary>The STAC API on the embedded SQLite catalogue.</summary>
public sealed class SqliteStacApiTests(RunningServer server) : StacApiTests<RunningServer>(server);

/// <summary>The STAC API on PostgreSQL.</summary>
public sealed class PostgresStacApiTests(PostgresRunningServer server) : StacApiTests<PostgresRunningServer>(server);
