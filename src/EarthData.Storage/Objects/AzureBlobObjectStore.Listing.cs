using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs.Models;
using EarthData.Core.Storage;

namespace EarthData.Storage.Objects;

/// <content>Listing, deletion, lazy container creation and error mapping.</content>
public sealed partial class AzureBlobObjectStore
{
    private const int DeleteParallelism = 8;

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix + prefix }, cancellationToken);
        var blobs = pages.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await blobs.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    yield break; // container deleted behind our back: nothing to list
                }
                catch (RequestFailedException ex)
                {
                    throw Failure("list", prefix, Prefix + prefix, ex);
                }

                var item = blobs.Current;
                var p = item.Properties;
                yield return new ObjectProperties(
                    item.Name[Prefix.Length..],
                    p.ContentLength ?? 0,
                    p.ContentType ?? ObjectPutOptions.DefaultContentType,
                    p.CacheControl,
                    p.ETag?.ToString("H") ?? string.Empty,
                    p.LastModified ?? DateTimeOffset.MinValue);
            }
        }
        finally
        {
            await blobs.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobName(key));
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex)
        {
            throw Failure("delete", key, blob.Name, ex);
        }
    }

    /// <inheritdoc />
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = DeleteParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ListAsync(prefix, cancellationToken), parallel, async (item, ct) =>
        {
            if (await DeleteAsync(item.Key, ct).ConfigureAwait(false))
            {
                Interlocked.Increment(ref deleted);
            }
        }).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>Creates the container on first use, once; a failure is retried by the next operation.</summary>
    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady || !_createContainer)
        {
            return;
        }

        await _containerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_containerReady)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                _containerReady = true;
            }
        }
        catch (RequestFailedException ex)
        {
            throw new ObjectStoreException(
                $"Could not create the Azure Blob container '{ContainerName}' at {_container.Uri}: HTTP {ex.Status} {ex.ErrorCode}. " +
                "Create it beforehand, or grant account-level rights, or set CreateContainer=false.",
                null,
                ex);
        }
        finally
        {
            _containerGate.Release();
        }
    }

    private string Location(string blobName) => $"container '{ContainerName}', blob '{blobName}'";

    private ObjectStoreException Failure(string operation, string key, string blobName, RequestFailedException ex) =>
        new($"Could not {operation} '{key}' ({Location(blobName)}): HTTP {ex.Status} {ex.ErrorCode}: {FirstLine(ex.Message)}", key, ex);

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
