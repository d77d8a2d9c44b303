using Microsoft.Extensions.Configuration;

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
        })));

        Assert.Contains("EarthData:Catalog:Provider: 'Mongo' is not one of Sqlite, Postgres", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Objects:ConnectionString or EarthData:Objects:AccountUrl is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:PublicUrl: 'ftp://example.org' is not an absolute http(s) URL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:CountMatched: 'sometimes' is not true or false", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:CountLimit: '-1' is not a whole number between 0 and", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:CountTimeoutMs: 'soon' is not a whole number between 1 and 600000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Stac:SearchTimeoutMs: '0' is not a whole number between 1 and 600000", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Build_PostgresWithoutConnectionString_NamesTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataServer.Build(Options(new() { ["EarthData:Catalog:Provider"] = "postgres" })));
        Assert.Equal("EarthData:Catalog:ConnectionString is required when EarthData:Catalog:Provider is Postgres", ex.Message);
    }

    [Fact]
    public async Task PublicUrlAndCountMatched_FromConfiguration_ShapeTheStacApi()
    {
        var data = Directory.CreateTempSubdirectory("earthdata-config-").FullName;
        try
        {
            var port = new Uri($"http://127.0.0.1:{RunningServer.FreePort()}");
            await using var app = EarthDataServer.Build(Options(new() { ["EarthData:PublicUrl"] = "https://maps.example.org/earthdata/", ["EarthData:Stac:CountMatched"] = "false" }, port.ToString().TrimEnd('/'), data));
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = port };
            var landing = await client.GetStringAsync("/stac");
            Assert.Contains("\"href\":\"https://maps.example.org/earthdata/stac/collections\"", landing, StringComparison.Ordinal);
            var search = await client.GetStringAsync("/stac/search");
            Assert.Contains("\"numberReturned\":0", search, StringComparison.Ordinal);
            Assert.DoesNotContain("numberMatched", search, StringComparison.Ordinal);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task SearchPastItsTimeBudget_Is503Problem_AndTheServerStaysUp()
    {
        var data = Directory.CreateTempSubdirectory("earthdata-budget-").FullName;
        try
        {
            var port = new Uri($"http://127.0.0.1:{RunningServer.FreePort()}");
            await using var app = EarthDataServer.Build(Options(new() { ["EarthData:Stac:SearchTimeoutMs"] = "1" }, port.ToString().TrimEnd('/'), data));
            await app.StartAsync();
            var catalog = (EarthData.Core.Catalog.ICatalogStore)app.Services.GetService(typeof(EarthData.Core.Catalog.ICatalogStore))!;
            await TestCatalog.SeedAsync(catalog);
            using var client = new HttpClient { BaseAddress = port };

            // A 496-node filter that matches nothing: far more than 1 ms of work.
            var ors = Enumerable.Range(0, 5).Select(o => "{\"op\":\"or\",\"args\":[" + string.Join(',', Enumerable.Range(0, 49).Select(i => $"{{\"op\":\"=\",\"args\":[{{\"property\":\"view:sun_elevation\"}},{1000 + (o * 100) + i}]}}")) + "]}");
            using var content = new StringContent("{\"filter\":{\"op\":\"and\",\"args\":[" + string.Join(',', ors) + "]}}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/stac/search", content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("time budget", text, StringComparison.Ordinal);
            using var health = await client.GetAsync("/health");
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static ServerOptions Options(Dictionary<string, string?> settings, string urls = "http://127.0.0.1:5080", string? data = null) => new()
    {
        Urls = urls,
        DataDirectory = data ?? Path.GetTempPath(),
        Configure = configuration => configuration.AddInMemoryCollection(settings),
    };
}
