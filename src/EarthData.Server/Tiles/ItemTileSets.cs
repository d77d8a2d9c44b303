using System.Collections.Concurrent;
using EarthData.Core.Catalog;

namespace EarthData.Server.Tiles;

/// <summary>
/// Looks up <see cref="ItemTileSet"/>s in the catalogue and keeps each for a few seconds, so a map fetching hundreds of
/// tiles of one scene asks the catalogue once. A re-published item is seen after at most <see cref="Lifetime"/>.
/// Thread-safe.
/// </summary>
internal sealed class ItemTileSets(ICatalogStore catalog, TimeProvider time)
{
    /// <summary>How long a looked-up item is reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<(string, string), (ItemTileSet Set, DateTimeOffset Expires)> _cache = new();

    /// <summary>The item's tile set, or null when the catalogue has no such item.</summary>
    public async ValueTask<ItemTileSet?> GetAsync(string collection, string itemId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((collection, itemId), out var cached) && cached.Expires > now)
        {
            return cached.Set;
        }

        var item = await catalog.GetItemAsync(collection, itemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            _cache.TryRemove((collection, itemId), out _);
            return null;
        }

        var set = ItemTileSet.From(item);
        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[(collection, itemId)] = (set, now + Lifetime);
        return set;
    }
}
