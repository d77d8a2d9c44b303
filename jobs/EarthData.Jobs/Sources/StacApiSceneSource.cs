using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EarthData.Core;
using EarthData.Core.Scenes;
using EarthData.Core.Sources;

namespace EarthData.Jobs.Sources;

/// <summary>
/// Scenes from a STAC API: new items of the configured CBERS collections, found with <c>/search</c> sorted by
/// <c>datetime</c> then <c>id</c> from the watermark on, page by page along the <c>next</c> links. A scene's location
/// is its item URL (<c>{api}/collections/{collection}/items/{SCENE_ID}</c>).
/// </summary>
/// <remarks>
/// The contract an item must meet to be fetched: one GeoTIFF asset per band of the camera, keyed <c>B{n}</c> (the
/// CBERS STAC convention) or whose href ends with <c>{SCENE_ID}_BAND{n}.tif</c>, and the INPE XML as the
/// <c>metadata</c> asset (or an asset whose href ends with <c>{SCENE_ID}_BAND{n}.xml</c>). Another EarthData publishes
/// such items with <c>EarthData:Pipeline:PublishOriginals=true</c>. An item without them is invalid input (rejected,
/// naming what is missing). The watermark is the item's <c>datetime</c> and id: an item published upstream later than
/// others but acquired before the watermark is not discovered (queue it by its URL). Every request is bounded in time
/// and size. Thread-safe.
/// </remarks>
public sealed class StacApiSceneSource : ISceneSource, IDisposable
{
    private readonly HttpClient _http;
    private readonly string _api;

    /// <summary>Creates the source on the STAC API at <paramref name="apiUrl"/> (its landing page) for <paramref name="collections"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not absolute http(s), or a collection is not a CBERS collection.</exception>
    public StacApiSceneSource(Uri apiUrl, IReadOnlyList<string> collections, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        ArgumentNullException.ThrowIfNull(collections);
        if (!apiUrl.IsAbsoluteUri || apiUrl.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(apiUrl.Query))
        {
            throw new ArgumentException($"'{apiUrl}' is not an absolute http(s) URL without a query", nameof(apiUrl));
        }

        if (collections.Count == 0 || collections.Any(c => !CameraCatalog.CollectionIds.Contains(c)))
        {
            throw new ArgumentException($"collections: give CBERS collections ({string.Join(", ", CameraCatalog.CollectionIds)})", nameof(collections));
        }

        _api = apiUrl.AbsoluteUri.TrimEnd('/');
        Collections = [.. collections.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("EarthData-StacSource/1");
    }

    /// <summary>The collections searched.</summary>
    public IReadOnlyList<string> Collections { get; }

    /// <summary>Time limit of one API request (landing, search page, item); default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one asset download; default 10 min.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest JSON document read (a search page or an item); default 8 MiB.</summary>
    public int MaxJsonBytes { get; init; } = 8 << 20;

    /// <summary>The largest asset downloaded; default 4 GiB.</summary>
    public long MaxAssetBytes { get; init; } = 4L << 30;

    /// <summary>Items per search page; default 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Most pages one discovery round reads (later items wait for the next round); default 100.</summary>
    public int MaxPages { get; init; } = 100;

    /// <inheritdoc />
    public string Name => "stac:" + _api + "?collections=" + string.Join(',', Collections);

    /// <inheritdoc />
    public bool TryResolve(string location, out SceneId sceneId, out string normalizedLocation)
    {
        sceneId = default!;
        normalizedLocation = string.Empty;
        var prefix = _api + "/collections/";
        if (string.IsNullOrWhiteSpace(location) || !location.StartsWith(prefix, StringComparison.Ordinal) || location.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        var parts = location[prefix.Length..].TrimEnd('/').Split('/');
        if (parts is not [var collection, "items", var item] || !Collections.Contains(collection) || !SceneId.TryParse(item, out var id) || id.CollectionId != collection)
        {
            return false;
        }

        (sceneId, normalizedLocation) = (id, ItemUrl(id));
        return true;
    }

    /// <inheritdoc />
    public async Task<string?> LocateAsync(SceneId sceneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        if (!Collections.Contains(sceneId.CollectionId))
        {
            return null;
        }

        using var item = await GetJsonAsync(new Uri(ItemUrl(sceneId)), allowNotFound: true, cancellationToken).ConfigureAwait(false);
        return item is null ? null : ItemUrl(sceneId);
    }

    /// <inheritdoc />
    public async Task<string> FetchAsync(string location, string cacheDirectory, CancellationToken cancellationToken = default)
    {
        if (!TryResolve(location, out var id, out var itemUrl))
        {
            throw new InvalidSceneException($"'{location}' is not an item URL of {Name}", location, null, null);
        }

        var itemUri = new Uri(itemUrl);
        using var item = await GetJsonAsync(itemUri, allowNotFound: true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidSceneException($"{id}: {itemUrl} does not exist (404)", itemUrl, null, id.ToString());
        var files = SceneAssets(id, itemUri, item.RootElement);
        return await SceneCache.FillAsync(cacheDirectory, id, (folder, token) => Parallel.ForEachAsync(
            files, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token },
            (file, inner) => new ValueTask(DownloadAsync(file.Href, Path.Combine(folder, file.Name), id, inner))), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DiscoveredScene> DiscoverAsync(string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var since = watermark?.Split('|')[0];
        var query = $"collections={string.Join(',', Collections)}&sortby=%2Bdatetime,%2Bid&limit={PageSize.ToString(CultureInfo.InvariantCulture)}"
            + (since is null ? string.Empty : "&datetime=" + Uri.EscapeDataString(since + "/.."));
        Uri? page = new(_api + "/search?" + query);
        var last = watermark;
        for (var pages = 0; page is not null && pages < MaxPages; pages++)
        {
            using var document = await GetJsonAsync(page, allowNotFound: false, cancellationToken).ConfigureAwait(false);
            var root = document!.RootElement;
            foreach (var feature in root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array ? features.EnumerateArray() : default)
            {
                if (Discovered(feature) is { } scene && (last is null || string.CompareOrdinal(scene.Watermark, last) > 0))
                {
                    last = scene.Watermark;
                    yield return scene;
                }
            }

            page = NextPage(root, page);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private string ItemUrl(SceneId id) => $"{_api}/collections/{id.CollectionId}/items/{id}";

    /// <summary>A search result as a discovered scene: a CBERS scene id of a searched collection with a UTC datetime; else null (skipped).</summary>
    private DiscoveredScene? Discovered(JsonElement feature)
    {
        if (!feature.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || !SceneId.TryParse(idElement.GetString(), out var id)
            || !Collections.Contains(id.CollectionId)
            || !feature.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("datetime", out var datetime)
            || datetime.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(datetime.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return null;
        }

        var mark = when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "|" + id;
        return new DiscoveredScene(id, ItemUrl(id), mark);
    }

    /// <summary>The <c>next</c> link of a page (GET, same host as the API), or null at the end.</summary>
    private Uri? NextPage(JsonElement page, Uri current)
    {
        if (!page.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var link in links.EnumerateArray())
        {
            if (link.TryGetProperty("rel", out var rel) && rel.ValueKind == JsonValueKind.String && rel.GetString() == "next"
                && link.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
                && (!link.TryGetProperty("method", out var method) || method.GetString() is "GET" or null))
            {
                var next = new Uri(current, href.GetString());
                return next.Authority == new Uri(_api).Authority ? next : throw new InvalidOperationException($"{Name}: the next page '{next}' is on another host");
            }
        }

        return null;
    }

    /// <summary>The band GeoTIFFs and INPE XML an item offers, named as the archive names them.</summary>
    private static List<(Uri Href, string Name)> SceneAssets(SceneId id, Uri itemUri, JsonElement item)
    {
        var assets = new Dictionary<string, Uri>(StringComparer.Ordinal);
        if (item.TryGetProperty("assets", out var assetsElement) && assetsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var asset in assetsElement.EnumerateObject())
            {
                if (asset.Value.ValueKind == JsonValueKind.Object && asset.Value.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
                    && Uri.TryCreate(itemUri, href.GetString(), out var uri) && uri.Scheme is "http" or "https")
                {
                    assets[asset.Name] = uri;
                }
            }
        }

        string FileName(Uri uri) => Uri.UnescapeDataString(uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..]);
        var bands = CameraCatalog.Get(id).Bands;
        var files = new List<(Uri Href, string Name)>();
        var missing = new List<string>();
        foreach (var band in bands)
        {
            var name = id.BandFileName(band.Number, ArchiveLayout.TiffExtension);
            if ((assets.TryGetValue(band.Name, out var uri) ? uri : assets.Values.FirstOrDefault(u => FileName(u) == name)) is { } found)
            {
                files.Add((found, name));
            }
            else
            {
                missing.Add($"asset {band.Name} ({name})");
            }
        }

        var xmlNames = bands.Select(b => id.BandFileName(b.Number, ArchiveLayout.XmlExtension)).ToList();
        var xml = assets.Values.Where(u => xmlNames.Contains(FileName(u))).Select(u => (u, FileName(u))).ToList();
        if (xml.Count == 0 && assets.TryGetValue("metadata", out var metadata))
        {
            xml.Add((metadata, xmlNames[0]));
        }

        if (xml.Count == 0)
        {
            missing.Add("the INPE XML (asset 'metadata')");
        }

        if (missing.Count > 0)
        {
            throw new InvalidSceneException(
                $"{id}: the STAC item lacks {string.Join(", ", missing)}; a source item must carry the band GeoTIFFs and the INPE XML (EarthData publishes them with EarthData:Pipeline:PublishOriginals=true)",
                itemUri.AbsoluteUri, null, id.ToString());
        }

        return [.. files, .. xml.DistinctBy(x => x.Item2)];
    }

    private async Task<JsonDocument?> GetJsonAsync(Uri uri, bool allowNotFound, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/geo+json, application/json");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            var content = response.Content;
            var stream = await content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await CopyBoundedAsync(stream, buffer, MaxJsonBytes, uri, timeout.Token).ConfigureAwait(false);
                return JsonDocument.Parse(buffer.ToArray());
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{uri} did not answer within {RequestTimeout}");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{uri} is not JSON: {ex.Message}", ex);
        }
    }

    private async Task DownloadAsync(Uri href, string path, SceneId id, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DownloadTimeout);
        try
        {
            using var response = await _http.GetAsync(href, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new InvalidSceneException($"{id}: asset {href} does not exist (404)", href.AbsoluteUri, null, id.ToString());
            }

            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > MaxAssetBytes)
            {
                throw new InvalidSceneException($"{id}: asset {href} has {response.Content.Headers.ContentLength} bytes, more than {MaxAssetBytes}", href.AbsoluteUri, null, id.ToString());
            }

            var source = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    await CopyBoundedAsync(source, file, MaxAssetBytes, href, timeout.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{href} was not downloaded within {DownloadTimeout}");
        }
    }

    private static async Task CopyBoundedAsync(Stream source, Stream destination, long limit, Uri uri, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new InvalidDataException($"{uri} is larger than {limit} bytes");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }
}
