using Azure.Storage.Blobs.Models;
using EarthData.Core.Storage;
using EarthData.Storage.Objects;

namespace EarthData.Storage.Tests.Objects;

/// <summary>The conformance suite against real Azurite, each test under its own prefix of one container per class.</summary>
public sealed class AzureBlobObjectStoreTests(AzuriteContainer container) : ObjectStoreConformanceTests, IClassFixture<AzuriteContainer>
{
    private readonly AzureBlobObjectStore _store = container.Store("test-" + Guid.NewGuid().ToString("N")[..12]);

    protected override IObjectStore Store => _store;

    [Fact]
    public async Task Reupload_with_new_headers_replaces_them_and_one_with_the_same_options_keeps_them()
    {
        var cog = new ObjectPutOptions { ContentType = "image/tiff; application=geotiff; profile=cloud-optimized", CacheControl = "max-age=3600" };
        await _store.PutAsync("cogs/x.tif", Bytes(10), cog);
        await _store.PutAsync("cogs/x.tif", Bytes(11), cog);

        var kept = await ServicePropertiesAsync("cogs/x.tif");
        Assert.Equal(cog.ContentType, kept.ContentType);
        Assert.Equal("max-age=3600", kept.CacheControl);

        await _store.PutAsync("cogs/x.tif", Bytes(12), Json);

        var replaced = await ServicePropertiesAsync("cogs/x.tif");
        Assert.Equal("application/json", replaced.ContentType);
        Assert.Equal("no-cache", replaced.CacheControl);
        Assert.Equal(12, replaced.ContentLength);
    }

    [Fact]
    public async Task Keys_live_under_the_store_prefix_and_list_relative_to_it()
    {
        var other = container.Store("other-" + Guid.NewGuid().ToString("N")[..8]);
        await _store.PutAsync("a/b.png", Bytes(3), Png);
        await other.PutAsync("a/c.png", Bytes(3), Png);

        Assert.Equal(_store.Prefix + "a/b.png", _store.BlobName("a/b.png"));
        Assert.True(await container.Client().GetBlobClient(_store.Prefix + "a/b.png").ExistsAsync());
        Assert.Equal(["a/b.png"], (await ListAsync("")).Select(p => p.Key));
        Assert.EndsWith($"/{container.Name}/{_store.Prefix}a/b.png", _store.BlobUri("a/b.png").AbsolutePath, StringComparison.Ordinal);
        Assert.Null(await _store.HeadAsync("a/c.png"));
    }

    [Fact]
    public async Task The_container_is_created_on_first_use_by_concurrent_callers()
    {
        var fresh = new AzuriteContainer();
        try
        {
            var store = fresh.Store();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.PutAsync($"k{i}", Bytes(5), Png)));

            Assert.Equal(8, (await store.ListAsync("").ToListAsync()).Count);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(null, null, "t-ok", "exactly one of ConnectionString and AccountUrl")]
    [InlineData("UseDevelopmentStorage=true", "https://a.blob.core.windows.net", "t-ok", "exactly one of ConnectionString and AccountUrl")]
    [InlineData("UseDevelopmentStorage=true", null, "Bad_Name", "Container 'Bad_Name'")]
    [InlineData("UseDevelopmentStorage=true", null, "a--b", "Container 'a--b'")]
    public void Invalid_options_are_refused_with_a_message_naming_the_problem(string? connectionString, string? accountUrl, string containerName, string expected)
    {
        var options = new AzureBlobStoreOptions
        {
            ConnectionString = connectionString,
            AccountUrl = accountUrl is null ? null : new Uri(accountUrl),
            Container = containerName,
        };

        var ex = Assert.Throws<ArgumentException>(() => new AzureBlobObjectStore(options));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private async Task<BlobProperties> ServicePropertiesAsync(string key) =>
        (await container.Client().GetBlobClient(_store.BlobName(key)).GetPropertiesAsync()).Value;
}
