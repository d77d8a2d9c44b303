using System.Collections.Concurrent;
using EarthData.Core.Storage;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Storage.Objects;

namespace EarthData.Server.Tiles;

/// <summary>
/// Open GDAL datasets of published COGs, pooled per object version (key + ETag): a request rents one, uses it on its
/// own thread and gives it back, so no dataset is ever used by two threads at once and a busy scene keeps a few open.
/// Filesystem objects open by path; Azure Blob objects through <c>/vsiaz/</c> (the connection string is handed to GDAL).
/// </summary>
internal sealed class CogDatasetPool : IDisposable
{
    private const int MaxVersions = 32;

    private readonly IObjectStore _store;
    private readonly int _maxIdlePerVersion = Math.Max(2, Environment.ProcessorCount * 2);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public CogDatasetPool(IObjectStore store, ServerSettings settings)
    {
        _store = store;
        if (store is AzureBlobObjectStore && settings.Storage.Objects.ConnectionString is { Length: > 0 } connection)
        {
            // GDAL 3.6 reads /vsiaz/ credentials from process-wide options; the server has one store.
            GdalRuntime.SetConfigOption("AZURE_STORAGE_CONNECTION_STRING", connection);
            GdalRuntime.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
        }
    }

    /// <summary>Rents a dataset of the object's current version; dispose the lease to give it back.</summary>
    /// <exception cref="FileNotFoundException">No object is stored under the key.</exception>
    /// <exception cref="GdalException">GDAL cannot open it.</exception>
    /// <exception cref="InvalidOperationException">It is not a GoogleMapsCompatible COG.</exception>
    public async Task<Lease> RentAsync(string key, CancellationToken cancellationToken)
    {
        var properties = await _store.HeadAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"No object is stored under '{key}'.", key);
        var version = key + "|" + properties.ETag;
        if (!_entries.TryGetValue(version, out var entry))
        {
            if (_entries.Count >= MaxVersions)
            {
                foreach (var stale in _entries.Keys)
                {
                    if (_entries.TryRemove(stale, out var removed))
                    {
                        removed.Dispose();
                    }
                }
            }

            entry = _entries.GetOrAdd(version, _ => new Entry(GdalPath(key), version));
        }

        if (!entry.Idle.TryTake(out var dataset))
        {
            dataset = GdalDataset.Open(entry.Path);
        }

        try
        {
            entry.Grid ??= CogTileGrid.From(dataset);
        }
        catch
        {
            dataset.Dispose();
            throw;
        }

        return new Lease(this, entry, dataset);
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Dispose();
        }

        _entries.Clear();
    }

    private string GdalPath(string key) => _store switch
    {
        FileSystemObjectStore files => files.LocalPath(key) ?? throw new FileNotFoundException($"No object is stored under '{key}'.", key),
        AzureBlobObjectStore blobs => $"/vsiaz/{blobs.ContainerName}/{blobs.BlobName(key)}",
        _ => throw new NotSupportedException($"Dynamic tiles need a filesystem or Azure Blob store, not {_store.GetType().Name}."),
    };

    private void Return(Entry entry, GdalDataset dataset)
    {
        if (entry.Disposed || !_entries.ContainsKey(entry.Version) || entry.Idle.Count >= _maxIdlePerVersion)
        {
            dataset.Dispose();
            return;
        }

        entry.Idle.Add(dataset);
    }

    /// <summary>A rented dataset and its grid; dispose to give it back (once).</summary>
    public sealed class Lease : IDisposable
    {
        private readonly CogDatasetPool _pool;
        private readonly Entry _entry;
        private GdalDataset? _dataset;

        internal Lease(CogDatasetPool pool, Entry entry, GdalDataset dataset)
        {
            _pool = pool;
            _entry = entry;
            _dataset = dataset;
        }

        /// <summary>The dataset, for this thread only until the lease is disposed.</summary>
        public GdalDataset Dataset => _dataset ?? throw new ObjectDisposedException(nameof(Lease));

        /// <summary>The COG's tile grid.</summary>
        public CogTileGrid Grid => _entry.Grid!;

        /// <summary>Identifies the object version (key and ETag), for caches of what was derived from it.</summary>
        public string Version => _entry.Version;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _dataset, null) is { } dataset)
            {
                _pool.Return(_entry, dataset);
            }
        }
    }

    internal sealed class Entry(string path, string version) : IDisposable
    {
        public string Path { get; } = path;

        public string Version { get; } = version;

        public ConcurrentBag<GdalDataset> Idle { get; } = [];

        public CogTileGrid? Grid { get; set; }

        public bool Disposed { get; private set; }

        public void Dispose()
        {
            Disposed = true;
            while (Idle.TryTake(out var dataset))
            {
                dataset.Dispose();
            }
        }
    }
}
