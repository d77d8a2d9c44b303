using EarthData.Testing;

namespace EarthData.Jobs.Tests.Pipeline;

/// <summary>GDAL, an independent client, reads what was published: the tile pyramid through its STACTA driver.</summary>
[Collection(PublishTestGroup.Name)]
public sealed class GdalClientTests(PublishScenesFixture scenes)
{
    [Fact]
    public async Task Stacta_OpensThePublishedPyramidOfEachLayer_AtTheNativeZoom()
    {
        using var target = await LocalTarget.CreateAsync();
        var scene = scenes.Mux;
        var result = await target.Publisher().PublishAsync(scene);
        // GDAL 3.6 identifies STACTA only by the short extension name "tiled-assets", not the schema URL STAC 1.1
        // requires, so the item is opened with the STACTA: prefix. Its templates are file:// URLs, which STACTA reads.
        var item = target.Objects.LocalPath(result.ItemKey!)!;

        var root = await ExternalTool.RunAsync("gdalinfo", [$"STACTA:\"{item}\""]);
        Assert.True(root.ExitCode == 0, root.Output);
        Assert.Contains($"SUBDATASET_2_NAME=STACTA:\"{item}\":false-color", root.Output, StringComparison.Ordinal);

        var native = scene.Manifest.Layers[0].Zooms[^1];
        var expectedWidth = (native.MaxCol - native.MinCol + 1) * 256;
        foreach (var layer in scene.Manifest.Layers)
        {
            var info = await ExternalTool.RunAsync("gdalinfo", [$"STACTA:\"{item}\":{layer.Name}"]);
            Assert.True(info.ExitCode == 0, info.Output);
            Assert.Contains("Driver: STACTA", info.Output, StringComparison.Ordinal);
            Assert.Contains($"Size is {expectedWidth}, ", info.Output, StringComparison.Ordinal);
            Assert.Contains("Band 4 ", info.Output, StringComparison.Ordinal);
            // One overview per zoom below native, as many as the pyramid holds.
            var overviews = info.Output.Split('\n').First(l => l.Contains("Overviews:", StringComparison.Ordinal));
            Assert.Equal(layer.Zooms.Count - 1, overviews.Split(',').Length);
        }
    }
}
