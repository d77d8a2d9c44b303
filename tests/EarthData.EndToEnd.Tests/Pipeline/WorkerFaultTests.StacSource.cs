using System.Net;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;
using EarthData.Storage.Catalog;

namespace EarthData.EndToEnd.Tests.Pipeline;

/// <summary>Two real servers: B's discovery finds the scenes A published through A's <c>/stac</c> and ingests them.</summary>
public sealed partial class WorkerFaultTests
{
    private const string StacKey = "stac-source-key-0123456789";

    [Fact]
    public async Task StacSource_ItemsPublishedByAnotherServer_AreDiscoveredIngestedAndPublished()
    {
        var ids = new[] { Generate(Path.Combine(_root, "drop-a"), seed: 90, row: 150), Generate(Path.Combine(_root, "drop-a"), seed: 91, row: 151) };
        var id = ids[0];
        var (urlA, urlB) = ($"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}");
        var environmentA = Environment(Path.Combine(_root, "drop-a"), new()
        {
            ["EARTHDATA_API_KEY"] = StacKey,
            ["EarthData__PublicUrl"] = urlA,
            ["EarthData__Objects__Directory"] = Path.Combine(_root, "objects-a"),
            ["EarthData__Pipeline__PublishOriginals"] = "true",
        });
        var environmentB = Environment(Path.Combine(_root, "drop-b"), new()
        {
            ["EARTHDATA_API_KEY"] = StacKey,
            ["EarthData__PublicUrl"] = urlB,
            ["EarthData__Objects__Directory"] = Path.Combine(_root, "objects-b"),
            ["EarthData__Sources__Stac__Url"] = urlA + "/stac",
            ["EarthData__Sources__Stac__Collections"] = "CBERS4-MUX",
            ["EarthData__Sources__Stac__PageSize"] = "1",
            ["EarthData__Pipeline__DiscoveryCron"] = "*/5 * * * * *",
        });
        var catalogA = new SqliteCatalogStore(Path.Combine(_root, "a", "catalog.db"));
        var catalogB = new SqliteCatalogStore(Path.Combine(_root, "b", "catalog.db"));
        using var a = EarthDataProcess.Start(environmentA, "serve", "--urls", urlA, "--data", Path.Combine(_root, "a"));
        using var httpA = new HttpClient { BaseAddress = new Uri(urlA) };
        await WaitForHealthAsync(httpA);
        foreach (var scene in ids)
        {
            await QueueOverApiAsync(httpA, StacKey, scene);
        }

        Assert.All(await WaitForAllAsync(catalogA, ids, TimeSpan.FromMinutes(3)), r => Assert.Equal(SceneState.Published, r.State));
        using var b = EarthDataProcess.Start(environmentB, "serve", "--urls", urlB, "--data", Path.Combine(_root, "b"));
        using var httpB = new HttpClient { BaseAddress = new Uri(urlB) };
        await WaitForHealthAsync(httpB);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await catalogB.GetSceneRecordAsync(ids[0]) is null || await catalogB.GetSceneRecordAsync(ids[1]) is null) && DateTime.UtcNow < deadline)
        {
            Assert.False(b.HasExited, b.Output);
            await Task.Delay(250);
        }

        var records = await WaitForAllAsync(catalogB, ids, TimeSpan.FromMinutes(3));
        output.WriteLine($"--- a\n{a.Output}\n--- b\n{b.Output}");

        // One item per search page: the second scene came through the next link.
        Assert.All(records, r => Assert.True(r.State == SceneState.Published, $"{r.SceneId}: {r.State} {r.Reason}"));
        var record = records[0];
        Assert.Equal($"{urlA}/stac/collections/CBERS4-MUX/items/{id}", record.Source);
        var itemA = JsonNode.Parse(await httpA.GetStringAsync($"/stac/collections/CBERS4-MUX/items/{id}"))!;
        Assert.All(new[] { "B5", "B6", "B7", "B8", "metadata" }, key => Assert.NotNull(itemA["assets"]![key]));
        var itemB = JsonNode.Parse(await httpB.GetStringAsync($"/stac/collections/CBERS4-MUX/items/{id}"))!;
        Assert.Equal(itemA["properties"]!["datetime"]!.GetValue<string>(), itemB["properties"]!["datetime"]!.GetValue<string>());
        using var cog = await httpB.GetAsync(new Uri(itemB["assets"]!["visual"]!["href"]!.GetValue<string>()), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, cog.StatusCode);
        Assert.Single((await catalogB.SearchAsync(new ItemSearch { Ids = [id], Limit = 10 })).Items);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
