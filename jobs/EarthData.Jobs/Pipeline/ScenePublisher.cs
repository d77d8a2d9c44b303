using EarthData.Core;
using EarthData.Core.Catalog;
using EarthData.Core.Scenes;
using EarthData.Core.Stac;
using EarthData.Core.Storage;
using EarthData.Core.Tiling;
using EarthData.Jobs.Catalog;

namespace EarthData.Jobs.Pipeline;

/// <summary>
/// Publishes a processed scene: uploads the COG, originals, thumbnail and tiles, then upserts the STAC item into the
/// catalogue (the commit point: no item before all its objects exist; re-publishing replaces it), then updates the
/// static catalogue under <c>stac/</c>. Scene records are not its business: the scene-state service records the stage.
/// </summary>
/// <remarks>
/// On failure no new item is written and <see cref="ScenePublishException"/> is thrown; running it again publishes the
/// scene (same keys, replaced objects, one item). Thread-safe; do not publish the same scene twice at once.
/// </remarks>
public sealed class ScenePublisher
{
    private readonly IObjectStore _objects;
    private readonly ICatalogStore _catalog;
    private readonly PublishOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a publisher.</summary>
    /// <param name="objects">Where objects go.</param>
    /// <param name="catalog">The catalogue (migrated).</param>
    /// <param name="options">Public URLs and upload settings.</param>
    /// <param name="time">Clock for <c>processing:datetime</c> and record times; default the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ScenePublisher(IObjectStore objects, ICatalogStore catalog, PublishOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _objects = objects;
        _catalog = catalog;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Publishes <paramref name="scene"/>: uploads its objects, then commits its item (see the class remarks).</summary>
    /// <param name="scene">The output of <see cref="SceneProcessor.Process"/>.</param>
    /// <param name="progress">Receives monotonic progress in [0, 1] (uploads dominate).</param>
    /// <param name="cancellationToken">Stops publishing; no item is written.</param>
    /// <exception cref="ScenePublishException">An upload or a catalogue write failed.</exception>
    public async Task<PublishResult> PublishAsync(ProcessedScene scene, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var step = "item";
        try
        {
            // Built first: an item that cannot be described fails before anything is uploaded.
            var item = BuildItem(scene);
            step = "upload";
            var (count, bytes) = await UploadAsync(scene, progress, cancellationToken).ConfigureAwait(false);
            var itemKey = await CommitItemAsync(item, scene.Manifest.Collection, s => step = s, cancellationToken).ConfigureAwait(false);
            progress?.Report(1);
            return new PublishResult(item, count, bytes, itemKey);
        }
        catch (Exception ex) when (ex is not (ScenePublishException or OperationCanceledException))
        {
            throw Failure(scene.Manifest.SceneId, step, ex);
        }
    }

    /// <summary>
    /// Commits a scene whose objects are already in the store (the pipeline's process and tile stages wrote them):
    /// checks that the COG and thumbnail exist, writes the STAC item (the commit point) and the collection documents.
    /// </summary>
    /// <param name="scene">The scene's metadata and manifest (its work directory is not read).</param>
    /// <param name="cancellationToken">Stops publishing.</param>
    /// <exception cref="ScenePublishException">An object is missing, or a catalogue write failed.</exception>
    public async Task<PublishResult> CommitAsync(ProcessedScene scene, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var manifest = scene.Manifest;
        var step = "item";
        try
        {
            var item = BuildItem(scene);
            step = "objects";
            foreach (var key in IndexCogs.Keys(manifest).Prepend(PublishedObjectKeys.Thumbnail(manifest.Collection, manifest.SceneId)).Prepend(PublishedObjectKeys.Cog(manifest.Collection, manifest.SceneId, "visual")))
            {
                if (!await _objects.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"object '{key}' is missing from the store");
                }
            }

            var itemKey = await CommitItemAsync(item, manifest.Collection, s => step = s, cancellationToken).ConfigureAwait(false);
            return new PublishResult(item, 0, 0, itemKey);
        }
        catch (Exception ex) when (ex is not (ScenePublishException or OperationCanceledException))
        {
            throw Failure(manifest.SceneId, step, ex);
        }
    }

    private async Task<string?> CommitItemAsync(StacItem item, string collection, Action<string> step, CancellationToken cancellationToken)
    {
        step("catalogue");
        await _catalog.UpsertItemAsync(item, cancellationToken).ConfigureAwait(false);
        return await WriteCollectionDocumentsAsync(item, collection, step, cancellationToken).ConfigureAwait(false);
    }

    private static ScenePublishException Failure(string sceneId, string step, Exception ex)
    {
        var reason = $"{step} failed: {ex.Message.ReplaceLineEndings(" ")}";
        return new ScenePublishException(sceneId, step, !State.SceneStateService.IsInvalidInput(ex), $"{sceneId}: {reason}", ex);
    }

    /// <summary>
    /// The item of a processed scene, asset hrefs and tile templates being object keys (no I/O): the catalogue stores
    /// keys, the STAC API and the static catalogue resolve them for their clients.
    /// </summary>
    internal StacItem BuildItem(ProcessedScene scene)
    {
        var manifest = scene.Manifest;
        var (collection, id) = (manifest.Collection, manifest.SceneId);
        var xml = manifest.MetadataXml[0];
        var options = new CbersItemOptions
        {
            Thumbnail = new AssetFile(PublishedObjectKeys.Thumbnail(collection, id), manifest.Thumbnail.Size, manifest.Thumbnail.Checksum),
            MetadataXml = new AssetFile(PublishedObjectKeys.Original(collection, id, SceneUploads.FileName(xml)), xml.Size, xml.Checksum),
            Tiles = Pyramid(manifest),
            ProcessedAt = _time.GetUtcNow().UtcDateTime,
            CloudCover = manifest.CloudCover,
            ExtraAssets = new Dictionary<string, StacAsset>(IndexCogs.Assets(manifest)) { ["visual"] = CogAsset(scene) },
            OriginalBands = manifest.OriginalBands?.ToDictionary(
                f => BandFileName.Parse(SceneUploads.FileName(f)).Band,
                f => new AssetFile(PublishedObjectKeys.Original(collection, id, SceneUploads.FileName(f)), f.Size, f.Checksum)),
        };
        var item = CbersItemBuilder.Build(scene.Metadata, options);
        IndexCogs.DescribeUnavailable(item, manifest);
        return item;
    }

    private static TilePyramid Pyramid(SceneManifest manifest)
    {
        var limits = new Dictionary<int, TileMatrixLimits>();
        foreach (var zoom in manifest.Layers.SelectMany(l => l.Zooms))
        {
            limits[zoom.Zoom] = limits.TryGetValue(zoom.Zoom, out var known)
                ? new TileMatrixLimits(Math.Min(known.MinCol, zoom.MinCol), Math.Min(known.MinRow, zoom.MinRow),
                    Math.Max(known.MaxCol, zoom.MaxCol), Math.Max(known.MaxRow, zoom.MaxRow))
                : new TileMatrixLimits(zoom.MinCol, zoom.MinRow, zoom.MaxCol, zoom.MaxRow);
        }

        if (limits.Count == 0)
        {
            throw new InvalidSceneException($"{manifest.SceneId}: no tiles were rendered (the scene is empty at every zoom)");
        }

        var layers = manifest.Layers.Select(l => new TileLayer(l.Name, l.Extension == "webp" ? "image/webp" : "image/png", Imaging.Layers.LayerCatalog.TitleOf(l.Name))).ToList();
        var baseHref = PublishedObjectKeys.TilesBase(manifest.Collection, manifest.SceneId).TrimEnd('/');
        return new TilePyramid(baseHref, limits.Keys.Min(), limits.Keys.Max(), layers) { Limits = limits };
    }

    private static StacAsset CogAsset(ProcessedScene scene)
    {
        var manifest = scene.Manifest;
        var resolution = WebMercatorQuad.Resolution(manifest.NativeZoom);
        var bands = manifest.CogBands.Select((description, index) =>
        {
            var entry = new Dictionary<string, object> { ["name"] = description, ["raster:spatial_resolution"] = resolution };
            if (scene.Metadata.Camera.Bands.FirstOrDefault(b => b.CommonName == description) is { } band)
            {
                entry["name"] = band.Name;
                entry["eo:common_name"] = band.CommonName;
                entry["eo:center_wavelength"] = band.CenterWavelength;
                entry["nodata"] = band.NoData;
                entry["data_type"] = band.SampleType == SampleType.Byte ? "uint8" : "int16";
            }

            // Computed once by the process stage; the tiles were drawn with its stretch cuts, dynamic tiles read them here.
            if (manifest.CogStatistics is { } statistics && index < statistics.Count && statistics[index] is { } stored)
            {
                RasterBandFields.Add(entry, stored);
            }

            return entry;
        });
        // Its own EPSG:3857 grid: the item-level proj fields describe the UTM scene, and GDAL's STACIT skips an asset
        // without proj:epsg (or would place it on the UTM grid).
        var fields = CbersItemBuilder.WebMercatorProjection(manifest.CogShape, manifest.CogTransform);
        fields["file:size"] = StacJson.Element(manifest.Cog.Size);
        fields["file:checksum"] = StacJson.Element(manifest.Cog.Checksum);
        fields["bands"] = StacJson.Element(bands.ToArray());
        return new StacAsset
        {
            Href = PublishedObjectKeys.Cog(manifest.Collection, manifest.SceneId, "visual"),
            Type = StacAsset.CogMediaType,
            Title = $"Web Mercator COG of the digital numbers ({string.Join(", ", manifest.CogBands)})",
            Roles = ["data", "cog"],
            Fields = fields,
        };
    }

    private async Task<(int Count, long Bytes)> UploadAsync(ProcessedScene scene, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var uploads = SceneUploads.Products(scene.Manifest, scene.WorkDirectory).Concat(SceneUploads.Tiles(scene.Manifest, scene.WorkDirectory)).ToList();
        long bytes = 0;
        var started = 0;
        var total = uploads.Count;
        var count = await _objects.PutManyAsync(
            uploads.Select(u => (u.Key, (Func<Stream>)(() =>
            {
                progress?.Report(0.95 * Interlocked.Increment(ref started) / total);
                var stream = new FileStream(u.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                Interlocked.Add(ref bytes, stream.Length);
                return stream;
            }), u.Options)),
            _options.UploadParallelism, cancellationToken).ConfigureAwait(false);
        return (count, Interlocked.Read(ref bytes));
    }

    /// <summary>
    /// Rebuilds the collection (catalogue record and, when enabled, the static collection.json and catalog.json) from
    /// the catalogue's items, then reads them again: a publish racing into the same collection may have written its
    /// documents from a list without this item, or this one from a list without its item. Whoever writes last re-reads
    /// after writing and rewrites until the list it wrote is the catalogue's, so the last state lists every item.
    /// </summary>
    /// <returns>The static item's key, or null without a static catalogue.</returns>
    private async Task<string?> WriteCollectionDocumentsAsync(StacItem item, string collection, Action<string> step, CancellationToken cancellationToken)
    {
        const int maxRounds = 8;
        var items = await CollectionItemsAsync(collection, cancellationToken).ConfigureAwait(false);
        string[]? collectionIds = null;
        for (var round = 1; ; round++)
        {
            step("catalogue");
            await _catalog.UpsertCollectionAsync(CbersCollectionBuilder.Build(collection, items), cancellationToken).ConfigureAwait(false);
            // Read once the collection itself exists; later rounds use what the previous round's check read.
            collectionIds ??= await CollectionIdsAsync(cancellationToken).ConfigureAwait(false);
            string? itemKey = null;
            if (_options.WriteStaticCatalog)
            {
                step("static catalogue");
                var writer = new StaticCatalogWriter(_objects, _options.StaticCatalogUrl());
                itemKey = await writer.WriteAsync(item, items, collectionIds, cancellationToken).ConfigureAwait(false);
            }

            var latest = await CollectionItemsAsync(collection, cancellationToken).ConfigureAwait(false);
            var latestIds = await CollectionIdsAsync(cancellationToken).ConfigureAwait(false);
            if (round == maxRounds || (SameIds(items.Select(i => i.Id), latest.Select(i => i.Id)) && SameIds(collectionIds, latestIds)))
            {
                return itemKey;
            }

            (items, collectionIds) = (latest, latestIds);
        }
    }

    /// <summary>The catalogue's collection ids, which only the static catalog.json lists (none without it).</summary>
    private async Task<string[]> CollectionIdsAsync(CancellationToken cancellationToken) =>
        _options.WriteStaticCatalog
            ? [.. (await _catalog.ListCollectionsAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Id)]
            : [];

    private static bool SameIds(IEnumerable<string> a, IEnumerable<string> b) =>
        a.ToHashSet(StringComparer.Ordinal).SetEquals(b);

    private async Task<List<StacItem>> CollectionItemsAsync(string collection, CancellationToken cancellationToken)
    {
        var items = new List<StacItem>();
        string? token = null;
        do
        {
            var page = await _catalog.SearchAsync(new ItemSearch { Collections = [collection], Limit = 1000, Token = token }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);
        return items;
    }

}
