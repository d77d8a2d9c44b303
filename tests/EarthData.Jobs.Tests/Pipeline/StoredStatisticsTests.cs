using System.Globalization;
using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Rendering;
using EarthData.Jobs.Pipeline;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Pipeline;

/// <summary>Per-band statistics computed once at processing: on the published item, and what the pyramid is drawn with.</summary>
[Collection(PublishTestGroup.Name)]
public sealed class StoredStatisticsTests(PublishScenesFixture scenes) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-stats-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("mux")]
    [InlineData("wfi")]
    public async Task Publish_ItemCarriesTheCogsBandStatistics_MatchingGdalinfoStats(string camera)
    {
        var scene = camera == "mux" ? scenes.Mux : scenes.Wfi;
        using var target = await LocalTarget.CreateAsync();

        await target.Publisher().PublishAsync(scene);

        var item = (await target.Catalog.GetItemAsync(scene.Manifest.Collection, scene.Manifest.SceneId))!;
        Assert.Contains(StacExtensionSchemas.Raster, item.StacExtensions);
        var cog = item.Assets["visual"];
        var stored = RasterBandFields.Read(cog);
        // gdalinfo on a copy: -stats writes a .aux.xml beside the file.
        var copy = Path.Combine(_root, camera + ".tif");
        File.Copy(target.PathOf(cog.Href), copy);
        var gdalinfo = await ExternalTool.RunAsync("gdalinfo", ["-json", "-stats", "-hist", copy]);
        Assert.True(gdalinfo.ExitCode == 0, gdalinfo.Output);
        using var info = JsonDocument.Parse(gdalinfo.Stdout);
        var bands = info.RootElement.GetProperty("bands").EnumerateArray().ToList();
        Assert.Equal(bands.Count, stored.Count);
        var bandEntries = cog.Fields!["bands"].EnumerateArray().ToList();
        for (var i = 0; i < bands.Count; i++)
        {
            var gdal = bands[i];
            var ours = stored[i] ?? throw new Xunit.Sdk.XunitException($"band {i + 1} of the item has no statistics");
            Assert.Equal(gdal.GetProperty("minimum").GetDouble(), ours.Minimum);
            Assert.Equal(gdal.GetProperty("maximum").GetDouble(), ours.Maximum);
            // The metadata items carry GDAL's full precision (the "mean" member is rounded to 3 decimals).
            Assert.Equal(Metadata(gdal, "STATISTICS_MEAN"), ours.Mean, 1e-9 * Math.Abs(ours.Mean));
            Assert.Equal(Metadata(gdal, "STATISTICS_STDDEV"), ours.StdDev, 1e-9 * ours.StdDev);
            Assert.Equal(Metadata(gdal, "STATISTICS_VALID_PERCENT"), ours.ValidPercent, 0.005); // GDAL writes 2 decimals
            Assert.InRange(ours.ValidPercent, 1, 99.99); // the COG spans whole tiles: its corners are nodata
            Assert.Equal(SceneStatistics.HistogramBuckets, ours.Histogram!.Count);
            Assert.Equal(SumOfHistogram(gdal), ours.Histogram.Buckets.Sum());
            Assert.Equal(bandEntries[i].GetProperty("nodata").GetDouble(), gdal.GetProperty("noDataValue").GetDouble());
            var cut = ours.Stretch!;
            Assert.InRange(cut.Low, ours.Minimum, cut.High);
            Assert.InRange(cut.High, cut.Low, ours.Maximum);
        }
    }

    [Fact]
    public async Task Publish_ItemsWithStatistics_PassTheOfficialSchemas()
    {
        using var target = await LocalTarget.CreateAsync();

        var result = await target.Publisher().PublishAsync(scenes.Wfi);

        var path = target.PathOf(result.ItemKey!);
        Assert.Contains("\"raster:histogram\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        var validation = await StacValidator.ValidateAsync([path]);
        Assert.True(StacValidator.AllPassed(validation, 1), validation.Output);
    }

    [Fact]
    public async Task Stages_OnMachinesWithoutEachOthersCache_HandTheStatisticsOverThroughTheStore()
    {
        using var harness = await Scheduling.PipelineHarness.CreateAsync();
        var id = Path.GetFileName(harness.DropScene(scenes.MuxDirectory));
        await harness.Intake.QueueAsync(id);
        foreach (var stage in new[] { SceneStage.Ingest, SceneStage.Process, SceneStage.Tile, SceneStage.Publish })
        {
            await harness.Pipeline.RunStageAsync(id, stage, CancellationToken.None);
            if (Directory.Exists(harness.Workspace.Root))
            {
                Directory.Delete(harness.Workspace.Root, recursive: true);
            }
        }

        var item = (await harness.Target.Catalog.GetItemAsync("CBERS4-MUX", id))!;
        using var cog = GdalDataset.Open(harness.Target.PathOf(item.Assets["visual"].Href));
        Assert.Equal(SceneStatistics.Compute(cog), RasterBandFields.Read(item.Assets["visual"]), new StatisticsComparer());
    }

    [Fact]
    public void RenderLayers_DrawsThePyramidWithTheManifestsCuts_NotAnEstimate()
    {
        var scene = scenes.Mux;
        var work = Path.Combine(_root, "work");
        Directory.CreateDirectory(work);
        File.Copy(scene.PathOf(scene.Manifest.Cog), Path.Combine(work, scene.Manifest.Cog.Path));
        var native = scene.Manifest.NativeZoom;
        // Narrow cuts around each band's mean: far from the 2–98 % cuts, so an estimate would look very different.
        var narrowed = scene.Manifest.CogStatistics!.Select(s => s! with { Stretch = new StretchCut(2, 98, s.Mean - (s.StdDev / 4), s.Mean + (s.StdDev / 4)) }).ToList();
        var options = PublishScenesFixture.Options with { Layers = [LayerDefinition.TrueColor], MinZoom = native, MaxZoom = native };

        var layers = SceneProcessor.RenderLayers(scene.Manifest with { CogStatistics = narrowed }, work, options);

        using var dataset = GdalDataset.Open(Path.Combine(work, scene.Manifest.Cog.Path));
        var bands = LayerRenderer.Create(dataset, LayerDefinition.TrueColor, scene.Manifest.Collection).Bands;
        var grid = CogTileGrid.From(dataset);
        var tiles = Directory.GetFiles(Path.Combine(work, layers[0].Directory, native.ToString(CultureInfo.InvariantCulture)), "*.png", SearchOption.AllDirectories);
        var compared = 0;
        var differentFromTheEstimate = 0;
        foreach (var file in tiles)
        {
            var y = int.Parse(Path.GetFileNameWithoutExtension(file), CultureInfo.InvariantCulture);
            var x = int.Parse(Path.GetFileName(Path.GetDirectoryName(file))!, CultureInfo.InvariantCulture);
            var window = grid.Window(new Core.Tiling.TileAddress(native, x, y), ResampleAlgorithm.NearestNeighbour)!.Value;
            var rgba = ReadPng(file);
            var estimatedTile = ReadPng(Path.Combine(scene.WorkDirectory, scene.Manifest.Layers[0].Directory, native.ToString(CultureInfo.InvariantCulture),
                x.ToString(CultureInfo.InvariantCulture), Path.GetFileName(file)));
            for (var c = 0; c < 3; c++)
            {
                var cut = narrowed[bands[c] - 1]!.Stretch!;
                var values = new byte[256 * 256];
                var expected = new byte[values.Length];
                dataset.GetBand(bands[c]).Read(window.X, window.Y, 256, 256, values.AsSpan());
                new LinearStretch(cut.Low, cut.High).Apply(values, expected);
                for (var i = 0; i < values.Length; i++)
                {
                    if (rgba[(i * 4) + 3] == 255)
                    {
                        Assert.InRange(rgba[(i * 4) + c], expected[i] - 1, expected[i] + 1);
                        compared++;
                        differentFromTheEstimate += Math.Abs(rgba[(i * 4) + c] - estimatedTile[(i * 4) + c]) > 8 ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(compared > 10_000, $"only {compared} opaque samples in {tiles.Length} tiles");
        Assert.True(differentFromTheEstimate > compared / 4, $"{differentFromTheEstimate} of {compared} samples differ from the tiles drawn with the scene's own cuts");
    }

    /// <summary>Equal values and histogram buckets (records compare lists by reference).</summary>
    private sealed class StatisticsComparer : IEqualityComparer<RasterBandStatistics?>
    {
        public bool Equals(RasterBandStatistics? x, RasterBandStatistics? y) =>
            x is null || y is null
                ? x is null && y is null
                : x with { Histogram = null } == y with { Histogram = null } && x.Histogram!.Buckets.SequenceEqual(y.Histogram!.Buckets)
                    && (x.Histogram.Min, x.Histogram.Max) == (y.Histogram.Min, y.Histogram.Max);

        public int GetHashCode(RasterBandStatistics? obj) => obj?.Mean.GetHashCode() ?? 0;
    }

    private static double Metadata(JsonElement band, string name) =>
        double.Parse(band.GetProperty("metadata").GetProperty("").GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static long SumOfHistogram(JsonElement band) =>
        band.GetProperty("histogram").GetProperty("buckets").EnumerateArray().Sum(b => b.GetInt64());

    /// <summary>A tile PNG as 256×256 RGBA.</summary>
    private static byte[] ReadPng(string path)
    {
        using var png = GdalDataset.Open(path);
        var rgba = new byte[256 * 256 * 4];
        for (var b = 1; b <= 4; b++)
        {
            png.GetBand(b).Read(0, 0, 256, 256, rgba.AsSpan(b - 1), 256, 256, 4, 256 * 4);
        }

        return rgba;
    }
}
