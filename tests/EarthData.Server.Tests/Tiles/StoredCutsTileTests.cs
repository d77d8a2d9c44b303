using System.Net;
using System.Text.Json;
using EarthData.Core.Stac;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Rendering;

namespace EarthData.Server.Tests.Tiles;

/// <summary>
/// Every tile of a scene is drawn with the stretch cuts stored on its item at publishing: pre-rendered and dynamic
/// tiles alike; items published before statistics were stored still render with estimated cuts.
/// </summary>
[Collection(GdalTests.Name)]
public sealed class StoredCutsTileTests(ProductServer server) : IClassFixture<ProductServer>
{
    private PublishedProduct Product => server.Product;


    [Fact]
    public async Task PreRenderedAndDynamicTile_AtTheSameAddress_AreBothDrawnWithTheItemsStoredCuts()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var item = (await server.Catalog.GetItemAsync(PublishedProduct.Collection, Product.ItemId))!;
        var cuts = RasterBandFields.Read(item.Assets["visual"]).Select(s => s?.Stretch).ToList();
        Assert.NotEmpty(cuts);

        var stored = TileImage.Decode(await server.Client.GetByteArrayAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y)));
        var dynamic = await DynamicAsync(Product.ItemId, tile, "resampling=nearest");

        var expected = Expected(tile, cuts.Select(c => c is null ? null : new LinearStretch(c.Low, c.High)).ToList());
        AssertWithinOne(expected, stored, "pre-rendered");
        AssertWithinOne(expected, dynamic, "dynamic");
    }

    [Fact]
    public async Task DynamicTile_OfAnItemWithOtherStoredCuts_IsDrawnWithThem_ForLayersAndBandLists()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var narrowed = await CopyItemAsync(Product.ItemId + "-narrowed", band =>
        {
            var s = band["statistics"];
            var (mean, stddev) = (s.GetProperty("mean").GetDouble(), s.GetProperty("stddev").GetDouble());
            band[RasterBandFields.StretchField] = StacJson.Element(new Dictionary<string, double>
            {
                ["low_percent"] = 2, ["high_percent"] = 98, ["low"] = mean - (stddev / 4), ["high"] = mean + (stddev / 4),
            });
        });
        var stretches = RasterBandFields.Read(narrowed.Assets["visual"]).Select(s => (LinearStretch?)new LinearStretch(s!.Stretch!.Low, s.Stretch.High)).ToList();

        var layer = await DynamicAsync(narrowed.Id, tile, "resampling=nearest");
        var bandList = await DynamicAsync(narrowed.Id, tile, "bands=3,2,1&resampling=nearest");

        var expected = Expected(tile, stretches);
        AssertWithinOne(expected, layer, "true-color");
        AssertWithinOne(expected, bandList, "bands=3,2,1");
        var original = await DynamicAsync(Product.ItemId, tile, "resampling=nearest");
        Assert.True(Differing(original, layer) > 2048, "cuts that differ from the estimate should visibly change the tile");
    }

    [Fact]
    public async Task DynamicTile_OfAnItemPublishedWithoutStatistics_RendersWithEstimatedCuts()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var bare = await CopyItemAsync(Product.ItemId + "-bare", band =>
        {
            band.Remove(RasterBandFields.StatisticsField);
            band.Remove(RasterBandFields.HistogramField);
            band.Remove(RasterBandFields.StretchField);
        });
        Assert.All(RasterBandFields.Read(bare.Assets["visual"]), Assert.Null);

        var rendered = await DynamicAsync(bare.Id, tile, "resampling=nearest");

        using var dataset = GdalDataset.Open(Product.CogPath);
        var estimated = LayerRenderer.Create(dataset, LayerDefinition.TrueColor, PublishedProduct.Collection);
        var stretches = new LinearStretch?[dataset.BandCount];
        for (var i = 0; i < estimated.Bands.Count; i++)
        {
            stretches[estimated.Bands[i] - 1] = estimated.Stretches[i];
        }

        AssertWithinOne(Expected(tile, stretches), rendered, "estimated");
    }

    private async Task<byte[]> DynamicAsync(string itemId, TileAddress tile, string query)
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{itemId}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return TileImage.Decode(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Publishes a copy of the product's item under <paramref name="id"/> (its COG copied to the key the id implies),
    /// each band object of the COG asset changed by <paramref name="edit"/>.
    /// </summary>
    private async Task<StacItem> CopyItemAsync(string id, Action<Dictionary<string, JsonElement>> edit)
    {
        var item = (await server.Catalog.GetItemAsync(PublishedProduct.Collection, Product.ItemId))!;
        var cog = item.Assets["visual"];
        var bands = new List<Dictionary<string, JsonElement>>();
        foreach (var band in cog.Fields!["bands"].EnumerateArray())
        {
            var fields = band.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            edit(fields);
            bands.Add(fields);
        }

        var key = $"cogs/{PublishedProduct.Collection}/{id}/visual.tif";
        await using (var content = File.OpenRead(Product.CogPath))
        {
            await server.Objects.PutAsync(key, content, new Core.Storage.ObjectPutOptions { ContentType = StacAsset.CogMediaType });
        }

        var copy = item with
        {
            Id = id,
            Assets = new Dictionary<string, StacAsset>(item.Assets)
            {
                ["visual"] = cog with { Href = key, Fields = new Dictionary<string, JsonElement>(cog.Fields) { ["bands"] = StacJson.Element(bands) } },
            },
        };
        await server.Catalog.UpsertItemAsync(copy);
        return copy;
    }

    /// <summary>The true-colour tile drawn from the COG block with the given stretch per band (index = band − 1).</summary>
    private byte[] Expected(TileAddress tile, IReadOnlyList<LinearStretch?> stretches)
    {
        using var dataset = GdalDataset.Open(Product.CogPath);
        var bands = LayerRenderer.Create(dataset, LayerDefinition.TrueColor, PublishedProduct.Collection).Bands;
        var window = CogTileGrid.From(dataset).Window(tile, ResampleAlgorithm.NearestNeighbour)!.Value;
        Assert.True(window.IsExact && window.TileWidth == 256);
        var rgba = new byte[256 * 256 * 4];
        for (var c = 0; c < 3; c++)
        {
            var values = new byte[256 * 256];
            var drawn = new byte[values.Length];
            dataset.GetBand(bands[c]).Read(window.X, window.Y, 256, 256, values.AsSpan());
            stretches[bands[c] - 1]!.Apply(values, drawn);
            for (var i = 0; i < drawn.Length; i++)
            {
                rgba[(i * 4) + c] = drawn[i];
            }
        }

        return rgba;
    }

    /// <summary>Every opaque pixel of <paramref name="actual"/> within 1 DN of <paramref name="expected"/> in R, G and B.</summary>
    private static void AssertWithinOne(byte[] expected, byte[] actual, string what)
    {
        var opaque = 0;
        for (var i = 0; i < actual.Length; i += 4)
        {
            if (actual[i + 3] != 255)
            {
                continue;
            }

            opaque++;
            for (var c = 0; c < 3; c++)
            {
                Assert.True(Math.Abs(expected[i + c] - actual[i + c]) <= 1,
                    $"{what}: pixel {i / 4} channel {c}: expected {expected[i + c]}, got {actual[i + c]}");
            }
        }

        Assert.True(opaque > 4096, $"{what}: only {opaque} opaque pixels");
    }

    private static int Differing(byte[] a, byte[] b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i += 4)
        {
            count += Math.Abs(a[i] - b[i]) > 8 ? 1 : 0;
        }

        return count;
    }
}
