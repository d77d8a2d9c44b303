using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EarthData.Core;
using EarthData.Core.Scenes;
using EarthData.Core.Sources;
using EarthData.Storage.Objects;

namespace EarthData.Storage.Sources;

/// <summary>
/// Scenes in an Azure Blob container laid out like the archive
/// (<c>{Prefix}CBERS4[A]/{CAMERA}/{PPP}/{RRR}/{SCENE_ID}/{SCENE_ID}_BAND{n}.tif|.xml</c>, or scene folders straight under
/// the prefix), read-only. A scene's location is the URL of its folder without credentials
/// (<c>https://account.blob.core.windows.net/container/prefix/CBERS4/MUX/151/121/CBERS_4_MUX_…</c>). Looking up or
/// fetching one scene lists only its own folder; discovery lists the prefix page by page and hands over complete scenes
/// unchanged for <see cref="SettleTime"/>, ordered by their newest blob's time. Thread-safe.
/// </summary>
public sealed class AzureBlobSceneSource : ISceneSource
{
    private const int PageSize = 1000;
    private readonly BlobContainerClient _container;
    private readonly string _containerUrl;

    /// <summary>Creates the source; nothing is sent until the first operation (the container is never created).</summary>
    /// <param name="options">Connection, container, prefix and retry settings (<see cref="AzureBlobStoreOptions.CreateContainer"/> is ignored).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public AzureBlobSceneSource(AzureBlobStoreOptions options)
    {
        _container = AzureBlobClients.Container(options);
        Prefix = AzureBlobClients.Prefix(options);
        _containerUrl = new BlobUriBuilder(_container.Uri) { Sas = null }.ToUri().AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The blob name prefix the scenes live under ("" or ending with '/').</summary>
    public string Prefix { get; }

    /// <summary>
    /// How long a scene's blobs must be unchanged before discovery takes it (uploads still running are left); default
    /// 10 s. Keep it at least 1 s in service: Last-Modified has whole seconds, and a scene finished within the second
    /// of the watermark but sorting before it by id would be skipped.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest blob a fetch downloads (a band GeoTIFF of a full WPM scene is under 1 GiB); default 4 GiB.</summary>
    public long MaxBlobBytes { get; init; } = 4L << 30;

    /// <inheritdoc />
    public string Name => "blob:" + _containerUrl + "/" + Prefix;

    /// <inheritdoc />
    public bool TryResolve(string location, out SceneId sceneId, out string normalizedLocation)
    {
        sceneId = default!;
        normalizedLocation = string.Empty;
        var root = _containerUrl + "/" + Prefix;
        if (string.IsNullOrWhiteSpace(location) || !location.StartsWith(root, StringComparison.Ordinal) || location.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        var folder = location[root.Length..].TrimEnd('/');
        var name = folder[(folder.LastIndexOf('/') + 1)..];
        if (!SceneId.TryParse(name, out var id) || (folder != name && folder != id.ArchiveDirectory))
        {
            return false;
        }

        (sceneId, normalizedLocation) = (id, root + folder);
        return true;
    }

    /// <inheritdoc />
    public async Task<string?> LocateAsync(SceneId sceneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        foreach (var folder in new[] { sceneId.ArchiveDirectory, sceneId.ToString() })
        {
            await foreach (var page in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: Prefix + folder + "/", cancellationToken: cancellationToken)
                               .AsPages(pageSizeHint: 1).ConfigureAwait(false))
            {
                if (page.Values.Count > 0)
                {
                    return _containerUrl + "/" + Prefix + folder;
                }

                if (page.ContinuationToken is null or "")
                {
                    break;
                }
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async Task<string> FetchAsync(string location, string cacheDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        if (!TryResolve(location, out var id, out var normalized))
        {
            throw new InvalidSceneException($"'{location}' is not a scene folder in {Name}", location, null, null);
        }

        var folderPrefix = normalized[(_containerUrl.Length + 1)..] + "/";
        var wanted = ArchiveLayout.FileNames(id);
        var blobs = new List<BlobItem>();
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: folderPrefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(blob.Name[folderPrefix.Length..]))
            {
                blobs.Add(blob);
            }
        }

        if (blobs.Count == 0)
        {
            throw new InvalidSceneException($"{id}: '{normalized}' holds none of the scene's band files", normalized, null, id.ToString());
        }

        if (blobs.FirstOrDefault(b => b.Properties.ContentLength > MaxBlobBytes) is { } huge)
        {
            throw new InvalidSceneException(
                $"{id}: {huge.Name} has {huge.Properties.ContentLength} bytes, more than the {MaxBlobBytes} a band file may have", huge.Name, null, id.ToString());
        }

        return await SceneCache.FillAsync(cacheDirectory, id, (folder, token) => Parallel.ForEachAsync(
            blobs, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token },
            (blob, inner) => DownloadAsync(blob, Path.Combine(folder, blob.Name[folderPrefix.Length..]), inner)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DiscoveredScene> DiscoverAsync(string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settledBefore = DateTimeOffset.UtcNow - SettleTime;
        var candidates = new List<SceneCandidate>();
        string? folder = null;
        SceneId? id = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var newest = DateTimeOffset.MinValue;
        await foreach (var page in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: Prefix, cancellationToken: cancellationToken).AsPages(pageSizeHint: PageSize).ConfigureAwait(false))
        {
            foreach (var blob in page.Values)
            {
                var slash = blob.Name.LastIndexOf('/');
                var blobFolder = slash < Prefix.Length ? string.Empty : blob.Name[Prefix.Length..slash];
                if (blobFolder != folder)
                {
                    Close();
                    (folder, id) = (blobFolder, SceneFolder(blobFolder));
                }

                if (id is not null)
                {
                    names.Add(blob.Name[(slash + 1)..]);
                    newest = blob.Properties.LastModified is { } modified && modified > newest ? modified : newest;
                }
            }
        }

        Close();
        foreach (var scene in SettledScenes.Select(candidates, watermark, settledBefore))
        {
            yield return scene;
        }

        // A flat listing is ordered by name, so a folder's blobs come together: one candidate per folder.
        void Close()
        {
            if (id is not null && names.Count > 0)
            {
                candidates.Add(new SceneCandidate(id, _containerUrl + "/" + Prefix + folder, newest, ArchiveLayout.Missing(id, names).Count == 0));
            }

            names.Clear();
            newest = DateTimeOffset.MinValue;
        }
    }

    /// <summary>The scene of a folder (relative to the prefix) in the archive layout or straight under the prefix; else null.</summary>
    private static SceneId? SceneFolder(string folder)
    {
        var name = folder[(folder.LastIndexOf('/') + 1)..];
        return SceneId.TryParse(name, out var id) && (folder == name || folder == id.ArchiveDirectory) ? id : null;
    }

    private async ValueTask DownloadAsync(BlobItem item, string path, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(item.Name);
        try
        {
            await blob.DownloadToAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidSceneException($"{item.Name} vanished from the container while it was fetched", item.Name, null, null, ex);
        }
    }
}
