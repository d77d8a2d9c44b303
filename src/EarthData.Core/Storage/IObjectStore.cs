namespace EarthData.Core.Storage;

/// <summary>
/// A flat store of immutable-per-version byte objects under '/'-separated keys (COGs, tiles, STAC JSON):
/// a filesystem directory or an Azure Blob container. Every method validates every key or prefix it
/// receives (<see cref="ObjectKey"/>) and throws <see cref="InvalidObjectKeyException"/> before any I/O.
/// Implementations are thread-safe. Writes are atomic: a reader sees the previous object or the new one,
/// never a part of one.
/// </summary>
/// <remarks>Bulk uploads and byte-array puts are extensions in <see cref="ObjectStoreExtensions"/>.</remarks>
public interface IObjectStore
{
    /// <summary>
    /// Stores the bytes read from <paramref name="content"/> (from its current position to its end) under
    /// <paramref name="key"/> with the content type and cache control of <paramref name="options"/>.
    /// The stream is read, not disposed.
    /// </summary>
    /// <param name="key">The object key.</param>
    /// <param name="content">The bytes to store.</param>
    /// <param name="options">Metadata and overwrite behaviour.</param>
    /// <param name="cancellationToken">Cancels the upload; the previous object, if any, stays.</param>
    /// <exception cref="ObjectAlreadyExistsException"><see cref="OverwriteMode.CreateOnly"/> and the key holds an object.</exception>
    Task PutAsync(string key, Stream content, ObjectPutOptions options, CancellationToken cancellationToken = default);

    /// <summary>Opens the object under <paramref name="key"/>, or the bytes of <paramref name="range"/> of it.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="range">The bytes to read (see <see cref="ByteRange"/> for truncation), or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object; the caller disposes it.</returns>
    /// <exception cref="ObjectNotFoundException">No object is stored under the key.</exception>
    /// <exception cref="ObjectRangeNotSatisfiableException">The range starts at or after the end of the object.</exception>
    Task<StoredObject> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="GetAsync"/>, but answers <see langword="null"/> when no object is stored under the key.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="range">The bytes to read, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object, which the caller disposes, or <see langword="null"/>.</returns>
    /// <exception cref="ObjectRangeNotSatisfiableException">The range starts at or after the end of the object.</exception>
    Task<StoredObject?> TryGetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>The properties of the object under <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<ObjectProperties?> HeadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Whether an object is stored under <paramref name="key"/>.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The objects whose keys start with <paramref name="prefix"/> (a plain string prefix:
    /// <c>tiles/a/</c> does not match <c>tiles/ab/0.png</c>, <c>tiles/a</c> does), in ordinal key order.
    /// <c>""</c> lists everything. Objects written or deleted during the enumeration may or may not appear.
    /// </summary>
    /// <param name="prefix">The key prefix; may be empty or end with '/'.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object under <paramref name="key"/>.</summary>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether an object was deleted (<see langword="false"/> when there was none).</returns>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every object whose key starts with <paramref name="prefix"/> (same matching as
    /// <see cref="ListAsync"/>). Pass <c>""</c> to empty the store.
    /// </summary>
    /// <param name="prefix">The key prefix; may be empty or end with '/'.</param>
    /// <param name="cancellationToken">Cancels the deletion; objects already deleted stay deleted.</param>
    /// <returns>The number of objects deleted.</returns>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default);
}
