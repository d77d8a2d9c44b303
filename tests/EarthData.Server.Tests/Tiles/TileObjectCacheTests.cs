using EarthData.Core.Storage;
using EarthData.Server.Tiles;
using EarthData.Storage.Objects;
using EarthData.Testing;

namespace EarthData.Server.Tests.Tiles;

/// <summary><see cref="TileObjectCache"/> over a real filesystem store and a clock moved by hand.</summary>
public sealed class TileObjectCacheTests : IDisposable
{
    private static readonly ObjectPutOptions Png = new() { ContentType = "image/png" };
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-tilecache-").FullName;
    private readonly FileSystemObjectStore _store;
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    public TileObjectCacheTests() => _store = new FileSystemObjectStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task GetAsync_HoldsTheTileBytes_AndTryGetHeldAnswersWithoutTheStore()
    {
        var bytes = Tile(1000, 1);
        await _store.PutAsync("tiles/c/i/l/3/1/2.png", bytes, Png);
        var cache = Cache(budgetBytes: 1 << 20);

        var first = await cache.GetAsync("tiles/c/i/l/3/1/2.png", default);
        File.Delete(Path.Combine(_root, "tiles/c/i/l/3/1/2.png"));

        Assert.NotNull(first);
        Assert.Equal(bytes, first.Content);
        Assert.Equal(TileObjectCache.ImmutableCacheControl, first.Properties.CacheControl);
        Assert.True(cache.TryGetHeld("tiles/c/i/l/3/1/2.png", out var held));
        Assert.Same(first, held);
        Assert.Equal(1000, cache.HeldBytes);
    }

    [Fact]
    public async Task GetAsync_SeesARepublishedTile_AfterTheLifetime_AndKeepsUnchangedBytes()
    {
        await _store.PutAsync("tiles/a.png", Tile(500, 1), Png);
        await _store.PutAsync("tiles/b.png", Tile(300, 3), Png);
        var cache = Cache(budgetBytes: 1 << 20);
        var unchanged = await cache.GetAsync("tiles/b.png", default);
        _ = await cache.GetAsync("tiles/a.png", default);

        await _store.PutAsync("tiles/a.png", Tile(700, 2), Png);
        var early = await cache.GetAsync("tiles/a.png", default);
        _time.Advance(TileObjectCache.Lifetime + TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGetHeld("tiles/a.png", out _), "an expired tile is not answered without a look-up");
        var late = await cache.GetAsync("tiles/a.png", default);
        var again = await cache.GetAsync("tiles/b.png", default);

        Assert.Equal(Tile(500, 1), early!.Content);
        Assert.Equal(Tile(700, 2), late!.Content);
        Assert.Same(unchanged!.Content, again!.Content);
        Assert.Equal(1000, cache.HeldBytes);
    }

    [Fact]
    public async Task GetAsync_StreamsTilesOverTheBudgetOrTheSizeLimit_AndNothingWhenTheBudgetIsZero()
    {
        await _store.PutAsync("tiles/a.png", Tile(600, 1), Png);
        await _store.PutAsync("tiles/b.png", Tile(600, 2), Png);
        await _store.PutAsync("tiles/big.png", Tile(5000, 3), Png);
        var cache = new TileObjectCache(_store, _time, new TileMemoryOptions(1000, 4096));
        var off = new TileObjectCache(_store, _time, new TileMemoryOptions(0, 4096));

        var a = await cache.GetAsync("tiles/a.png", default);
        var b = await cache.GetAsync("tiles/b.png", default);
        var big = await cache.GetAsync("tiles/big.png", default);
        var none = await off.GetAsync("tiles/a.png", default);

        Assert.NotNull(a!.Content);
        Assert.Null(b!.Content);
        Assert.Equal(Path.Combine(_root, "tiles", "b.png"), b.LocalPath);
        Assert.Null(big!.Content);
        Assert.Equal(5000, big.Properties.Length);
        Assert.Null(none!.Content);
        Assert.Equal(600, cache.HeldBytes);
        Assert.Equal(0, off.HeldBytes);
    }

    [Fact]
    public async Task GetAsync_DropsIdleTiles_WhenTheBudgetIsFull()
    {
        await _store.PutAsync("tiles/old.png", Tile(600, 1), Png);
        await _store.PutAsync("tiles/new.png", Tile(600, 2), Png);
        var cache = new TileObjectCache(_store, _time, new TileMemoryOptions(1000, 4096));
        _ = await cache.GetAsync("tiles/old.png", default);

        _time.Advance(TileObjectCache.Idle + TimeSpan.FromSeconds(1));
        var fresh = await cache.GetAsync("tiles/new.png", default);

        Assert.Equal(Tile(600, 2), fresh!.Content);
        Assert.Equal(600, cache.HeldBytes);
        Assert.False(cache.TryGetHeld("tiles/old.png", out _));
    }

    [Fact]
    public async Task GetAsync_AnswersNull_ForAMissingTile_AndRemembersIt()
    {
        var cache = Cache(budgetBytes: 1 << 20);

        var missing = await cache.GetAsync("tiles/none.png", default);
        await _store.PutAsync("tiles/none.png", Tile(10, 1), Png);
        var stillMissing = await cache.GetAsync("tiles/none.png", default);
        _time.Advance(TileObjectCache.Lifetime + TimeSpan.FromSeconds(1));
        var found = await cache.GetAsync("tiles/none.png", default);

        Assert.Null(missing);
        Assert.Null(stillMissing);
        Assert.Equal(Tile(10, 1), found!.Content);
    }

    private TileObjectCache Cache(long budgetBytes) => new(_store, _time, new TileMemoryOptions(budgetBytes, 1 << 20));

    private static byte[] Tile(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * seed))];
}
