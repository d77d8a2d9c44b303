using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarthData.Samples;

namespace EarthData.Server.Tests;

/// <summary><c>/api/scenes</c> on an embedded server whose workers run the real pipeline.</summary>
public sealed class ScenesApiTests(PipelineServer server) : IClassFixture<PipelineServer>
{
    private static HttpRequestMessage Post(string path, object? body, string? key = PipelineServer.ApiKey, bool bearer = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            if (bearer)
            {
                request.Headers.Authorization = new("Bearer", key);
            }
            else
            {
                request.Headers.Add("X-Api-Key", key);
            }
        }

        return request;
    }

    private string GenerateIntoDrop(int seed, int row)
    {
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = server.DropFolder, Collection = "CBERS4-MUX", Scale = 0.03, Seed = seed, Row = row,
        }).Scenes[0];
        return scene.Id.ToString();
    }

    /// <summary>Asserts the status, naming the answer's body and the server's last log lines otherwise.</summary>
    private async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{(int)response.StatusCode} instead of {(int)expected}: {await response.Content.ReadAsStringAsync()}; {await server.DiagnosticsAsync()}");
        }
    }

    /// <summary>The scene once it is in one of <paramref name="states"/>; fails with the server's diagnostics after 3 minutes.</summary>
    private async Task<JsonElement> WaitForAsync(string id, params string[] states)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var scene = await server.Client.GetFromJsonAsync<JsonElement>($"/api/scenes/{id}");
            if (states.Contains(scene.GetProperty("state").GetString()))
            {
                return scene;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{id} not {string.Join(" or ", states)} within 3 min: {scene}; {await server.DiagnosticsAsync()}");
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Post_SceneId_Answers202WithLocation_AndTheWorkersPublishIt()
    {
        var id = GenerateIntoDrop(seed: 21, row: 101);

        using var response = await server.Client.SendAsync(Post("/api/scenes", new { source = id }));

        await ExpectAsync(HttpStatusCode.Accepted, response);
        Assert.Equal($"/api/scenes/{id}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal("Queued", body.GetProperty("state").GetString());
        var published = await WaitForAsync(id, "Published", "Failed", "Rejected");
        Assert.Equal("Published", published.GetProperty("state").GetString());
        var links = published.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
        using var item = await server.Client.GetAsync(new Uri(links["item"]).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        Assert.Contains("/true-color/{z}/{x}/{y}.png", links["tiles"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameSceneTenTimesAtOnce_OneRecordOneItem()
    {
        var id = GenerateIntoDrop(seed: 22, row: 102);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => server.Client.SendAsync(Post("/api/scenes", new { source = id }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal("Published", (await WaitForAsync(id, "Published", "Failed", "Rejected")).GetProperty("state").GetString());
        using var search = await server.Client.GetAsync($"/stac/search?ids={id}");
        var matched = (await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").GetArrayLength();
        Assert.Equal(1, matched);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task Post_CorruptScene_IsRejectedWithTheReason_AndRetryAfterAFixPublishesIt()
    {
        var id = GenerateIntoDrop(seed: 23, row: 103);
        var folder = Directory.GetDirectories(server.DropFolder, id, SearchOption.AllDirectories).Single();
        var band = Directory.GetFiles(folder, "*_BAND8.tif").Single();
        var good = await File.ReadAllBytesAsync(band);
        await File.WriteAllBytesAsync(band, good.AsSpan(0, 64).ToArray());

        using var queued = await server.Client.SendAsync(Post("/api/scenes", new { source = folder }, bearer: false));
        var rejected = await WaitForAsync(id, "Rejected", "Published", "Failed");
        await File.WriteAllBytesAsync(band, good);
        using var retry = await server.Client.SendAsync(Post($"/api/scenes/{id}/retry", null));
        using var again = await server.Client.SendAsync(Post($"/api/scenes/{id}/retry", null));

        await ExpectAsync(HttpStatusCode.Accepted, queued);
        Assert.Equal("Rejected", rejected.GetProperty("state").GetString());
        Assert.Equal("ingest", rejected.GetProperty("stage").GetString());
        Assert.False(rejected.GetProperty("retryable").GetBoolean());
        Assert.Contains("BAND8.tif", rejected.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var published = await WaitForAsync(id, "Published", "Failed");
        Assert.True(published.GetProperty("state").GetString() == "Published", $"after the retry: {published}");
        Assert.Equal(HttpStatusCode.Conflict, (await server.Client.SendAsync(Post($"/api/scenes/{id}/retry", null))).StatusCode);
        Assert.True(again.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task Post_WithoutTheKey_Answers401ProblemAndQueuesNothing(string? key)
    {
        using var response = await server.Client.SendAsync(Post("/api/scenes", new { source = "CBERS_4_MUX_20170528_090_084_L2" }, key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/api/scenes/CBERS_4_MUX_20170528_090_084_L2")).StatusCode);
    }

    [Theory]
    [InlineData("""{"source": ""}""", "source")]
    [InlineData("""{"source": "CBERS_4_MUX_20170528_090_084_L2"}""", "is in none of the sources")]
    [InlineData("""{"source": "/etc"}""", "is not a scene id")]
    public async Task Post_BadSource_Answers400NamingTheProblem(string body, string expected)
    {
        var request = Post("/api/scenes", null);
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("source", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task List_PagesWithANextLink_AndFiltersByState()
    {
        var ids = new[] { GenerateIntoDrop(31, 111), GenerateIntoDrop(32, 112), GenerateIntoDrop(33, 113) };
        foreach (var id in ids)
        {
            (await server.Client.SendAsync(Post("/api/scenes", new { source = id }))).Dispose();
        }

        var seen = new List<string>();
        string? next = "/api/scenes?limit=2";
        while (next is not null)
        {
            var page = await server.Client.GetFromJsonAsync<JsonElement>(next);
            seen.AddRange(page.GetProperty("scenes").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : new Uri(page.GetProperty("next").GetString()!).PathAndQuery;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Superset(ids.ToHashSet(), seen.ToHashSet());
        using var bad = await server.Client.GetAsync("/api/scenes?state=Sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badLimit = await server.Client.GetAsync("/api/scenes?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        var rejected = await server.Client.GetFromJsonAsync<JsonElement>("/api/scenes?state=rejected&collection=CBERS4-MUX");
        Assert.All(rejected.GetProperty("scenes").EnumerateArray(), s => Assert.Equal("Rejected", s.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Get_UnknownScene_Answers404Problem()
    {
        using var response = await server.Client.GetAsync("/api/scenes/CBERS_4_MUX_20170528_090_199_L2");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DescribesTheScenesApi_AndTheUiIsServedOffline()
    {
        var document = await server.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        using var ui = await server.Client.GetAsync("/openapi/ui/index.html");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/scenes", out var scenes));
        Assert.True(scenes.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/scenes/{id}/retry", out _));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger-ui", await ui.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HealthReady_CoversCatalogueStoreAndJobs()
    {
        var health = await server.Client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(["catalog", "jobs", "objects"], health.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dashboard_IsClosedWithoutTheKey_AndOpenWithIt()
    {
        using var closed = await server.Client.GetAsync("/hangfire");
        var withKey = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        withKey.Headers.Add("X-Api-Key", PipelineServer.ApiKey);
        using var open = await server.Client.SendAsync(withKey);

        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}
