using EarthData.Testing;

namespace EarthData.Server.Tests;

/// <summary>
/// GDAL's STACTA driver, a real client, opens a tile pyramid published by the pipeline and served by this server:
/// the item comes from the STAC API, the tiles through <c>/objects</c>.
/// </summary>
public sealed class StactaOverHttpTests(RunningServer server) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task Stacta_OpensAPublishedPyramid_ThroughTheStacApiAndObjectEndpoint()
    {
        var work = Directory.CreateTempSubdirectory("earthdata-stacta-").FullName;
        try
        {
            var (processed, published) = await PublishedTestScene.PublishAsync(server, work, seed: 17);

            var itemUrl = new Uri(server.BaseAddress, $"stac/collections/CBERS4-MUX/items/{published.Item.Id}");
            var info = await ExternalTool.RunAsync("gdalinfo", [$"STACTA:\"/vsicurl/{itemUrl}\":true-color"]);

            Assert.True(info.ExitCode == 0, info.Output);
            Assert.Contains("Driver: STACTA", info.Output, StringComparison.Ordinal);
            var native = processed.Manifest.Layers[0].Zooms[^1];
            Assert.Contains($"Size is {(native.MaxCol - native.MinCol + 1) * 256}, ", info.Output, StringComparison.Ordinal);

            // Read real pixels: a checksum forces GDAL to fetch tiles over HTTP.
            var checksum = await ExternalTool.RunAsync("gdalinfo", ["-checksum", $"STACTA:\"/vsicurl/{itemUrl}\":true-color"]);
            Assert.True(checksum.ExitCode == 0, checksum.Output);
            Assert.Contains("Checksum=", checksum.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
