using System.Collections.Concurrent;
using EarthData.Core.Storage;
using EarthData.Storage.Objects;

namespace EarthData.Server.Tiles;

/// <summary>
/// Remembers the stored properties of pre-rendered tiles for a few seconds, so a map fetching the same tiles again
/// (or many clients fetching one scene) does not ask the store for each request. A re-published tile is seen after
/// at most <see cref="Lifetime"/>. Thread-safe and bounded.
/// </summary>
internal sealed class TileObjectCache(IObjectStore store, TimeProvider time)
{
    /// <summary>How long looked-up properties are reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (ObjectProperties? Properties, string? LocalPath, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The properties of <paramref name="key"/> (null when nothing is stored there) and, in a filesystem store, the
    /// file holding it (resolving a key checks every folder for links, which is worth doing once, not per request).
    /// </summary>
    public async ValueTask<(ObjectProperties? Properties, string? LocalPath)> HeadAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return (entry.Properties, entry.LocalPath);
        }

        var properties = await store.HeadAsync(key, cancellationToken).ConfigureAwait(false);
        var path = properties is not null && store is FileSystemObjectStore files ? files.LocalPath(key) : null;
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = (properties, path, now + Lifetime);
        return (properties, path);
    }
}
