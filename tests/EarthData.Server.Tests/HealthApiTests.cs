using System.Net;
using System.Text.Json;
using EarthData.Storage.Configuration;
using Microsoft.Extensions.Configuration;

namespace EarthData.Server.Tests;

public class HealthApiTests(RunningServer server) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task Health_AnswersOk_OnALoopbackPort()
    {
        using var response = await server.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.False(json.TryGetProperty("checks", out _), "liveness does no I/O and reports no checks");
    }

    [Fact]
    public async Task HealthReady_IsDegraded503_WhenTheObjectStoreDoesNotAnswer_WhileLivenessStaysOk()
    {
        var data = Directory.CreateTempSubdirectory("earthdata-ready-").FullName;
        var port = new Uri($"http://127.0.0.1:{RunningServer.FreePort()}");
        var deadBlob = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};BlobEndpoint=http://127.0.0.1:{RunningServer.FreePort()}/devstoreaccount1;";
        try
        {
            await using var app = EarthDataServer.Build(new ServerOptions
            {
                Urls = port.ToString().TrimEnd('/'),
                DataDirectory = data,
                Storage = new StorageSettings { Objects = new ObjectStoreSettings { Provider = ObjectStoreProvider.AzureBlob, ConnectionString = deadBlob, Container = "gone" } },
                Configure = c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["EarthData:Jobs:Storage"] = "InMemory", ["EarthData:Pipeline:DiscoveryCron"] = "never" }),
            });
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = port, Timeout = TimeSpan.FromSeconds(60) };

            using var live = await client.GetAsync("/health");
            using var ready = await client.GetAsync("/health/ready");
            var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("degraded", json.GetProperty("status").GetString());
            Assert.StartsWith("error", json.GetProperty("checks").GetProperty("objects").GetString(), StringComparison.Ordinal);
            Assert.Equal("ok", json.GetProperty("checks").GetProperty("catalog").GetString());
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownPath_AnswersProblemJson404()
    {
        using var response = await server.Client.GetAsync("/no/such/thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:1")]
    [InlineData("not a url")]
    public void Build_RejectsBadUrls_NamingTheSetting(string urls)
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataServer.Build(new ServerOptions { Urls = urls }));
        Assert.StartsWith("--urls", ex.Message, StringComparison.Ordinal);
    }
}
