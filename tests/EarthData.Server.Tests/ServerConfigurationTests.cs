using System.Text.Json.Nodes;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarthData.Server.Tests;

public class ServerConfigurationTests
{
    [Fact]
    public void Build_NamesEveryBadSetting_InOneMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataServer.Build(Options(new()
        {
            ["EarthData:Catalog:Provider"] = "Mongo",
            ["EarthData:Objects:Provider"] = "AzureBlob",
            ["EarthData:PublicUrl"] = "ftp://example.org",
            ["EarthData:Stac:CountMatched"] = "sometimes",
            ["EarthData:Stac:CountLimit"] = "-1",
            ["EarthData:Stac:CountTimeoutMs"] = "soon",
            ["EarthData:Stac:SearchTimeoutMs"] = "0",
            ["EarthData:Tiles:MemoryCacheMegabytes"] = "-5",
        })));

        Assert.Contains("EarthData:Catalog:Provider: 'Mongo' is not one of Sqlite, Postgres", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Objects:ConnectionString or EarthData:Objects:AccountUrl is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:PublicUrl: 'ftp://example.org' is not an absolute http(s) URL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:CountMatched: 'sometimes' is not true or false", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:CountLimit: '-1' is not a whole number in 0-", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:CountTimeoutMs: 'soon' is not a whole number in 1-600000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:SearchTimeoutMs: '0' is not a whole number in 1-600000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Tiles:MemoryCacheMegabytes: '-5' is not a whole number in 0-1048576", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Build_PostgresWithoutConnectionString_NamesTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataServer.Build(Options(new() { ["EarthData:Catalog:Provider"] = "postgres" })));
        Assert.Equal("EarthData:Catalog:ConnectionString is required when EarthData:Catalog:Provider is Postgres", ex.Message);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("00:00:00")]
    public void Build_BadPendingEvaluationAge_NamesTheSetting(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataServer.Build(Options(new() { ["EarthData:Alerts:PendingEvaluationAge"] = value })));
        Assert.Equal($"EarthData:Alerts:PendingEvaluationAge: '{value}' is not a duration of at least one second (hh:mm:ss, e.g. 00:05:00)", ex.Message);
    }

    [Fact]
    public async Task PublicUrlAndCountMatched_FromConfiguration_ShapeTheStacApi()
    {
        await using var server = await ConfiguredServer.StartAsync(new() { ["EarthData:PublicUrl"] = "https://maps.example.org/earthdata/", ["EarthData:Stac:CountMatched"] = "false" });

        var landing = await server.Client.GetStringAsync("/stac");
        Assert.Contains("\"href\":\"https://maps.example.org/earthdata/stac/collections\"", landing, StringComparison.Ordinal);
        var search = await server.Client.GetStringAsync("/stac/search");
        Assert.Contains("\"numberReturned\":0", search, StringComparison.Ordinal);
        Assert.DoesNotContain("numberMatched", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicObjectsUrl_FromConfiguration_IsTheBaseOfAssetHrefs_AndAbsoluteHrefsPass()
    {
        await using var server = await ConfiguredServer.StartAsync(new() { ["EarthData:PublicObjectsUrl"] = "https://cdn.example.org/maps" });
        var item = TestCatalog.Items()[0];
        item.Assets["elsewhere"] = new StacAsset { Href = "https://example.com/scene.tif" };
        await server.Catalog.UpsertItemAsync(item);

        var served = JsonNode.Parse(await server.Client.GetStringAsync($"/stac/collections/{item.Collection}/items/{item.Id}"))!;

        Assert.Equal("https://cdn.example.org/maps/" + item.Assets["B5_cog"].Href, (string?)served["assets"]!["B5_cog"]!["href"]);
        Assert.Equal("https://example.com/scene.tif", (string?)served["assets"]!["elsewhere"]!["href"]);
    }

    [Fact]
    public async Task SearchPastItsTimeBudget_Is503Problem_AndTheServerStaysUp()
    {
        await using var server = await ConfiguredServer.StartAsync(new() { ["EarthData:Stac:SearchTimeoutMs"] = "1" });
        await AssertSearchPastItsBudgetIs503Async(server.Client, server.Catalog);
    }

    [Fact]
    public async Task SearchPastItsTimeBudget_OnPostgres_Is503Problem_AndTheServerStaysUp()
    {
        var server = new TinyBudgetPostgresServer();
        await server.InitializeAsync();
        try
        {
            await AssertSearchPastItsBudgetIs503Async(server.Client, server.Catalog);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A search far beyond a 1 ms budget answers 503 problem+json naming the budget, and the server answers the next request.</summary>
    private static async Task AssertSearchPastItsBudgetIs503Async(HttpClient client, ICatalogStore catalog)
    {
        // 5,000 items (the 25 test items under other ids): the filter below costs ~1.2 M LIKE matches, far beyond 1 ms
        // (LIKE patterns, unlike a chain of equalities, cannot become one IN look-up).
        var items = TestCatalog.Items();
        await catalog.UpsertItemsAsync([.. Enumerable.Range(0, 5_000).Select(i => items[i % items.Count] with { Id = $"budget-{i}" })]);

        // A 496-node filter that matches nothing.
        var ors = Enumerable.Range(0, 5).Select(o => "{\"op\":\"or\",\"args\":[" + string.Join(',', Enumerable.Range(0, 49).Select(i => $"{{\"op\":\"like\",\"args\":[{{\"property\":\"platform\"}},\"%cbers-4%x{(o * 100) + i}%\"]}}")) + "]}");
        using var content = new StringContent("{\"filter\":{\"op\":\"and\",\"args\":[" + string.Join(',', ors) + "]}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/stac/search", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("time budget of 1 ms", text, StringComparison.Ordinal);
        using var health = await client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task WithoutPublicUrl_LinksAndAssetHrefs_UseTheAddressTheClientCalled()
    {
        await using var server = await ConfiguredServer.StartAsync([]);
        var item = TestCatalog.Items()[0];
        await server.Catalog.UpsertItemAsync(item);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/stac/collections/{item.Collection}/items/{item.Id}");
        request.Headers.Host = "maps.example.org:8443";

        using var response = await server.Client.SendAsync(request);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("http://maps.example.org:8443/objects/" + item.Assets["B5_cog"].Href, (string?)served["assets"]!["B5_cog"]!["href"]);
        Assert.Contains(served["links"]!.AsArray(), l => (string?)l!["rel"] == "self"
            && (string?)l["href"] == $"http://maps.example.org:8443/stac/collections/{item.Collection}/items/{item.Id}");
    }

    [Fact]
    public void Build_BadPublicObjectsUrl_NamesTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataServer.Build(Options(new() { ["EarthData:PublicObjectsUrl"] = "/srv/objects" })));
        Assert.Equal("EarthData:PublicObjectsUrl: '/srv/objects' is not an absolute http(s) URL", ex.Message);
    }

    private static ServerOptions Options(Dictionary<string, string?> settings, string urls = "http://127.0.0.1:5080", string? data = null) => new()
    {
        Urls = urls,
        DataDirectory = data ?? Path.GetTempPath(),
        Configure = configuration => configuration.AddInMemoryCollection(settings),
    };

    /// <summary>A server started on a free loopback port with <c>settings</c> over a fresh data directory; disposing stops it and deletes the directory.</summary>
    private sealed class ConfiguredServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly string _data;

        private ConfiguredServer(WebApplication app, string data, Uri address)
        {
            _app = app;
            _data = data;
            Client = new HttpClient { BaseAddress = address };
        }

        public HttpClient Client { get; }

        public ICatalogStore Catalog => _app.Services.GetRequiredService<ICatalogStore>();

        public static async Task<ConfiguredServer> StartAsync(Dictionary<string, string?> settings)
        {
            var data = Directory.CreateTempSubdirectory("earthdata-config-").FullName;
            var address = new Uri($"http://127.0.0.1:{RunningServer.FreePort()}");
            var app = EarthDataServer.Build(Options(settings, address.ToString().TrimEnd('/'), data));
            var server = new ConfiguredServer(app, data, address);
            try
            {
                await app.StartAsync();
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            try
            {
                await _app.StopAsync();
            }
            finally
            {
                await _app.DisposeAsync();
                Directory.Delete(_data, recursive: true);
            }
        }
    }

    /// <summary>The server on PostgreSQL with a 1 ms search budget.</summary>
    private sealed class TinyBudgetPostgresServer : PostgresRunningServer
    {
        protected override Dictionary<string, string?> Settings => new(base.Settings) { [ServerSettings.SearchTimeoutKey] = "1" };
    }
}
