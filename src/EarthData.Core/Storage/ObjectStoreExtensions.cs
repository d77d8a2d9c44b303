using System.Runtime.InteropServices;

namespace EarthData.Core.Storage;

/// <summary>Conveniences every <see cref="IObjectStore"/> gets: byte-buffer puts and bounded parallel bulk uploads.</summary>
public static class ObjectStoreExtensions
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> (see <see cref="IObjectStore.PutAsync"/>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="key">The object key.</param>
    /// <param name="content">The bytes to store; not retained after the call.</param>
    /// <param name="options">Metadata and overwrite behaviour.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public static async Task PutAsync(
        this IObjectStore store,
        string key,
        ReadOnlyMemory<byte> content,
        ObjectPutOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var array = MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? segment
            : new ArraySegment<byte>(content.ToArray());
        using var stream = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false);
        await store.PutAsync(key, stream, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads many objects (e.g. a tile pyramid) with at most <paramref name="maxParallelism"/> puts in flight.
    /// Each object's stream is opened just before its upload and disposed right after it, so only
    /// <paramref name="maxParallelism"/> streams are open at a time. The first failure cancels the
    /// uploads not yet started and is rethrown; objects already uploaded stay.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="objects">Key, a function that opens the content, and put options of each object; enumerated once, lazily.</param>
    /// <param name="maxParallelism">Most uploads in flight at once, at least 1.</param>
    /// <param name="cancellationToken">Cancels the uploads not yet finished.</param>
    /// <returns>The number of objects uploaded.</returns>
    public static async Task<int> PutManyAsync(
        this IObjectStore store,
        IEnumerable<(string Key, Func<Stream> Open, ObjectPutOptions Options)> objects,
        int maxParallelism,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);

        var count = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(objects, parallel, async (item, ct) =>
        {
            ObjectKey.Validate(item.Key, nameof(objects));
            ArgumentNullException.ThrowIfNull(item.Open, nameof(objects));
            ArgumentNullException.ThrowIfNull(item.Options, nameof(objects));
            var content = item.Open();
            await using (content.ConfigureAwait(false))
            {
                await store.PutAsync(item.Key, content, item.Options, ct).ConfigureAwait(false);
            }

            Interlocked.Increment(ref count);
        }).ConfigureAwait(false);
        return count;
    }
}
