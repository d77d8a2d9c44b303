using EarthData.Core.Storage;

namespace EarthData.Storage.Tests.Objects;

/// <summary>
/// The behaviour every <see cref="IObjectStore"/> shares. Each backend derives a class that supplies a fresh,
/// empty store per test; the facts run unchanged against each.
/// </summary>
public abstract partial class ObjectStoreConformanceTests
{
    protected static readonly ObjectPutOptions Png = new() { ContentType = "image/png", CacheControl = "public, max-age=31536000, immutable" };
    protected static readonly ObjectPutOptions Json = new() { ContentType = "application/json", CacheControl = "no-cache" };
    protected static readonly ObjectPutOptions CreateOnly = Png with { OverwriteMode = OverwriteMode.CreateOnly };

    /// <summary>A store that is empty when the test starts.</summary>
    protected abstract IObjectStore Store { get; }

    protected static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<byte[]> ReadAllAsync(StoredObject stored)
    {
        await using (stored)
        {
            using var buffer = new MemoryStream();
            await stored.Content.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    protected async Task<byte[]> ContentOfAsync(string key, ByteRange? range = null) =>
        await ReadAllAsync(await Store.GetAsync(key, range));

    [Fact]
    public async Task Put_then_Get_round_trips_bytes_content_type_and_cache_control()
    {
        var bytes = Bytes(1000);
        await Store.PutAsync("tiles/c/i/true-color/9/183/271.png", bytes, Png);

        await using var stored = await Store.GetAsync("tiles/c/i/true-color/9/183/271.png");
        Assert.Equal("tiles/c/i/true-color/9/183/271.png", stored.Properties.Key);
        Assert.Equal(1000, stored.Properties.Length);
        Assert.Equal("image/png", stored.Properties.ContentType);
        Assert.Equal("public, max-age=31536000, immutable", stored.Properties.CacheControl);
        Assert.False(string.IsNullOrEmpty(stored.Properties.ETag));
        Assert.InRange(stored.Properties.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Null(stored.Range);
        Assert.Equal(1000, stored.ContentLength);
        Assert.Equal(bytes, await ReadAllAsync(stored));
    }

    [Fact]
    public async Task Put_with_default_options_serves_octet_stream_without_cache_control()
    {
        await Store.PutAsync("a.bin", Bytes(10), ObjectPutOptions.Default);

        var head = await Store.HeadAsync("a.bin");
        Assert.NotNull(head);
        Assert.Equal("application/octet-stream", head.ContentType);
        Assert.Null(head.CacheControl);
    }

    [Fact]
    public async Task Put_of_an_empty_object_round_trips()
    {
        await Store.PutAsync("empty.txt", ReadOnlyMemory<byte>.Empty, Json);

        Assert.Empty(await ContentOfAsync("empty.txt"));
        Assert.Equal(0, (await Store.HeadAsync("empty.txt"))!.Length);
    }

    [Fact]
    public async Task Put_reads_a_non_seekable_stream_from_its_current_position()
    {
        var bytes = Bytes(300_000);
        await using var stream = new ForwardOnlyStream(bytes, skip: 100);

        await Store.PutAsync("stream.bin", stream, ObjectPutOptions.Default);

        Assert.Equal(bytes[100..], await ContentOfAsync("stream.bin"));
    }

    [Fact]
    public async Task Put_overwrites_content_and_metadata()
    {
        await Store.PutAsync("stac/item.json", Bytes(100, seed: 1), Png);
        await Store.PutAsync("stac/item.json", Bytes(50, seed: 2), Json);

        await using var stored = await Store.GetAsync("stac/item.json");
        Assert.Equal("application/json", stored.Properties.ContentType);
        Assert.Equal("no-cache", stored.Properties.CacheControl);
        Assert.Equal(50, stored.Properties.Length);
        Assert.Equal(Bytes(50, seed: 2), await ReadAllAsync(stored));
    }

    [Fact]
    public async Task Put_CreateOnly_creates_a_free_key()
    {
        await Store.PutAsync("once.png", Bytes(10), CreateOnly);

        Assert.Equal(Bytes(10), await ContentOfAsync("once.png"));
        Assert.Equal("image/png", (await Store.HeadAsync("once.png"))!.ContentType);
    }

    [Fact]
    public async Task Put_CreateOnly_on_an_existing_key_throws_and_keeps_the_original()
    {
        await Store.PutAsync("stac/items/x.json", Bytes(64, seed: 1), Json);
        var before = await Store.HeadAsync("stac/items/x.json");

        var ex = await Assert.ThrowsAsync<ObjectAlreadyExistsException>(
            () => Store.PutAsync("stac/items/x.json", Bytes(99, seed: 2), CreateOnly));

        Assert.Equal("stac/items/x.json", ex.Key);
        Assert.Contains("stac/items/x.json", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Bytes(64, seed: 1), await ContentOfAsync("stac/items/x.json"));
        var after = await Store.HeadAsync("stac/items/x.json");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Head_reports_the_object_and_its_ETag_changes_only_when_the_content_changes()
    {
        await Store.PutAsync("cogs/c/i/B5.tif", Bytes(2048, seed: 1), Png);
        var first = await Store.HeadAsync("cogs/c/i/B5.tif");
        var again = await Store.HeadAsync("cogs/c/i/B5.tif");
        Assert.NotNull(first);
        Assert.Equal(2048, first.Length);
        Assert.Equal(first.ETag, again!.ETag);
        await using (var stored = await Store.GetAsync("cogs/c/i/B5.tif"))
        {
            Assert.Equal(first.ETag, stored.Properties.ETag);
        }

        await Store.PutAsync("cogs/c/i/B5.tif", Bytes(2048, seed: 2), Png);

        var changed = await Store.HeadAsync("cogs/c/i/B5.tif");
        Assert.NotEqual(first.ETag, changed!.ETag);
        Assert.True(await Store.ExistsAsync("cogs/c/i/B5.tif"));
    }

    [Fact]
    public async Task A_missing_key_reads_as_absent()
    {
        await Store.PutAsync("present", Bytes(1), Png);

        var ex = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetAsync("tiles/nothing/here.png"));
        Assert.Equal("tiles/nothing/here.png", ex.Key);
        Assert.Contains("tiles/nothing/here.png", ex.Message, StringComparison.Ordinal);
        Assert.Null(await Store.TryGetAsync("tiles/nothing/here.png"));
        Assert.Null(await Store.HeadAsync("tiles/nothing/here.png"));
        Assert.False(await Store.ExistsAsync("tiles/nothing/here.png"));
        Assert.False(await Store.DeleteAsync("tiles/nothing/here.png"));
    }

    [Fact]
    public async Task A_prefix_of_other_keys_is_not_an_object()
    {
        await Store.PutAsync("tiles/a/0.png", Bytes(1), Png);

        Assert.Null(await Store.HeadAsync("tiles/a"));
        Assert.Null(await Store.TryGetAsync("tiles"));
        Assert.False(await Store.DeleteAsync("tiles/a"));
        Assert.True(await Store.ExistsAsync("tiles/a/0.png"));
    }

    [Fact]
    public async Task Large_object_round_trips_and_serves_a_range_from_its_middle()
    {
        var bytes = Bytes(5 * 1024 * 1024 + 123);
        await using (var source = new MemoryStream(bytes))
        {
            await Store.PutAsync("cogs/big.tif", source, Png);
        }

        Assert.Equal(bytes.Length, (await Store.HeadAsync("cogs/big.tif"))!.Length);
        Assert.Equal(bytes, await ContentOfAsync("cogs/big.tif"));
        Assert.Equal(bytes.AsSpan(3_000_000, 70_000).ToArray(), await ContentOfAsync("cogs/big.tif", new ByteRange(3_000_000, 70_000)));
    }

    [Fact]
    public async Task PutMany_uploads_200_objects_in_parallel_with_their_content_types()
    {
        var objects = Enumerable.Range(0, 200).Select(i => (
            Key: $"tiles/c/i/ndvi/8/{i / 20}/{i % 20}.{(i % 2 == 0 ? "png" : "webp")}",
            Open: (Func<Stream>)(() => new MemoryStream(Bytes(100 + i, seed: i))),
            Options: new ObjectPutOptions { ContentType = i % 2 == 0 ? "image/png" : "image/webp", CacheControl = "max-age=60" }));

        var uploaded = await Store.PutManyAsync(objects, maxParallelism: 8);

        Assert.Equal(200, uploaded);
        var listed = await ListAsync("tiles/c/i/ndvi/");
        Assert.Equal(200, listed.Count);
        foreach (var item in listed)
        {
            Assert.Equal(item.Key.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/webp", item.ContentType);
        }

        Assert.Equal(Bytes(100 + 137, seed: 137), await ContentOfAsync("tiles/c/i/ndvi/8/6/17.webp"));
        Assert.Equal("max-age=60", (await Store.HeadAsync("tiles/c/i/ndvi/8/6/17.webp"))!.CacheControl);
    }

    [Fact]
    public async Task Unicode_keys_round_trip_and_list()
    {
        const string key = "stac/São Paulo/região-çã 🌎/item (1).json";
        await Store.PutAsync(key, Bytes(33), Json);

        Assert.Equal(Bytes(33), await ContentOfAsync(key));
        var listed = await ListAsync("stac/São Paulo/");
        Assert.Equal([key], listed.Select(p => p.Key));
    }
}
