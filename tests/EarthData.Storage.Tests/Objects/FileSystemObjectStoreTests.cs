using EarthData.Core.Storage;
using EarthData.Storage.Objects;

namespace EarthData.Storage.Tests.Objects;

/// <summary>The conformance suite on a temporary directory, plus what only a filesystem can get wrong.</summary>
public sealed class FileSystemObjectStoreTests : ObjectStoreConformanceTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-objects-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("earthdata-outside-").FullName;
    private readonly FileSystemObjectStore _store;

    public FileSystemObjectStoreTests() => _store = new FileSystemObjectStore(Path.Combine(_root, "store"));

    protected override IObjectStore Store => _store;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task Writes_leave_no_temporary_files_and_sidecars_stay_hidden_from_listings()
    {
        await _store.PutAsync("a/b.png", Bytes(10), Png);
        await _store.PutAsync("a/b.png", Bytes(20), Json);
        await _store.PutAsync("a/c.png", Bytes(10), CreateOnly);
        await Assert.ThrowsAsync<ObjectAlreadyExistsException>(() => _store.PutAsync("a/c.png", Bytes(5), CreateOnly));

        var files = Directory.EnumerateFiles(_store.RootDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_store.RootDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["a/.earthdata-meta.b.png.json", "a/.earthdata-meta.c.png.json", "a/b.png", "a/c.png"], files);
        Assert.Equal(["a/b.png", "a/c.png"], (await ListAsync("")).Select(p => p.Key));
    }

    [Fact]
    public async Task A_write_that_fails_mid_stream_keeps_the_previous_object_and_leaves_nothing_behind()
    {
        await _store.PutAsync("cogs/x.tif", Bytes(50_000, seed: 1), Png);
        var before = await _store.HeadAsync("cogs/x.tif");

        var failing = new ForwardOnlyStream(Bytes(200_000, seed: 2), failAfter: 100_000);
        var ex = await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("cogs/x.tif", failing, Json));

        Assert.Contains("Simulated failure", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(Bytes(50_000, seed: 1), await ContentOfAsync("cogs/x.tif"));
        Assert.Equal(before, await _store.HeadAsync("cogs/x.tif"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_store.RootDirectory, "cogs")).Length);
        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("cogs/new.tif", new ForwardOnlyStream(Bytes(10_000), failAfter: 8000), Json));
        Assert.Null(await _store.HeadAsync("cogs/new.tif"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_store.RootDirectory, "cogs")).Length);
    }

    [Fact]
    public async Task A_directory_symlink_in_the_root_is_refused_and_never_listed()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "secret");
        Directory.CreateSymbolicLink(Path.Combine(_store.RootDirectory, "evil"), _outside);

        var read = await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.GetAsync("evil/secret.txt"));
        Assert.Contains("symbolic link", read.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.PutAsync("evil/planted.txt", Bytes(3), Png));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.DeleteAsync("evil/secret.txt"));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(async () => await ListAsync("evil/"));
        Assert.Throws<InvalidObjectKeyException>(() => _store.LocalPath("evil/secret.txt"));
        Assert.Empty(await ListAsync(""));
        Assert.Equal(["secret.txt"], Directory.GetFiles(_outside).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_file_symlink_in_the_root_is_refused()
    {
        var secret = Path.Combine(_outside, "secret.txt");
        File.WriteAllText(secret, "secret");
        Directory.CreateDirectory(Path.Combine(_store.RootDirectory, "stac"));
        File.CreateSymbolicLink(Path.Combine(_store.RootDirectory, "stac", "item.json"), secret);

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.HeadAsync("stac/item.json"));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.GetAsync("stac/item.json", new ByteRange(0, 3)));
        Assert.Empty(await ListAsync("stac/"));
        Assert.Equal("secret", File.ReadAllText(secret));
    }

    [Fact]
    public async Task Keys_using_the_reserved_sidecar_prefix_are_refused()
    {
        await _store.PutAsync("a/b.png", Bytes(1), Png);

        var ex = await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.GetAsync("a/.earthdata-meta.b.png.json"));

        Assert.Contains("reserves", ex.Message, StringComparison.Ordinal);
        await _store.PutAsync("a/.well-known", Bytes(1), Png); // other dot-names are ordinary keys
        Assert.Equal(["a/.well-known", "a/b.png"], (await ListAsync("a/")).Select(p => p.Key));
    }

    [Fact]
    public async Task LocalPath_points_at_the_object_bytes_under_the_root()
    {
        await _store.PutAsync("tiles/c/i/l/1/0/0.png", Bytes(42), Png);

        var path = _store.LocalPath("tiles/c/i/l/1/0/0.png");

        Assert.Equal(Path.Combine(_store.RootDirectory, "tiles", "c", "i", "l", "1", "0", "0.png"), path);
        Assert.Equal(Bytes(42), File.ReadAllBytes(path!));
        Assert.Null(_store.LocalPath("tiles/c/i/l/1/0/1.png"));
    }

    [Fact]
    public async Task Deleting_the_last_object_of_a_folder_removes_the_empty_folders()
    {
        await _store.PutAsync("tiles/c/i/l/1/0/0.png", Bytes(1), Png);
        await _store.PutAsync("tiles/keep.png", Bytes(1), Png);

        await _store.DeleteAsync("tiles/c/i/l/1/0/0.png");

        Assert.Equal(["keep.png"], Directory.GetFileSystemEntries(Path.Combine(_store.RootDirectory, "tiles"))
            .Select(Path.GetFileName)
            .Where(name => !name!.StartsWith(".earthdata-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_key_never_produce_a_torn_file()
    {
        const int Size = 256 * 1024;
        var versions = Enumerable.Range(1, 6).Select(v => Enumerable.Repeat((byte)v, Size).ToArray()).ToArray();
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var stored = await _store.TryGetAsync("race.bin");
                if (stored is not null)
                {
                    var bytes = await ReadAllAsync(stored);
                    if (bytes.Length != Size || bytes.Any(b => b != bytes[0]))
                    {
                        Interlocked.Increment(ref torn);
                    }
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => _store.PutAsync("race.bin", versions[i % 6], Png with { CacheControl = $"v{i % 6 + 1}" }))));
        await stop.CancelAsync();
        await reader;

        Assert.Equal(0, torn);
        await using var final = await _store.GetAsync("race.bin");
        var content = await ReadAllAsync(final);
        Assert.Contains(versions, v => v.AsSpan().SequenceEqual(content));
        Assert.Equal($"v{content[0]}", final.Properties.CacheControl); // the metadata belongs to the content that won
        Assert.Empty(Directory.GetFiles(_store.RootDirectory, ".earthdata-tmp*"));
    }

    [Fact]
    public async Task CreateOnly_is_atomic_across_store_instances_that_share_no_lock()
    {
        // Separate instances stand in for separate processes: only the filesystem arbitrates.
        for (var round = 0; round < 20; round++)
        {
            var key = $"stac/items/{round}.json";
            var attempts = Enumerable.Range(1, 6).Select(i => Task.Run(async () =>
            {
                try
                {
                    await new FileSystemObjectStore(_store.RootDirectory).PutAsync(key, Bytes(4096, seed: i), CreateOnly);
                    return i;
                }
                catch (ObjectAlreadyExistsException)
                {
                    return 0;
                }
            }));

            var results = await Task.WhenAll(attempts);
            Assert.Single(results, i => i != 0);
            var winner = results.First(i => i != 0);
            Assert.Equal(Bytes(4096, seed: winner), await ContentOfAsync(key));
        }
    }
}
