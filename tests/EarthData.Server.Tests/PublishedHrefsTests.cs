using System.Globalization;
using System.Text.Json.Nodes;

namespace EarthData.Server.Tests;

/// <summary>
/// Every href the STAC API hands out for a scene published the way <c>earthdata publish</c> does (no public URL) resolves
/// through this server: assets, the tile templates and the static catalogue, on each object store.
/// </summary>
public abstract class PublishedHrefsTests<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : RunningServer
{
    [Fact]
    public async Task ServedItem_AssetAndTileHrefs_ResolveThroughThisServer()
    {
        var work = Directory.CreateTempSubdirectory("earthdata-hrefs-").FullName;
        try
        {
            var (_, published) = await PublishedTestScene.PublishAsync(server, work, seed: 23);

            var item = JsonNode.Parse(await server.Client.GetStringAsync($"/stac/collections/CBERS4-MUX/items/{published.Item.Id}"))!;

            var assets = item["assets"]!.AsObject();
            Assert.Equal(["evi", "metadata", "ndvi", "ndwi", "savi", "thumbnail", "visual"], assets.Select(a => a.Key).Order(StringComparer.Ordinal));
            foreach (var (name, asset) in assets)
            {
                var href = (string)asset!["href"]!;
                Assert.StartsWith(server.BaseAddress.AbsoluteUri + "objects/", href, StringComparison.Ordinal);
                using var response = await server.Client.GetAsync(new Uri(href));
                Assert.True(response.IsSuccessStatusCode, $"{name}: {href} answered {(int)response.StatusCode}");
                Assert.Equal((long)asset["file:size"]!, (await response.Content.ReadAsByteArrayAsync()).LongLength);
            }

            var limits = item["properties"]!["tiles:tile_matrix_links"]!["WebMercatorQuad"]!["limits"]!.AsObject();
            var (zoom, limit) = limits.First();
            var tile = ((string)item["asset_templates"]!["true-color"]!["href"]!)
                .Replace("{TileMatrix}", zoom, StringComparison.Ordinal)
                .Replace("{TileCol}", ((int)limit!["min_tile_col"]!).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{TileRow}", ((int)limit["min_tile_row"]!).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            using var tileResponse = await server.Client.GetAsync(new Uri(tile));
            Assert.True(tileResponse.IsSuccessStatusCode, $"{tile} answered {(int)tileResponse.StatusCode}");
            Assert.Equal("image/png", tileResponse.Content.Headers.ContentType?.MediaType);

            // The static catalogue, served from the same store, is relative: its item's asset resolves against the item.
            var staticItem = new Uri(server.BaseAddress, "objects/" + published.ItemKey);
            var staticJson = JsonNode.Parse(await server.Client.GetStringAsync(staticItem))!;
            var cog = new Uri(staticItem, (string)staticJson["assets"]!["visual"]!["href"]!);
            Assert.Equal(new Uri((string)assets["visual"]!["href"]!), cog);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

public sealed class FileSystemPublishedHrefsTests(RunningServer server) : PublishedHrefsTests<RunningServer>(server);

public sealed class AzurePublishedHrefsTests(AzureRunningServer server) : PublishedHrefsTests<AzureRunningServer>(server);
