using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using EarthData.Core.Storage;
using EarthData.Storage.Objects;

namespace EarthData.Server.Tiles;

/// <summary>
/// Remembers pre-rendered tiles for a few seconds — their stored properties, their file in a filesystem store and,
/// within <see cref="TileMemoryOptions.BudgetBytes"/>, their bytes — so a map fetching the same tiles again (or many
/// clients fetching one scene) is answered from memory instead of asking the store each time. After
/// <see cref="Lifetime"/> a tile is looked up again; its bytes are kept while its ETag is unchanged, so a
/// re-published tile is seen after at most <see cref="Lifetime"/>. Tiles not asked for a while are dropped when the
/// budget is full. Thread-safe and bounded in entries and bytes.
/// </summary>
internal sealed class TileObjectCache
{
    /// <summary>Cache-Control of pre-rendered tiles (carried by every tile's properties): a published tile is never rewritten with other bytes.</summary>
    public const string ImmutableCacheControl = "public, max-age=604800, immutable";

    /// <summary>How long a looked-up tile is reused before the store is asked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>How long after its last use a tile's bytes may be dropped to make room.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly IObjectStore _store;
    private readonly TimeProvider _time;
    private readonly TileMemoryOptions _memory;
    private long _bytes;
    private long _lastTrim;

    public TileObjectCache(IObjectStore store, TimeProvider time, TileMemoryOptions memory)
    {
        _store = store;
        _time = time;
        _memory = memory;
        _entries = new(StringComparer.Ordinal);
        _spans = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The tile bytes held now.</summary>
    public long HeldBytes => Interlocked.Read(ref _bytes);

    /// <summary>The tile stored under <paramref name="key"/>, or null when nothing is stored there.</summary>
    public async ValueTask<CachedTile?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            entry.Use(now);
            return entry.Tile;
        }

        var properties = await _store.HeadAsync(key, cancellationToken).ConfigureAwait(false);
        CachedTile? tile = null;
        if (properties is not null)
        {
            var path = _store is FileSystemObjectStore files ? files.LocalPath(key) : null;
            var content = entry?.Tile?.Content is { } held && entry.Tile.Properties.ETag == properties.ETag
                ? held
                : await ReadAsync(key, properties, cancellationToken).ConfigureAwait(false);
            tile = new CachedTile(properties with { Length = content?.Length ?? properties.Length, CacheControl = ImmutableCacheControl }, path, content);
        }

        Store(key, new Entry(tile, now + Lifetime, now));
        return tile;
    }

    /// <summary>
    /// The tile under <paramref name="key"/> when its bytes are held and still fresh, without any I/O or allocation
    /// (the request path's shortcut); false sends the caller to <see cref="GetAsync"/>.
    /// </summary>
    public bool TryGetHeld(ReadOnlySpan<char> key, [NotNullWhen(true)] out CachedTile? tile)
    {
        var now = _time.GetUtcNow();
        if (_spans.TryGetValue(key, out var entry) && entry.Expires > now && entry.Tile is { Content: not null } held)
        {
            entry.Use(now);
            tile = held;
            return true;
        }

        tile = null;
        return false;
    }

    private async Task<byte[]?> ReadAsync(string key, ObjectProperties properties, CancellationToken cancellationToken)
    {
        if (properties.Length > _memory.MaxTileBytes || !HasRoom(properties.Length))
        {
            return null;
        }

        var stored = await _store.TryGetAsync(key, null, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            if (stored.Properties.ETag != properties.ETag || stored.Properties.Length > _memory.MaxTileBytes)
            {
                return null; // Replaced between the two calls: stream the new one until the next look-up.
            }

            var bytes = new byte[stored.Properties.Length];
            await stored.Content.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
    }

    private void Store(string key, Entry next)
    {
        if (_entries.Count >= MaxEntries)
        {
            Clear();
        }

        var added = Size(next);
        while (true)
        {
            if (_entries.TryGetValue(key, out var current))
            {
                if (_entries.TryUpdate(key, next, current))
                {
                    Interlocked.Add(ref _bytes, added - Size(current));
                    return;
                }
            }
            else if (_entries.TryAdd(key, next))
            {
                Interlocked.Add(ref _bytes, added);
                return;
            }
        }
    }

    private static long Size(Entry entry) => entry.Tile?.Content?.Length ?? 0;

    private bool HasRoom(long length)
    {
        if (HeldBytes + length <= _memory.BudgetBytes)
        {
            return true;
        }

        Trim();
        return HeldBytes + length <= _memory.BudgetBytes;
    }

    /// <summary>Drops the bytes of tiles idle for <see cref="Idle"/> (at most once a second).</summary>
    private void Trim()
    {
        var now = _time.GetUtcNow();
        var last = Interlocked.Read(ref _lastTrim);
        if (now.UtcTicks - last < TimeSpan.TicksPerSecond || Interlocked.CompareExchange(ref _lastTrim, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (now.UtcTicks - entry.LastUsedTicks > Idle.Ticks && _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
            {
                Interlocked.Add(ref _bytes, -Size(entry));
            }
        }
    }

    private void Clear()
    {
        foreach (var (key, entry) in _entries)
        {
            if (_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
            {
                Interlocked.Add(ref _bytes, -Size(entry));
            }
        }
    }

    private sealed class Entry(CachedTile? tile, DateTimeOffset expires, DateTimeOffset used)
    {
        private long _lastUsed = used.UtcTicks;

        public CachedTile? Tile { get; } = tile;

        public DateTimeOffset Expires { get; } = expires;

        public long LastUsedTicks => Volatile.Read(ref _lastUsed);

        public void Use(DateTimeOffset now) => Volatile.Write(ref _lastUsed, now.UtcTicks);
    }
}
