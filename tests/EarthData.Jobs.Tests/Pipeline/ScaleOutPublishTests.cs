using Azure.Storage.Blobs;
using EarthData.Core.Catalog;
using EarthData.Jobs.Pipeline;
using EarthData.Storage.Catalog;
using EarthData.Storage.Objects;
using EarthData.Testing;
using Npgsql;

namespace EarthData.Jobs.Tests.Pipeline;

/// <summary>The scale-out shape: objects in Azure Blob Storage (Azurite), the catalogue in PostgreSQL, both from tests/run.sh.</summary>
[Collection(PublishTestGroup.Name)]
public sealed class ScaleOutPublishTests(PublishScenesFixture scenes) : IAsyncLifetime
{
    private readonly string _container = "publish" + Guid.NewGuid().ToString("N");
    private readonly string _schema = "publish_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Publish_ToAzuriteAndPostgres_TwiceKeepsOneItemAndGdalReadsTheCogThroughVsiaz()
    {
        var objects = new AzureBlobObjectStore(new AzureBlobStoreOptions { ConnectionString = TestServers.AzureBlob, Container = _container, MaxRetries = 1 });
        var connection = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = _schema }.ConnectionString;
        await using var catalog = new PostgresCatalogStore(connection);
        await catalog.MigrateAsync();
        var publisher = new ScenePublisher(objects, catalog, new PublishOptions { UploadParallelism = 4 });
        var scene = scenes.Mux;

        await publisher.PublishAsync(scene);
        var result = await publisher.PublishAsync(scene);

        var page = await catalog.SearchAsync(new ItemSearch { Ids = [scene.Manifest.SceneId], Limit = 10 });
        Assert.Single(page.Items);
        // The catalogue keeps object keys, never the (private) container URL: the STAC API resolves them per request.
        Assert.Equal(PublishedObjectKeys.Cog("CBERS4-MUX", scene.Manifest.SceneId, "visual"), result.Item.Assets["visual"].Href);
        var stac = new List<string>();
        await foreach (var o in objects.ListAsync("stac/"))
        {
            stac.Add(o.Key);
        }

        Assert.Equal(["stac/CBERS4-MUX/collection.json", $"stac/CBERS4-MUX/items/{scene.Manifest.SceneId}.json", "stac/catalog.json"], stac);

        var key = PublishedObjectKeys.Cog(scene.Manifest.Collection, scene.Manifest.SceneId, "visual");
        var info = await ExternalTool.RunAsync("gdalinfo", [$"/vsiaz/{_container}/{key}"], new Dictionary<string, string>
        {
            ["AZURE_STORAGE_CONNECTION_STRING"] = TestServers.AzureBlob,
            ["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR",
        });
        Assert.True(info.ExitCode == 0, info.Output);
        Assert.Contains("Driver: GTiff", info.Output, StringComparison.Ordinal);
        Assert.Contains("LAYOUT=COG", info.Output, StringComparison.Ordinal);
        Assert.Contains("Overviews:", info.Output, StringComparison.Ordinal);
    }

    public async Task InitializeAsync() => await ExecuteAsync($"CREATE SCHEMA \"{_schema}\"");

    public async Task DisposeAsync()
    {
        await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        await new BlobServiceClient(TestServers.AzureBlob).GetBlobContainerClient(_container).DeleteIfExistsAsync();
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
