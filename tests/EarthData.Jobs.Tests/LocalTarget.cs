using EarthData.Core.Storage;
using EarthData.Jobs.Pipeline;
using EarthData.Storage.Catalog;
using EarthData.Storage.Objects;

namespace EarthData.Jobs.Tests;

/// <summary>The embedded shape: a filesystem object store and a SQLite catalogue in a temporary folder, published without a public URL.</summary>
internal sealed class LocalTarget : IDisposable
{
    private LocalTarget(string root, FileSystemObjectStore objects, SqliteCatalogStore catalog)
    {
        Root = root;
        Objects = objects;
        Catalog = catalog;
        Options = new PublishOptions { UploadParallelism = 4 };
    }

    public string Root { get; }

    public FileSystemObjectStore Objects { get; }

    public SqliteCatalogStore Catalog { get; }

    public PublishOptions Options { get; }

    public static async Task<LocalTarget> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("earthdata-publish-").FullName;
        var catalog = new SqliteCatalogStore(Path.Combine(root, "catalog.db"));
        await catalog.MigrateAsync();
        return new LocalTarget(root, new FileSystemObjectStore(Path.Combine(root, "objects")), catalog);
    }

    public ScenePublisher Publisher(IObjectStore? objects = null) => new(objects ?? Objects, Catalog, Options);

    /// <summary>The local file of an object key (an asset href as the catalogue stores it).</summary>
    public string PathOf(string key) => Objects.LocalPath(key) ?? throw new InvalidOperationException($"'{key}' is not an object key");

    public async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var o in Objects.ListAsync(prefix))
        {
            keys.Add(o.Key);
        }

        return keys;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
