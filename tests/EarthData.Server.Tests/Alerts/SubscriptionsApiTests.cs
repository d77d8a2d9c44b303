using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EarthData.Server.Tests.Alerts;

public class SubscriptionsApiTests(AlertServer server) : IClassFixture<AlertServer>
{
    private const string Area = """{"type":"Polygon","coordinates":[[[-47.9,-15.9],[-47.7,-15.9],[-47.7,-15.7],[-47.9,-15.7],[-47.9,-15.9]]]}""";

    [Fact]
    public async Task Create_Answers201WithLocation_AndTheSubscriptionCanBeReadListedAndDeleted()
    {
        using var created = await Send(HttpMethod.Post, "/api/subscriptions", $$$"""
            {"area": {{{Area}}}, "hazards": ["drought","flood"], "minSeverity": "Moderate", "languages": ["en","zh","pt"],
             "webhook": {"url": "https://hooks.example.org/earthdata", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}}
            """);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/subscriptions/{id}", created.Headers.Location!.OriginalString);
        Assert.DoesNotContain("whsec_", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["drought", "flood"], body.GetProperty("hazards").EnumerateArray().Select(h => h.GetString()));

        using var get = await Send(HttpMethod.Get, $"/api/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var list = await Send(HttpMethod.Get, "/api/subscriptions");
        Assert.Contains(id, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var delete = await Send(HttpMethod.Delete, $"/api/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await Send(HttpMethod.Get, $"/api/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Endpoints_Answer401_WithoutTheApiKey(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/subscriptions");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[-47.9,-15.9],[-47.7,-15.9],[-47.7,-15.7],[-47.9,-15.7]]]}""", "not closed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-47.9,-15.9],[-47.7,-15.7],[-47.7,-15.9],[-47.9,-15.7],[-47.9,-15.9]]]}""", "crosses itself")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[0.0001,0],[0.0001,0.0001],[0,0]]]}""", "below")]
    [InlineData("""{"type":"Point","coordinates":[0,0]}""", "Polygon or MultiPolygon")]
    public async Task Create_Answers400_ForABadArea(string area, string expected)
    {
        using var response = await Send(HttpMethod.Post, "/api/subscriptions", $$"""{"area": {{area}}, "hazards": ["flood"]}""");

        await AssertProblem(response, expected, "area");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook", "loopback")]
    [InlineData("http://169.254.169.254/latest", "internal")]
    [InlineData("http://10.0.0.8/hook", "internal")]
    public async Task Create_RefusesPrivateWebhookTargets(string url, string expected)
    {
        using var response = await Send(HttpMethod.Post, "/api/subscriptions",
            $$$"""{"area": {{{Area}}}, "hazards": ["flood"], "webhook": {"url": "{{{url}}}", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}}""");

        await AssertProblem(response, expected, "webhook.url");
    }

    [Theory]
    [InlineData("""{"hazards": ["flood"]}""", "area")]
    [InlineData("""{"area": AREA, "hazards": []}""", "hazards")]
    [InlineData("""{"area": AREA, "hazards": ["earthquake"]}""", "hazards")]
    [InlineData("""{"area": AREA, "hazards": ["flood"], "minSeverity": "Huge"}""", "minSeverity")]
    [InlineData("""{"area": AREA, "hazards": ["flood"], "languages": ["fr"]}""", "languages")]
    [InlineData("""{"area": AREA, "hazards": ["flood"], "webhook": {"url": "https://hooks.example.org/x", "secret": "plain"}}""", "webhook.secret")]
    public async Task Create_NamesTheOffendingMember(string body, string member)
    {
        using var response = await Send(HttpMethod.Post, "/api/subscriptions", body.Replace("AREA", Area, StringComparison.Ordinal));

        await AssertProblem(response, "", member);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AlertServer.ApiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await server.Client.SendAsync(request);
    }

    private static async Task AssertProblem(HttpResponseMessage response, string detail, string member)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(member, problem.GetProperty("member").GetString());
    }
}
