using System.Globalization;
using System.Text.Json;
using EarthData.Core.Stac;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Pipeline;

/// <summary>
/// The static catalogue is self-contained: the published objects folder, moved elsewhere and served by a plain static
/// file server, is still a catalogue every client can walk — the STAC validator, GDAL's STACTA and /vsicurl/.
/// </summary>
[Collection(PublishTestGroup.Name)]
public sealed class RelocatedCatalogueTests(PublishScenesFixture scenes)
{
    [Fact]
    public async Task StaticCatalogue_MovedAndServedByAPlainStaticServer_ResolvesValidatesAndOpensInGdal()
    {
        using var target = await LocalTarget.CreateAsync();
        var publisher = target.Publisher();
        await publisher.PublishAsync(scenes.Mux);
        await publisher.PublishAsync(scenes.Wfi);
        var moved = Path.Combine(target.Root, "elsewhere", "site");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(target.Objects.RootDirectory, moved);

        using var site = await StaticFileServer.StartAsync(moved);
        using var http = new HttpClient();
        var documents = await WalkAsync(http, new Uri(site.BaseAddress, "stac/catalog.json"));

        Assert.Equal(5, documents.Count); // catalog, 2 collections, 2 items
        var validation = await StacValidator.ValidateAsync([.. documents.Keys.Select(u => u.AbsoluteUri)]);
        Assert.True(StacValidator.AllPassed(validation, documents.Count), validation.Output);

        var item = documents.Single(d => d.Value.GetProperty("id").GetString() == scenes.Mux.Manifest.SceneId);
        var stacta = await ExternalTool.RunAsync("gdalinfo", ["-checksum", $"STACTA:\"/vsicurl/{item.Key.AbsoluteUri}\":true-color"], StaticFileServer.ClientEnvironment);
        Assert.True(stacta.ExitCode == 0, stacta.Output);
        Assert.Contains("Driver: STACTA", stacta.Output, StringComparison.Ordinal);
        Assert.Contains("Checksum=", stacta.Output, StringComparison.Ordinal);

        var cog = new Uri(item.Key, item.Value.GetProperty("assets").GetProperty("visual").GetProperty("href").GetString());
        var info = await ExternalTool.RunAsync("gdalinfo", [$"/vsicurl/{cog.AbsoluteUri}"], StaticFileServer.ClientEnvironment);
        Assert.True(info.ExitCode == 0, info.Output);
        Assert.Contains("LAYOUT=COG", info.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Fetches every document reachable by child/item links from <paramref name="root"/>, asserting that every catalogue
    /// link and asset href is relative and answers 200 (tile templates: the first tile of the lowest zoom).
    /// </summary>
    private static async Task<Dictionary<Uri, JsonElement>> WalkAsync(HttpClient http, Uri root)
    {
        var documents = new Dictionary<Uri, JsonElement>();
        var pending = new Queue<Uri>([root]);
        while (pending.TryDequeue(out var url))
        {
            if (documents.ContainsKey(url))
            {
                continue;
            }

            using var document = JsonDocument.Parse(await http.GetStringAsync(url));
            var json = document.RootElement.Clone();
            documents[url] = json;
            async Task<Uri> Resolve(string href)
            {
                Assert.True(AssetHrefs.IsRelative(href), $"{url}: '{href}' is not relative");
                var target = new Uri(url, href);
                using var response = await http.GetAsync(target, HttpCompletionOption.ResponseHeadersRead);
                Assert.True(response.IsSuccessStatusCode, $"{url}: '{href}' answered {(int)response.StatusCode}");
                return target;
            }

            foreach (var link in json.GetProperty("links").EnumerateArray())
            {
                var rel = link.GetProperty("rel").GetString();
                if (rel is not ("root" or "parent" or "collection" or "child" or "item"))
                {
                    continue; // e.g. the licence's web page
                }

                var target = await Resolve(link.GetProperty("href").GetString()!);
                if (rel is "child" or "item")
                {
                    pending.Enqueue(target);
                }
            }

            if (json.TryGetProperty("assets", out var assets))
            {
                foreach (var asset in assets.EnumerateObject())
                {
                    await Resolve(asset.Value.GetProperty("href").GetString()!);
                }
            }

            if (json.TryGetProperty("asset_templates", out var templates))
            {
                var limits = json.GetProperty("properties").GetProperty("tiles:tile_matrix_links").GetProperty("WebMercatorQuad").GetProperty("limits");
                var first = limits.EnumerateObject().First();
                foreach (var template in templates.EnumerateObject())
                {
                    var href = template.Value.GetProperty("href").GetString()!
                        .Replace("{TileMatrix}", first.Name, StringComparison.Ordinal)
                        .Replace("{TileCol}", first.Value.GetProperty("min_tile_col").GetInt32().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{TileRow}", first.Value.GetProperty("min_tile_row").GetInt32().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                    await Resolve(href);
                }
            }
        }

        return documents;
    }
}
