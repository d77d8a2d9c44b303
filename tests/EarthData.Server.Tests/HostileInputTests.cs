using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;

namespace EarthData.Server.Tests;

/// <summary>
/// Hostile and malformed requests (issue 10): every one is answered by a 4xx problem+json naming what is wrong — never a
/// 500 — and every list parameter is refused above its documented bound (<see cref="SearchLimits"/>).
/// </summary>
public abstract class HostileInputTests<TServer>(TServer server) : IClassFixture<TServer>, IAsyncLifetime
    where TServer : RunningServer
{
    public Task InitializeAsync() => TestCatalog.SeedAsync(server.Catalog);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(HostileRequests.BadBodies), MemberType = typeof(HostileRequests))]
    public async Task SearchPost_MalformedBody_Is400ProblemNamingTheParameter(string body, string parameter)
    {
        using var response = await Post(body);
        await AssertProblem(response, HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task SearchGet_DegenerateBbox_IsAPointQuery_NotA500()
    {
        // bbox=x,y,x,y is a point; item 0 covers lon -50..-49, lat -10..-9.
        using var response = await server.Client.GetAsync("/stac/search?bbox=-49.5,-9.5,-49.5,-9.5");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains(TestCatalog.Id(0), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPost_DegenerateBboxInsideCql2_IsAPointQuery_NotA500()
    {
        using var response = await Post("""{"filter": {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [-49.5, -9.5, -49.5, -9.5]}]}}""");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains(TestCatalog.Id(0), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPost_ForgedTokenWithNonDateKey_Is400()
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"s":"datetime-,collection+,id+","k":["not a date","CBERS4-MUX","x"]}"""))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var response = await Post($$"""{"token": "{{token}}"}""");
        await AssertProblem(response, HttpStatusCode.BadRequest, "token");
    }

    [Theory]
    [InlineData("ids", SearchLimits.MaxIds)]
    [InlineData("collections", SearchLimits.MaxCollections)]
    public async Task SearchPost_ListAtItsBound_Answers_AndOneMore_Is400NamingTheBound(string parameter, int bound)
    {
        static string Body(string name, int count) => new JsonObject { [name] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)$"x{i}")]) }.ToJsonString();

        using (var atBound = await Post(Body(parameter, bound)))
        {
            Assert.Equal(HttpStatusCode.OK, atBound.StatusCode);
        }

        using var over = await Post(Body(parameter, bound + 1));
        var problem = await AssertProblem(over, HttpStatusCode.BadRequest, parameter);
        Assert.Contains(bound.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sortby", SearchLimits.MaxSortFields)]
    [InlineData("fields", SearchLimits.MaxFields)]
    public async Task SearchGet_ListOverItsBound_Is400(string parameter, int bound)
    {
        var list = string.Join(',', Enumerable.Range(0, bound + 1).Select(i => $"properties.p{i}"));
        using var over = await server.Client.GetAsync($"/stac/search?{parameter}={list}");
        await AssertProblem(over, HttpStatusCode.BadRequest, parameter);
        var atBound = string.Join(',', Enumerable.Range(0, bound).Select(i => $"properties.p{i}"));
        using var ok = await server.Client.GetAsync($"/stac/search?{parameter}={atBound}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [MemberData(nameof(HostileRequests.OversizedFilters), MemberType = typeof(HostileRequests))]
    public async Task SearchPost_FilterOverABound_Is400NamingThePath(string filter)
    {
        using var response = await Post($$"""{"filter": {{filter}}}""");
        await AssertProblem(response, HttpStatusCode.BadRequest, "filter");
    }

    [Fact]
    public async Task SearchPost_IntersectsOverTheVertexBound_Is400()
    {
        var ring = string.Join(',', Enumerable.Range(0, SearchLimits.MaxGeometryPositions).Select(i => $"[{-50 + (i * 1e-4)}, {-10 + (i % 2 * 1e-3)}]"));
        using var response = await Post($$$"""{"intersects": {"type": "LineString", "coordinates": [{{{ring}}}, [0, 0]]}}""");
        await AssertProblem(response, HttpStatusCode.BadRequest, "intersects");
    }

    [Fact]
    public async Task SearchPost_BodyOverTheRouteLimit_Is413Problem()
    {
        var text = await RawHttp.PostHeadAsync(server.BaseAddress, "/stac/search", 2 * 1024 * 1024, "{\"ids\": [");
        Assert.StartsWith("HTTP/1.1 413", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", text, StringComparison.OrdinalIgnoreCase);

        // Within the route's limit, a body larger than the 64 KiB default is accepted.
        var ids = string.Join(',', Enumerable.Range(0, 900).Select(i => $"\"CBERS_4_MUX_20200101_{i:000000}_120_L2_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\""));
        using var accepted = await Post($$"""{"ids": [{{ids}}]}""");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task SearchPost_BodySentTooSlowly_Is408Problem()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = client.GetStream();
        var head = $"POST /stac/search HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = reader.ReadLineAsync();
        for (var i = 0; i < 20 && !status.IsCompleted; i++)
        {
            await Task.WhenAny(status, Task.Delay(1000));
            if (!status.IsCompleted)
            {
                try
                {
                    await stream.WriteAsync(" "u8.ToArray()); // one byte a second: far below the minimum rate
                }
                catch (IOException)
                {
                    break;
                }
            }
        }

        Assert.StartsWith("HTTP/1.1 408", await status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarryNosniff_AndNoServerHeader()
    {
        foreach (var path in new[] { "/health", "/stac", "/stac/search?limit=1", "/no/such/thing" })
        {
            using var response = await server.Client.GetAsync(path);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.False(response.Headers.Contains("Server"), path);
        }
    }

    [Fact]
    public async Task CorsPreflight_OnSearch_AllowsPostFromAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/stac/search");
        request.Headers.Add("Origin", "https://radiantearth.github.io");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var response = await server.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/stac/search?limit=1");
        get.Headers.Add("Origin", "https://radiantearth.github.io");
        using var answer = await server.Client.SendAsync(get);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/stac")]
    [InlineData("/stac/conformance")]
    [InlineData("/stac/collections")]
    [InlineData("/stac/collections/CBERS4-MUX/items?limit=2")]
    [InlineData("/stac/search?limit=2")]
    public async Task Head_AnswersLikeGet_WithoutABody(string path)
    {
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var get = await server.Client.GetAsync(path);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("filter={\"op\":")]
    [InlineData("intersects={\"type\":")]
    public async Task InvalidJsonParameter_Detail_HasNoParserInternals(string query)
    {
        using var response = await server.Client.GetAsync("/stac/search?" + query.Replace("{", "%7B", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal));
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, null);
        var detail = (string?)problem["detail"];
        Assert.DoesNotContain("LineNumber", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", detail, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Post(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await server.Client.PostAsync("/stac/search", content);
    }

    private static async Task<JsonNode> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? parameter)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        if (parameter is not null)
        {
            Assert.StartsWith(parameter, (string?)problem["parameter"], StringComparison.Ordinal);
        }

        return problem;
    }
}

/// <summary>The malformed and oversized requests of <see cref="HostileInputTests{TServer}"/>.</summary>
public static class HostileRequests
{
    public static TheoryData<string, string> BadBodies => new()
    {
        // Each of these answered 500 before.
        { """{"bbox": [-1e309, 0, 1, 1]}""", "bbox" },
        { """{"intersects": {"type": "Point", "coordinates": [-1e309, 0]}}""", "intersects" },
        { """{"intersects": {"type": "Point", "coordinates": [1, "a"]}}""", "intersects" },
        { """{"intersects": {"type": "Polygon", "coordinates": [[["a", 1], [2, 2], [3, 3], ["a", 1]]]}}""", "intersects" },
        { """{"intersects": {"type": "", "coordinates": [1, 2]}}""", "intersects" },
        { """{"filter": {"op": "t_intersects", "args": [{"property": "datetime"}, {"interval": [1, 2]}]}}""", "filter" },
        { """{"filter": {"op": "t_intersects", "args": [{"property": "datetime"}, {"interval": ["2021-01-01", "2020-01-01"]}]}}""", "filter" },
        { """{"filter": {"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "", "coordinates": [1, 2]}]}}""", "filter" },
        { """{"filter": {"op": "=", "args": [{"property": "view:sun_elevation"}, -1e309]}}""", "filter" },
        { """{"limit": 1, "limit": 2}""", "body" },
        { """{"datetime": "March 10 2024"}""", "datetime" },
        { """{"datetime": "10/03/2024"}""", "datetime" },
        { """{"filter": {"op": "=", "args": [{"property": "datetime"}, {"timestamp": "March 10 2024"}]}}""", "filter" },
    };

    public static TheoryData<string> OversizedFilters => new()
    {
        Filter("in", $$"""[{"property": "cbers:path"}, [{{string.Join(',', Enumerable.Range(0, SearchLimits.MaxInValues + 1))}}]]"""),
        Filter("or", "[" + string.Join(',', Enumerable.Range(0, SearchLimits.MaxLogicalArgs + 1).Select(i => $$"""{"op": "=", "args": [{"property": "cbers:path"}, {{i}}]}""")) + "]"),
        Filter("like", $$"""[{"property": "id"}, "{{new string('%', SearchLimits.MaxTextLiteralLength + 1)}}"]"""),
        Filter("and", "[" + string.Join(',', Enumerable.Range(0, 6).Select(_ => Filter("or", "[" + string.Join(',', Enumerable.Range(0, 90).Select(i => $$"""{"op": "=", "args": [{"property": "cbers:path"}, {{i}}]}""")) + "]"))) + "]"),
        Filter("s_intersects", $$$"""[{"property": "geometry"}, {"type": "LineString", "coordinates": [{{{string.Join(',', Enumerable.Range(0, SearchLimits.MaxGeometryPositions + 1).Select(i => $"[{i % 90}, 0]"))}}}]}]"""),
    };

    private static string Filter(string op, string args) => $$"""{"op": "{{op}}", "args": {{args}}}""";
}

/// <summary>Hostile input on the embedded SQLite catalogue.</summary>
public sealed class SqliteHostileInputTests(RunningServer server) : HostileInputTests<RunningServer>(server);

/// <summary>Hostile input on PostgreSQL.</summary>
public sealed class PostgresHostileInputTests(PostgresRunningServer server) : HostileInputTests<PostgresRunningServer>(server);
