using System.Net;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;
using EarthData.Storage.Catalog;

namespace EarthData.EndToEnd.Tests.Pipeline;

/// <summary>The object store (a private Azurite) stopped for 20 s while <c>earthdata serve</c> publishes a scene.</summary>
public sealed partial class WorkerFaultTests
{
    private const string OutageKey = "outage-test-key-0123456789";

    [Fact]
    public async Task ObjectStoreStopped20sDuringPublishing_SceneRetriesAndPublishes_NothingHalfPublishedVisible()
    {
        var drop = Path.Combine(_root, "drop");
        // Large enough that its publish stage (uploads of the COGs and the pyramids) lasts well beyond the 5 ms poll below:
        // at scale 0.04 the publish stage could start and end between two polls.
        var id = Generate(drop, seed: 80, row: 140, scale: 0.12);
        using var azurite = await AzuriteProcess.StartAsync(FreePort(), Path.Combine(_root, "azurite"));
        var data = Path.Combine(_root, "data");
        var url = $"http://127.0.0.1:{FreePort()}";
        var environment = Environment(drop, new()
        {
            ["EARTHDATA_API_KEY"] = OutageKey,
            ["EarthData__PublicUrl"] = url,
            ["EarthData__Objects__Provider"] = "AzureBlob",
            ["EarthData__Objects__ConnectionString"] = azurite.ConnectionString,
            ["EarthData__Objects__Container"] = "outage",
            ["EarthData__Pipeline__MaxAttempts"] = "20",
            ["EarthData__Pipeline__MaxRetryDelay"] = "00:00:04",
        });
        var catalog = new SqliteCatalogStore(Path.Combine(data, "catalog.db"));
        using var server = EarthDataProcess.Start(environment, "serve", "--urls", url, "--data", data);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await WaitForHealthAsync(http);
        await QueueOverApiAsync(http, OutageKey, id);

        var stoppedIn = await StopWhenPublishingAsync(catalog, id, azurite, server);
        var seen = new List<JsonNode>();
        var outageEnds = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < outageEnds)
        {
            if (await VisibleItemAsync(http, id) is { } item)
            {
                seen.Add(item);
            }

            await Task.Delay(250);
        }

        var duringOutage = await catalog.GetSceneRecordAsync(id);
        await azurite.StartAsync();
        var record = (await WaitForAllAsync(catalog, [id], TimeSpan.FromMinutes(3)))[0];
        output.WriteLine($"stopped in {stoppedIn}; during the outage: {duringOutage!.State} {duringOutage.Stage} attempts {duringOutage.Attempts} {duringOutage.Reason}; "
            + $"item visible {seen.Count} times\n{server.Output}");

        Assert.Equal(SceneState.Published, record.State);
        Assert.NotEqual(SceneState.Published, duringOutage.State);
        Assert.True(duringOutage.Attempts > 1 || duringOutage.Reason is not null, "the outage made a stage fail and retry");
        Assert.Single((await catalog.SearchAsync(new ItemSearch { Ids = [id], Limit = 10 })).Items);
        var published = await VisibleItemAsync(http, id) ?? throw new InvalidOperationException("the published item is not served");
        foreach (var item in seen.Append(published))
        {
            foreach (var (name, asset) in item["assets"]!.AsObject())
            {
                using var response = await http.GetAsync(new Uri(asset!["href"]!.GetValue<string>()), HttpCompletionOption.ResponseHeadersRead);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"asset {name} of the item seen in /stac: {response.StatusCode}");
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Queues a scene with <c>POST /api/scenes</c>; asserts <c>202 Accepted</c>.</summary>
    private static async Task QueueOverApiAsync(HttpClient http, string key, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scenes") { Content = System.Net.Http.Json.JsonContent.Create(new { source = id }) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Stops Azurite as soon as the scene is in its publish stage; returns the stage it was stopped in.</summary>
    private static async Task<string> StopWhenPublishingAsync(SqliteCatalogStore catalog, string id, AzuriteProcess azurite, EarthDataProcess server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var record = await catalog.GetSceneRecordAsync(id);
            Assert.False(record?.State is SceneState.Published or SceneState.Failed or SceneState.Rejected,
                $"the scene ended {record?.State} before its publish stage was seen\n{server.Output}");
            if (record?.State == SceneState.Publishing)
            {
                await azurite.StopAsync();
                return $"{record.State} (progress {record.Progress})";
            }

            Assert.False(server.HasExited, server.Output);
            await Task.Delay(5);
        }

        throw new TimeoutException("the scene never reached its publish stage\n" + server.Output);
    }

    /// <summary>The item as <c>/stac</c> serves it, or null while it is not there (404).</summary>
    private static async Task<JsonNode?> VisibleItemAsync(HttpClient http, string id)
    {
        using var response = await http.GetAsync($"/stac/collections/CBERS4-MUX/items/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }
}
