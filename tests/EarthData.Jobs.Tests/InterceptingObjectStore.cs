using EarthData.Core.Storage;

namespace EarthData.Jobs.Tests;

/// <summary>
/// Our object-store port with a hook before every put (to inject a failure, or hold one write back to force an
/// interleaving); everything else goes to the real store.
/// </summary>
internal sealed class InterceptingObjectStore(IObjectStore inner, Func<string, int, Task> beforePut) : IObjectStore
{
    public const string FailureMessage = "injected failure: the store is full";

    private int _puts;

    /// <summary>The Nth put fails (a full disk, a dropped connection).</summary>
    public static InterceptingObjectStore FailingAt(IObjectStore inner, int failingPut) =>
        new(inner, (_, n) => n == failingPut ? throw new ObjectStoreException(FailureMessage) : Task.CompletedTask);

    public async Task PutAsync(string key, Stream content, ObjectPutOptions options, CancellationToken cancellationToken = default)
    {
        await beforePut(key, Interlocked.Increment(ref _puts)).ConfigureAwait(false);
        await inner.PutAsync(key, content, options, cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredObject> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default) => inner.GetAsync(key, range, cancellationToken);

    public Task<StoredObject?> TryGetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default) => inner.TryGetAsync(key, range, cancellationToken);

    public Task<ObjectProperties?> HeadAsync(string key, CancellationToken cancellationToken = default) => inner.HeadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeletePrefixAsync(prefix, cancellationToken);
}
