using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EarthData.Core.Storage;

namespace EarthData.Storage.Objects;

/// <summary>
/// An <see cref="IObjectStore"/> in an Azure Blob container (Azurite in tests): key <c>k</c> is the block blob
/// <c>{Prefix}k</c>. Content type and Cache-Control are set on every upload, so a re-upload carries exactly the
/// headers of its own options. Requests retry with exponential back-off. Thread-safe.
/// </summary>
/// <remarks>
/// ETags are the service's (quoted). Ranges follow HTTP: truncated at the end of the blob, 416 mapped to
/// <see cref="ObjectRangeNotSatisfiableException"/> when they start past it. <see cref="OverwriteMode.CreateOnly"/>
/// uploads with <c>If-None-Match: *</c>; a retried create whose first attempt succeeded unseen reports a conflict.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never allocates its wait handle, so it holds nothing to release.")]
public sealed partial class AzureBlobObjectStore : IObjectStore
{
    private readonly BlobContainerClient _container;
    private readonly bool _createContainer;
    private readonly int _transferConcurrency;
    private readonly SemaphoreSlim _containerGate = new(1, 1);
    private volatile bool _containerReady;

    /// <summary>Creates a store from <paramref name="options"/>; nothing is sent until the first operation.</summary>
    /// <param name="options">Connection, container, prefix and retry settings.</param>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="AzureBlobStoreOptions.Validate"/>).</exception>
    public AzureBlobObjectStore(AzureBlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _container = AzureBlobClients.Container(options);
        _createContainer = options.CreateContainer;
        _transferConcurrency = options.MaxTransferConcurrency;
        Prefix = AzureBlobClients.Prefix(options);
    }

    /// <summary>The container's name.</summary>
    public string ContainerName => _container.Name;

    /// <summary>The prefix inside the container ("" or ending with '/').</summary>
    public string Prefix { get; }

    /// <summary>The blob name of <paramref name="key"/> in the container (prefix included), e.g. for a <c>/vsiaz/{container}/{name}</c> path.</summary>
    /// <param name="key">The object key.</param>
    /// <exception cref="InvalidObjectKeyException">The key is invalid.</exception>
    public string BlobName(string key) => Prefix + ObjectKey.Validate(key);

    /// <summary>The URL of <paramref name="key"/>'s blob (without credentials), e.g. for a STAC asset href.</summary>
    /// <param name="key">The object key.</param>
    /// <exception cref="InvalidObjectKeyException">The key is invalid.</exception>
    public Uri BlobUri(string key) => new BlobUriBuilder(_container.GetBlobClient(BlobName(key)).Uri) { Sas = null }.ToUri();

    /// <inheritdoc />
    public async Task PutAsync(string key, Stream content, ObjectPutOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ContentType, nameof(options));
        var blob = _container.GetBlobClient(BlobName(key));
        var createOnly = options.OverwriteMode == OverwriteMode.CreateOnly;
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = options.ContentType, CacheControl = options.CacheControl },
            Conditions = createOnly ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null,
            TransferOptions = new StorageTransferOptions { MaximumConcurrency = _transferConcurrency },
        };
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await blob.UploadAsync(content, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (createOnly && ex.Status is 409 or 412)
        {
            throw new ObjectAlreadyExistsException(key, ex, Location(blob.Name));
        }
        catch (RequestFailedException ex)
        {
            throw Failure("upload", key, blob.Name, ex);
        }
    }

    /// <inheritdoc />
    public async Task<StoredObject> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default) =>
        await TryGetAsync(key, range, cancellationToken).ConfigureAwait(false)
        ?? throw new ObjectNotFoundException(key, null, Location(BlobName(key)));

    /// <inheritdoc />
    public async Task<StoredObject?> TryGetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobName(key));
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        BlobDownloadStreamingResult result;
        try
        {
            var download = new BlobDownloadOptions();
            if (range is { } requested)
            {
                download.Range = new HttpRange(requested.Offset, requested.Length);
            }

            result = (await blob.DownloadStreamingAsync(download, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 416 && range is { } requested)
        {
            var length = (await HeadAsync(key, cancellationToken).ConfigureAwait(false))?.Length;
            throw new ObjectRangeNotSatisfiableException(key, requested, length, ex);
        }
        catch (RequestFailedException ex)
        {
            throw Failure("download", key, blob.Name, ex);
        }

        try
        {
            var details = result.Details;
            var total = TotalLength(details.ContentRange) ?? details.ContentLength;
            var properties = new ObjectProperties(
                key, total, details.ContentType ?? ObjectPutOptions.DefaultContentType, details.CacheControl, details.ETag.ToString("H"), details.LastModified);
            var served = range?.Resolve(total, key);
            return new StoredObject(result.Content, properties, served);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ObjectProperties?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobName(key));
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            BlobProperties p = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ObjectProperties(key, p.ContentLength, p.ContentType ?? ObjectPutOptions.DefaultContentType, p.CacheControl, p.ETag.ToString("H"), p.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex)
        {
            throw Failure("read the properties of", key, blob.Name, ex);
        }
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        await HeadAsync(key, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Total object length from a <c>Content-Range: bytes first-last/total</c> header.</summary>
    private static long? TotalLength(string? contentRange)
    {
        var slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(contentRange.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var total)
            ? total
            : null;
    }
}
