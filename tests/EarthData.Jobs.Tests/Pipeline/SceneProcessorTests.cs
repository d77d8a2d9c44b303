using System.Security.Cryptography;
using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Jobs.Pipeline;
using EarthData.Samples;

namespace EarthData.Jobs.Tests.Pipeline;

[Collection(PublishTestGroup.Name)]
public sealed class SceneProcessorTests(PublishScenesFixture scenes)
{
    [Fact]
    public void Process_WritesCogTilesThumbnailAndManifest_WithSizesAndChecksumsOfTheFiles()
    {
        var scene = scenes.Mux;
        var manifest = scene.Manifest;

        Assert.Equal("CBERS4-MUX", manifest.Collection);
        Assert.Equal(Path.Combine(scenes.Processor.StagingDirectory, manifest.SceneId), scene.WorkDirectory);
        Assert.True(File.Exists(Path.Combine(scene.WorkDirectory, SceneManifest.FileName)));
        foreach (var file in new[] { manifest.Cog, manifest.Thumbnail }.Concat(manifest.MetadataXml))
        {
            var bytes = File.ReadAllBytes(scene.PathOf(file));
            Assert.Equal(bytes.Length, file.Size);
            Assert.Equal(Multihash.Sha256(SHA256.HashData(bytes)), file.Checksum);
        }

        Assert.Equal(4, manifest.MetadataXml.Count);
        Assert.Equal(["true-color", "false-color"], manifest.Layers.Select(l => l.Name));
        foreach (var layer in manifest.Layers)
        {
            var onDisk = Directory.GetFiles(Path.Combine(scene.WorkDirectory, layer.Directory), "*.png", SearchOption.AllDirectories);
            Assert.Equal(onDisk.Length, layer.TileCount);
            Assert.Equal(onDisk.Sum(f => new FileInfo(f).Length), layer.Bytes);
            Assert.Equal(manifest.NativeZoom, layer.Zooms[^1].Zoom);
            foreach (var zoom in layer.Zooms)
            {
                var columns = Directory.GetDirectories(Path.Combine(scene.WorkDirectory, layer.Directory, zoom.Zoom.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .Select(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(zoom.MinCol, columns.Min());
                Assert.Equal(zoom.MaxCol, columns.Max());
            }
        }
    }

    [Fact]
    public void Process_Thumbnail_IsAnRgbaPngOfAbout256Pixels()
    {
        using var png = GdalDataset.Open(scenes.Wfi.PathOf(scenes.Wfi.Manifest.Thumbnail));

        Assert.Equal("PNG", png.DriverName);
        Assert.Equal(256, Math.Max(png.Width, png.Height));
        Assert.Equal(4, png.BandCount);
        Assert.False(File.Exists(scenes.Wfi.PathOf(scenes.Wfi.Manifest.Thumbnail) + ".aux.xml"));
    }

    [Fact]
    public void Process_Twice_ReusesCompleteOutputs()
    {
        var again = scenes.Processor.Process(scenes.MuxDirectory, PublishScenesFixture.Options);

        Assert.True(again.Reused);
        Assert.Equal(scenes.Mux.Manifest.Cog, again.Manifest.Cog);
        Assert.Equal(File.GetLastWriteTimeUtc(scenes.Mux.PathOf(scenes.Mux.Manifest.Cog)), File.GetLastWriteTimeUtc(again.PathOf(again.Manifest.Cog)));
    }

    [Fact]
    public void Process_WhenATileIsMissing_RebuildsTheWorkDirectory()
    {
        var staging = Path.Combine(scenes.Root, "staging-incomplete");
        var processor = new SceneProcessor(staging);
        var options = PublishScenesFixture.Options with { Layers = [Imaging.Layers.LayerDefinition.TrueColor], MaxZoom = scenes.Mux.Manifest.NativeZoom - 1 };
        var first = processor.Process(scenes.MuxDirectory, options);
        var tile = Directory.GetFiles(Path.Combine(first.WorkDirectory, "tiles"), "*.png", SearchOption.AllDirectories)[0];
        File.Delete(tile);

        var second = processor.Process(scenes.MuxDirectory, options);

        Assert.False(second.Reused);
        Assert.True(File.Exists(tile));
        Assert.Equal(first.Manifest.Layers[0].TileCount, second.Manifest.Layers[0].TileCount);
    }

    [Fact]
    public void Process_WhenABandWasRedelivered_RebuildsTheOutputs()
    {
        var staging = Path.Combine(scenes.Root, "staging-redelivered");
        var processor = new SceneProcessor(staging);
        var options = PublishScenesFixture.Options with { Layers = [Imaging.Layers.LayerDefinition.TrueColor], MaxZoom = scenes.Mux.Manifest.NativeZoom - 1 };
        _ = processor.Process(scenes.MuxDirectory, options);
        var band = Directory.GetFiles(scenes.MuxDirectory, "*_BAND5.tif").Single();
        var written = File.GetLastWriteTimeUtc(band);
        File.SetLastWriteTimeUtc(band, written.AddMinutes(1));
        try
        {
            Assert.False(processor.Process(scenes.MuxDirectory, options).Reused);
            Assert.True(processor.Process(scenes.MuxDirectory, options).Reused);
        }
        finally
        {
            File.SetLastWriteTimeUtc(band, written);
        }
    }

    [Fact]
    public void Process_NotASceneFolder_ThrowsInvalidScene()
    {
        var folder = Directory.CreateDirectory(Path.Combine(scenes.Root, "not-a-scene")).FullName;

        var ex = Assert.Throws<Core.InvalidSceneException>(() => scenes.Processor.Process(folder));

        Assert.Contains("not a scene id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_SceneFolderWithOneInpeXml_PublishesEveryBandCalibratedFromIt()
    {
        var directory = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(scenes.Root, "one-xml"), Collection = "CBERS4-MUX", Scale = 0.03, Seed = 31, Path = 155, Row = 119,
        }).Scenes[0].Directory;
        var xmls = Directory.GetFiles(directory, "*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var xml in xmls.Skip(1))
        {
            File.Delete(xml);
        }

        var processed = scenes.Processor.Process(directory, PublishScenesFixture.Options);

        Assert.Equal([Path.GetFileName(xmls[0])], processed.Manifest.MetadataXml.Select(f => Path.GetFileName(f.Path)));
        Assert.Equal([5, 6, 7, 8], processed.Metadata.CalibrationCoefficients.Keys.Order());
        Assert.Equal(["blue", "green", "red", "nir"], processed.Manifest.CogBands);
    }
}
