using System.Globalization;
using System.Text.Json;
using EarthData.Testing;

namespace EarthData.Server.Tests;

/// <summary>
/// Real clients against the running server: GDAL's <c>/vsicurl/</c> reading a published COG with range requests, GDAL's
/// STACIT driver mosaicking the items of a <c>/stac/search</c>, and stac-node-validator on documents the API serves.
/// </summary>
[Collection(GdalTests.Name)]
public sealed class GdalClientTests(PublishedScenesServer server) : IClassFixture<PublishedScenesServer>
{
    [Fact]
    public async Task Gdalinfo_ReadsAPublishedCog_OverVsicurlWithRangeRequests()
    {
        var (_, key, _, width, height, _) = server.Scenes[0];
        var url = new Uri(server.BaseAddress, "/objects/" + key).ToString();

        var result = await ExternalTool.RunAsync("gdalinfo", ["-checksum", "/vsicurl/" + url], Gdal());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"Size is {width}, {height}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Checksum=", result.Stdout, StringComparison.Ordinal);
        var ranged = server.Requests.Where(r => r.Target == "/objects/" + key && r.Status == 206 && r.Range is not null && r.Range.StartsWith("bytes=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ranged);
        Assert.DoesNotContain(server.Requests, r => r.Target == "/objects/" + key && r.Status == 200 && r.Method == "GET");
    }

    [Fact]
    public async Task Stacit_OpensTheVisualAssetMosaicOfASearch_AsPublished_AndReadsEveryCog()
    {
        var search = new Uri(server.BaseAddress, "/stac/search?collections=CBERS4-MUX&bbox=-60,-30,-30,0&limit=100").ToString();
        // The expected mosaic: the union of the COG files' own extents (as GDAL reads them locally) at their resolution.
        var grids = new List<(double West, double North, double Resolution, int Width, int Height)>();
        foreach (var scene in server.Scenes)
        {
            using var info = JsonDocument.Parse((await ExternalTool.RunAsync("gdalinfo", ["-json", scene.CogPath])).Stdout);
            var transform = info.RootElement.GetProperty("geoTransform");
            var size = info.RootElement.GetProperty("size");
            grids.Add((transform[0].GetDouble(), transform[3].GetDouble(), transform[1].GetDouble(), size[0].GetInt32(), size[1].GetInt32()));
        }

        var resolution = grids[0].Resolution;
        var west = grids.Min(g => g.West);
        var east = grids.Max(g => g.West + (g.Width * g.Resolution));
        var north = grids.Max(g => g.North);
        var south = grids.Min(g => g.North - (g.Height * g.Resolution));
        var expectedWidth = (int)Math.Round((east - west) / resolution);
        var expectedHeight = (int)Math.Round((north - south) / resolution);

        var result = await ExternalTool.RunAsync("gdalinfo", ["-checksum", $"STACIT:\"{search}\":asset=visual"], Gdal());

        Assert.True(result.ExitCode == 0, result.Output);
        // STACIT builds a VRT mosaic, so GDAL 3.6 reports the VRT driver; the sources are our COGs over /vsicurl/.
        Assert.Contains("Driver: VRT/", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/vsicurl/" + new Uri(server.BaseAddress, "/objects/" + server.Scenes[0].Key), result.Stdout, StringComparison.Ordinal);
        var expectedSize = string.Create(CultureInfo.InvariantCulture, $"Size is {expectedWidth}, {expectedHeight}");
        Assert.True(result.Stdout.Contains(expectedSize, StringComparison.Ordinal), $"expected '{expectedSize}' in:\n{result.Stdout}");
        var bands = server.Scenes[0].Bands;
        Assert.Contains($"Band {bands} ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain($"Band {bands + 1} ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("3857", result.Stdout, StringComparison.Ordinal);
        foreach (var (_, key, _, _, _, _) in server.Scenes)
        {
            Assert.Contains(server.Requests, r => r.Target == "/objects/" + key && r.Status == 206);
        }
    }

    [Fact]
    public async Task StacNodeValidator_PassesTheCollectionAndAnItemServedByTheApi()
    {
        var folder = Directory.CreateTempSubdirectory("earthdata-validate-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (name, path) in new[]
            {
                ("collection.json", "/stac/collections/CBERS4-MUX"),
                ("item.json", $"/stac/collections/CBERS4-MUX/items/{server.Scenes[0].ItemId}"),
            })
            {
                var file = Path.Combine(folder, name);
                await File.WriteAllTextAsync(file, await server.Client.GetStringAsync(path));
                files.Add(file);
            }

            var result = await StacValidator.ValidateAsync(files);

            Assert.True(StacValidator.AllPassed(result, files.Count), result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>No proxies, no GDAL cache shared with other runs.</summary>
    private static Dictionary<string, string> Gdal() => new()
    {
        ["CPL_VSIL_CURL_NON_CACHED"] = "/vsicurl/",
        ["GDAL_HTTP_MAX_RETRY"] = "0",
        ["no_proxy"] = "127.0.0.1",
        ["NO_PROXY"] = "127.0.0.1",
    };
}
