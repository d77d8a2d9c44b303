using System.Text.Json;
using EarthData.Core.Storage;
using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Stages;

/// <summary>
/// What stages leave for each other in the object store, under <c>work/{sceneId}/</c>: the ingested band files in
/// <c>source/</c>, the process stage's manifest <c>process.json</c> (COG, thumbnail and XML, whose objects are already at
/// their published keys) and the tile stage's <c>tiles.json</c>. A marker is written after the objects it lists, so its
/// presence means they are complete. The prefix is deleted once the scene is published.
/// </summary>
public sealed class SceneHandoff(IObjectStore objects)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The store.</summary>
    public IObjectStore Objects { get; } = objects ?? throw new ArgumentNullException(nameof(objects));

    /// <summary>The prefix of a scene's hand-off objects.</summary>
    public static string Prefix(string sceneId) => ObjectKey.Validate($"work/{sceneId}") + "/";

    /// <summary>The prefix of a scene's ingested band files.</summary>
    public static string SourcePrefix(string sceneId) => Prefix(sceneId) + "source/";

    /// <summary>The key of the process stage's manifest.</summary>
    public static string ProcessMarker(string sceneId) => Prefix(sceneId) + "process.json";

    /// <summary>The key of the tile stage's layer list.</summary>
    public static string TilesMarker(string sceneId) => Prefix(sceneId) + "tiles.json";

    /// <summary>Reads a marker, or null when absent.</summary>
    public async Task<T?> ReadAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await Objects.TryGetAsync(key, null, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<T>(stored.Content, Json, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a marker (replacing it).</summary>
    public async Task WriteAsync<T>(string key, T value, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, Json));
        await Objects.PutAsync(key, content, new ObjectPutOptions { ContentType = "application/json", CacheControl = PublishOptions.CatalogCacheControl },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads local files to keys, in parallel; returns the number uploaded.</summary>
    public Task<int> UploadAsync(IEnumerable<(string Key, string Path, ObjectPutOptions Options)> files, int parallelism, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var list = files.ToList();
        var started = 0;
        return Objects.PutManyAsync(
            list.Select(u => (u.Key, (Func<Stream>)(() =>
            {
                progress?.Report((double)Interlocked.Increment(ref started) / list.Count);
                return new FileStream(u.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            }), u.Options)),
            parallelism, cancellationToken);
    }

    /// <summary>Downloads an object to a local file (temporary name, then renamed into place).</summary>
    public async Task DownloadAsync(string key, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".download";
        var stored = await Objects.GetAsync(key, null, cancellationToken).ConfigureAwait(false);
        await using (stored.ConfigureAwait(false))
        {
            var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await stored.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
