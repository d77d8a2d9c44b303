using EarthData.Core.Storage;

namespace EarthData.Jobs.Tests;

/// <summary>Our object-store port with the Nth put failing (a full disk, a dropped connection); everything else goes to the real store.</summary>
internal sealed class FailingObjectStore(IObjectStore inner, int failingPut) : IObjectStore
{
    public const string Message = "injected failure: the store is full";

    private int _puts;

    public Task PutAsync(string key, Stream content, ObjectPutOptions options, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _puts) == failingPut
            ? throw new ObjectStoreException(Message)
            : inner.PutAsync(key, content, options, cancellationToken);

    public Task<StoredObject> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default) => inner.GetAsync(key, range, cancellationToken);

    public Task<StoredObject?> TryGetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default) => inner.TryGetAsync(key, range, cancellationToken);

    public Task<ObjectProperties?> HeadAsync(string key, CancellationToken cancellationToken = default) => inner.HeadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeletePrefixAsync(prefix, cancellationToken);
}
