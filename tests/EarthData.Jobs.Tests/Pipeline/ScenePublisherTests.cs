using System.Security.Cryptography;
using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using EarthData.Jobs.Pipeline;
using EarthData.Samples;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Pipeline;

[Collection(PublishTestGroup.Name)]
public sealed class ScenePublisherTests(PublishScenesFixture scenes)
{
    [Fact]
    public async Task Publish_TwoScenes_StaticCatalogueUnderStacPassesTheValidatorAndItsLinksReachBothItems()
    {
        using var target = await LocalTarget.CreateAsync();
        var publisher = target.Publisher();

        await publisher.PublishAsync(scenes.Mux);
        await publisher.PublishAsync(scenes.Wfi);

        var documents = (await target.KeysAsync("stac/")).Select(k => target.Objects.LocalPath(k)!).ToList();
        Assert.Equal(5, documents.Count); // catalog, 2 collections, 2 items
        var validation = await StacValidator.ValidateAsync(documents);
        Assert.True(StacValidator.AllPassed(validation, documents.Count), validation.Output);

        var reached = WalkFrom(target.PathOf("stac/catalog.json"));
        Assert.Equal(
            new[] { scenes.Mux.Manifest.SceneId, scenes.Wfi.Manifest.SceneId }.Order(StringComparer.Ordinal),
            reached.Where(d => d.GetProperty("type").GetString() == "Feature").Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["CBERS4-MUX", "CBERS4A-WFI"],
            reached.Where(d => d.GetProperty("type").GetString() == "Collection").Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_WritesEveryAssetBeforeTheItem_WithChecksumsAndTileLimitsOfWhatWasWritten()
    {
        using var target = await LocalTarget.CreateAsync();
        var scene = scenes.Wfi;

        var result = await target.Publisher().PublishAsync(scene);

        var item = await target.Catalog.GetItemAsync(scene.Manifest.Collection, scene.Manifest.SceneId);
        Assert.NotNull(item);
        foreach (var (key, asset) in item.Assets)
        {
            var bytes = await File.ReadAllBytesAsync(target.PathOf(asset.Href));
            Assert.True(asset.Fields!["file:size"].GetInt64() == bytes.Length, key);
            Assert.Equal(Multihash.Sha256(SHA256.HashData(bytes)), asset.Fields["file:checksum"].GetString());
        }

        Assert.Equal(["evi", "metadata", "ndvi", "ndwi", "savi", "thumbnail", "visual"], item.Assets.Keys.Order());
        // Estimated from the COG at processing (INPE's XML has none); the generated WFI scene has clouds.
        Assert.Equal(scene.Manifest.CloudCover, item.Properties["eo:cloud_cover"].GetDouble());
        Assert.InRange(scene.Manifest.CloudCover!.Value, 0.01, 100);
        var cog = await target.Objects.HeadAsync($"cogs/CBERS4A-WFI/{scene.Manifest.SceneId}/visual.tif");
        Assert.Equal("image/tiff; application=geotiff; profile=cloud-optimized", cog!.ContentType);
        Assert.NotNull(cog.CacheControl);

        var tiles = await target.KeysAsync($"tiles/CBERS4A-WFI/{scene.Manifest.SceneId}/");
        Assert.Equal(scene.Manifest.Layers.Sum(l => l.TileCount), tiles.Count);
        Assert.Equal(2 + scene.Manifest.Indices!.Count + scene.Manifest.MetadataXml.Count + tiles.Count, result.ObjectsUploaded);
        var tile = await target.Objects.HeadAsync(tiles[0]);
        Assert.Equal("image/png", tile!.ContentType);

        var limits = item.Properties["tiles:tile_matrix_links"].GetProperty("WebMercatorQuad").GetProperty("limits");
        var zooms = scene.Manifest.Layers[0].Zooms;
        Assert.Equal(zooms.Select(z => z.Zoom.ToString(System.Globalization.CultureInfo.InvariantCulture)), limits.EnumerateObject().Select(p => p.Name));
        foreach (var zoom in zooms)
        {
            var limit = limits.GetProperty(zoom.Zoom.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(zoom.MinCol, limit.GetProperty("min_tile_col").GetInt32());
            Assert.Equal(zoom.MaxRow, limit.GetProperty("max_tile_row").GetInt32());
        }

        var template = item.Fields!["asset_templates"].GetProperty("true-color").GetProperty("href").GetString()!;
        var first = zooms[0];
        var href = template.Replace("{TileMatrix}", first.Zoom.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{TileCol}", first.MinCol.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{TileRow}", first.MinRow.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(File.Exists(target.PathOf(href)), href);
        Assert.Equal($"stac/CBERS4A-WFI/items/{scene.Manifest.SceneId}.json", result.ItemKey);
        Assert.Null(await target.Catalog.GetSceneRecordAsync(scene.Manifest.SceneId));
    }

    [Fact]
    public async Task Publish_Again_ReplacesTheItemAndNeverDuplicatesIt()
    {
        using var target = await LocalTarget.CreateAsync();
        var publisher = target.Publisher();
        await publisher.PublishAsync(scenes.Mux);
        var objects = await target.KeysAsync("");

        await publisher.PublishAsync(scenes.Mux);

        var search = await target.Catalog.SearchAsync(new ItemSearch { Collections = ["CBERS4-MUX"], Limit = 100 });
        Assert.Single(search.Items);
        Assert.Equal(1, search.NumberMatched);
        Assert.Equal(objects, await target.KeysAsync(""));
        Assert.Single(await target.KeysAsync("stac/CBERS4-MUX/items/"));
        using var collection = JsonDocument.Parse(await File.ReadAllBytesAsync(target.Objects.LocalPath("stac/CBERS4-MUX/collection.json")!));
        Assert.Single(collection.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "item");
    }

    [Fact]
    public async Task Publish_RacingAnotherIntoTheSameCollection_LeavesTheStaticCollectionListingBothItems()
    {
        // The interleaving that used to lose a link: A reads the collection's items ({A}), B publishes completely
        // ({A, B}), then A writes its stale collection.json. A re-reads after writing and repairs it.
        using var target = await LocalTarget.CreateAsync();
        var other = scenes.Processor.Process(SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(scenes.Root, "race"), Collection = "CBERS4-MUX", Scale = 0.03, Seed = 5, Path = 160, Row = 110,
        }).Scenes[0].Directory, PublishScenesFixture.Options);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = 0;
        var gated = new InterceptingObjectStore(target.Objects, async (key, _) =>
        {
            if (key == "stac/CBERS4-MUX/collection.json" && Interlocked.Exchange(ref holding, 1) == 0)
            {
                held.SetResult();
                await release.Task;
            }
        });

        var first = target.Publisher(gated).PublishAsync(scenes.Mux);
        await held.Task;
        await target.Publisher().PublishAsync(other);
        release.SetResult();
        await first;

        using var collection = JsonDocument.Parse(await File.ReadAllBytesAsync(target.Objects.LocalPath("stac/CBERS4-MUX/collection.json")!));
        var items = collection.RootElement.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("rel").GetString() == "item").Select(l => l.GetProperty("href").GetString()!).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, href => href.Contains(other.Manifest.SceneId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_WhenAnUploadFails_WritesNoItemThrowsRetryableAndARetrySucceeds()
    {
        using var target = await LocalTarget.CreateAsync();
        var id = scenes.Mux.Manifest.SceneId;

        var ex = await Assert.ThrowsAsync<ScenePublishException>(() => target.Publisher(InterceptingObjectStore.FailingAt(target.Objects, 5)).PublishAsync(scenes.Mux));

        Assert.Contains(InterceptingObjectStore.FailureMessage, ex.Message, StringComparison.Ordinal);
        Assert.Null(await target.Catalog.GetItemAsync("CBERS4-MUX", id));
        Assert.Empty(await target.KeysAsync("stac/"));
        Assert.Equal("upload", ex.Step);
        Assert.True(ex.Retryable);

        await target.Publisher().PublishAsync(scenes.Mux);

        Assert.NotNull(await target.Catalog.GetItemAsync("CBERS4-MUX", id));
    }

    [Fact]
    public async Task Publish_WhenCancelledDuringUploads_WritesNoItem()
    {
        using var target = await LocalTarget.CreateAsync();
        using var cancellation = new CancellationTokenSource();
        var id = scenes.Wfi.Manifest.SceneId;
        var progress = new SynchronousProgress(v =>
        {
            if (v > 0.2)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => target.Publisher().PublishAsync(scenes.Wfi, progress, cancellation.Token));

        Assert.Null(await target.Catalog.GetItemAsync("CBERS4A-WFI", id));
        Assert.Empty(await target.KeysAsync("stac/"));
    }

    /// <summary>
    /// Follows child and item links from the root file; every catalogue link and asset href must be relative (the
    /// catalogue is self-contained) and resolve to an existing file. Returns every document reached once.
    /// </summary>
    private static List<JsonElement> WalkFrom(string rootPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documents = new List<JsonElement>();
        var pending = new Queue<string>([Path.GetFullPath(rootPath)]);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement.Clone();
            documents.Add(root);
            string Resolve(string href)
            {
                Assert.True(AssetHrefs.IsRelative(href), $"{path}: '{href}' is not relative");
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, href));
                Assert.True(File.Exists(target), $"{path}: '{href}' does not resolve");
                return target;
            }

            foreach (var link in root.GetProperty("links").EnumerateArray())
            {
                var rel = link.GetProperty("rel").GetString();
                Assert.NotEqual("self", rel);
                if (rel is not ("root" or "parent" or "collection" or "child" or "item"))
                {
                    continue; // e.g. the licence's web page
                }

                var target = Resolve(link.GetProperty("href").GetString()!);
                if (rel is "child" or "item")
                {
                    pending.Enqueue(target);
                }
            }

            if (root.TryGetProperty("assets", out var assets))
            {
                foreach (var asset in assets.EnumerateObject())
                {
                    Resolve(asset.Value.GetProperty("href").GetString()!);
                }
            }
        }

        return documents;
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
