using EarthData.Core.Storage;

namespace EarthData.Storage.Tests.Objects;

/// <content>Concurrent writers and bulk uploads.</content>
public abstract partial class ObjectStoreConformanceTests
{
    [Fact]
    public async Task Concurrent_CreateOnly_puts_of_one_key_let_exactly_one_win()
    {
        var attempts = Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await Store.PutAsync("stac/items/once.json", Bytes(1000, seed: i), CreateOnly with { CacheControl = $"w{i}" });
                return i;
            }
            catch (ObjectAlreadyExistsException)
            {
                return 0;
            }
        });

        var winners = (await Task.WhenAll(attempts)).Where(i => i != 0).ToArray();

        var winner = Assert.Single(winners);
        await using var stored = await Store.GetAsync("stac/items/once.json");
        Assert.Equal($"w{winner}", stored.Properties.CacheControl);
        Assert.Equal(Bytes(1000, seed: winner), await ReadAllAsync(stored));
    }

    [Fact]
    public async Task PutMany_rethrows_the_first_failure_and_keeps_what_was_uploaded()
    {
        await Store.PutAsync("tiles/3.png", Bytes(5, seed: 99), Png);
        var objects = Enumerable.Range(0, 6).Select(i => (
            Key: $"tiles/{i}.png",
            Open: (Func<Stream>)(() => new MemoryStream(Bytes(5, seed: i))),
            Options: CreateOnly));

        var ex = await Assert.ThrowsAsync<ObjectAlreadyExistsException>(() => Store.PutManyAsync(objects, maxParallelism: 1));

        Assert.Equal("tiles/3.png", ex.Key);
        Assert.Equal(Bytes(5, seed: 99), await ContentOfAsync("tiles/3.png"));
        Assert.Equal(["tiles/0.png", "tiles/1.png", "tiles/2.png", "tiles/3.png"], (await ListAsync("tiles/")).Select(p => p.Key));
    }

    [Fact]
    public async Task List_reports_the_same_properties_as_Head()
    {
        await Store.PutAsync("cogs/a.tif", Bytes(123), Png);
        await Store.PutAsync("cogs/b.json", Bytes(45), Json);

        var listed = await ListAsync("cogs/");

        Assert.Equal(2, listed.Count);
        foreach (var item in listed)
        {
            var head = await Store.HeadAsync(item.Key);
            Assert.Equal(head, item);
        }
    }

    [Fact]
    public async Task Put_refuses_options_without_a_content_type()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync("a.bin", Bytes(1), Png with { ContentType = " " }));

        Assert.False(await Store.ExistsAsync("a.bin"));
    }

    [Fact]
    public async Task A_cancelled_put_stores_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync("a.bin", Bytes(10), Png, cancelled.Token));

        Assert.False(await Store.ExistsAsync("a.bin"));
    }
}
