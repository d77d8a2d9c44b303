using Azure.Storage.Blobs;
using EarthData.Core;
using EarthData.Core.Scenes;
using EarthData.Core.Sources;
using EarthData.Jobs.Scheduling;
using EarthData.Core.Catalog;
using EarthData.Jobs.Tests.Scheduling;
using EarthData.Storage.Objects;
using EarthData.Storage.Sources;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Sources;

/// <summary>The blob container source on the real Azurite: generated scenes uploaded in the archive layout, discovered, fetched and published.</summary>
public sealed class AzureBlobSceneSourceTests(PublishScenesFixture scenes) : IClassFixture<PublishScenesFixture>, IAsyncLifetime
{
    private const string Prefix = "mirror/";
    private readonly string _container = "src" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Discover_UploadedScenes_HandsOverCompleteScenesOldestFirstAndNothingAfterTheWatermark()
    {
        var mux = await UploadAsync(scenes.MuxDirectory, archiveLayout: true);
        await NextSecondAsync();
        var wfi = await UploadAsync(scenes.WfiDirectory, archiveLayout: false, singleXml: true);
        await Blobs().UploadBlobAsync(Prefix + "CBERS4/MUX/151/121/README.txt", BinaryData.FromString("not a scene"));
        var source = Source();

        var found = await ToListAsync(source.DiscoverAsync(null));
        var again = await ToListAsync(source.DiscoverAsync(found[^1].Watermark));

        Assert.Equal([mux, wfi], found.Select(s => s.Id.ToString()));
        Assert.True(string.CompareOrdinal(found[0].Watermark, found[1].Watermark) < 0);
        Assert.All(found, s => Assert.True(source.TryResolve(s.Location, out var id, out _) && id == s.Id));
        Assert.EndsWith("/" + Prefix + SceneId.Parse(mux).ArchiveDirectory, found[0].Location, StringComparison.Ordinal);
        Assert.EndsWith("/" + Prefix + wfi, found[1].Location, StringComparison.Ordinal);
        Assert.Empty(again);
    }

    [Fact]
    public async Task Discover_SceneLackingABand_IsLeftAndHoldsTheWatermarkBeforeIt()
    {
        var partial = await UploadAsync(scenes.MuxDirectory, archiveLayout: true, skip: "_BAND8.tif");
        await NextSecondAsync();
        await UploadAsync(scenes.WfiDirectory, archiveLayout: true);
        var source = Source();

        var found = await ToListAsync(source.DiscoverAsync(null));
        await Blobs().GetBlobClient(Prefix + SceneId.Parse(partial).ArchiveDirectory + "/" + partial + "_BAND8.tif")
            .UploadAsync(Path.Combine(scenes.MuxDirectory, partial + "_BAND8.tif"));
        var completed = await ToListAsync(source.DiscoverAsync(null));

        Assert.Empty(found);
        Assert.Equal(2, completed.Count);
        Assert.Equal(partial, completed[^1].Id.ToString());
    }

    [Fact]
    public async Task Locate_SceneId_FindsItsFolderByPrefixAndNullForAnother()
    {
        var mux = await UploadAsync(scenes.MuxDirectory, archiveLayout: true);
        var source = Source();

        var location = await source.LocateAsync(SceneId.Parse(mux));
        var other = await source.LocateAsync(SceneId.Parse(Path.GetFileName(scenes.WfiDirectory)));

        Assert.NotNull(location);
        Assert.True(source.TryResolve(location + "/", out var id, out var normalized));
        Assert.Equal(mux, id.ToString());
        Assert.Equal(location, normalized);
        Assert.Null(other);
        Assert.False(source.TryResolve(location + "?sig=secret", out _, out _));
        Assert.False(source.TryResolve(scenes.MuxDirectory, out _, out _));
    }

    [Fact]
    public async Task Fetch_SingleXmlScene_DownloadsTheBandFilesIntoAFolderNamedAfterTheScene()
    {
        var wfi = await UploadAsync(scenes.WfiDirectory, archiveLayout: true, singleXml: true);
        await Blobs().UploadBlobAsync(Prefix + SceneId.Parse(wfi).ArchiveDirectory + "/notes.txt", BinaryData.FromString("ignored"));
        var source = Source();
        var cache = Directory.CreateTempSubdirectory("earthdata-blob-cache-").FullName;
        try
        {
            var folder = await source.FetchAsync((await source.LocateAsync(SceneId.Parse(wfi)))!, cache);

            var files = ArchiveLayout.Locate(folder);
            Assert.Equal(Path.Combine(cache, wfi), folder);
            Assert.Single(files.MetadataXml);
            Assert.False(File.Exists(Path.Combine(folder, "notes.txt")));
            Assert.Equal(Directory.GetFiles(folder).Length, files.Bands.Count + 1);
            Assert.Equal([Path.GetFileName(folder)], Directory.GetDirectories(cache).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task Fetch_FolderWithoutTheScene_IsInvalidInput()
    {
        var source = Source();
        var id = SceneId.Parse(Path.GetFileName(scenes.MuxDirectory));
        await Blobs().CreateIfNotExistsAsync();

        var error = await Assert.ThrowsAsync<InvalidSceneException>(() => source.FetchAsync(source.Name[5..] + id.ArchiveDirectory, Path.GetTempPath()));

        Assert.Contains("holds none of the scene's band files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoveryRound_BlobScenes_AreIngestedFromTheContainerAndPublishedOnce()
    {
        var mux = await UploadAsync(scenes.MuxDirectory, archiveLayout: true);
        await NextSecondAsync();
        var wfi = await UploadAsync(scenes.WfiDirectory, archiveLayout: true, singleXml: true);
        using var harness = await PipelineHarness.CreateAsync(null, Source());

        var queued = await harness.Discovery.RunAsync();
        await harness.Scheduler.RunAsync(harness.Pipeline, CancellationToken.None);
        var second = await harness.Discovery.RunAsync();

        Assert.Equal([mux, wfi], queued);
        Assert.Empty(second);
        foreach (var (id, collection) in new[] { (mux, "CBERS4-MUX"), (wfi, "CBERS4A-WFI") })
        {
            var record = await harness.State.GetAsync(id);
            Assert.True(record!.State == SceneState.Published, $"{id}: {record.State} {record.Reason}");
            Assert.StartsWith("http", record.Source, StringComparison.Ordinal);
            Assert.NotNull(await harness.Target.Catalog.GetItemAsync(collection, id));
            Assert.False(Directory.Exists(harness.Workspace.SourceOf(id)));
        }

        Assert.True(await harness.Target.Objects.ExistsAsync(SceneDiscovery.WatermarkKey(harness.Sources.All[1].Name)));
    }

    public Task InitializeAsync() => Blobs().CreateIfNotExistsAsync();

    public async Task DisposeAsync() => await Blobs().DeleteIfExistsAsync();

    private BlobContainerClient Blobs() => new BlobServiceClient(TestServers.AzureBlob).GetBlobContainerClient(_container);

    private AzureBlobSceneSource Source() => new(new AzureBlobStoreOptions
    {
        ConnectionString = TestServers.AzureBlob,
        Container = _container,
        Prefix = Prefix,
        MaxRetries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(1),
        NetworkTimeout = TimeSpan.FromSeconds(30),
    }) { SettleTime = TimeSpan.Zero };

    /// <summary>Uploads a generated scene folder (in the archive layout or straight under the prefix); returns its id.</summary>
    private async Task<string> UploadAsync(string sceneDirectory, bool archiveLayout, bool singleXml = false, string? skip = null)
    {
        var id = SceneId.Parse(Path.GetFileName(sceneDirectory));
        var folder = Prefix + (archiveLayout ? id.ArchiveDirectory : id.ToString()) + "/";
        var files = ArchiveLayout.Locate(sceneDirectory);
        var paths = files.Bands.Select(b => b.TiffPath).Concat(singleXml ? [files.Bands[0].XmlPath] : files.MetadataXml);
        foreach (var path in paths.Where(p => skip is null || !p.EndsWith(skip, StringComparison.Ordinal)))
        {
            await Blobs().GetBlobClient(folder + Path.GetFileName(path)).UploadAsync(path, overwrite: true);
        }

        return id.ToString();
    }

    /// <summary>Azurite's Last-Modified has whole seconds: later uploads get a later time after this.</summary>
    private static Task NextSecondAsync() => Task.Delay(TimeSpan.FromSeconds(1.1));

    private static async Task<List<DiscoveredScene>> ToListAsync(IAsyncEnumerable<DiscoveredScene> scenes)
    {
        var list = new List<DiscoveredScene>();
        await foreach (var scene in scenes)
        {
            list.Add(scene);
        }

        return list;
    }
}
