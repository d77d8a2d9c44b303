using System.Net;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Rendering;

namespace EarthData.Server.Tests.Tiles;

/// <summary>Tiles rendered from the published COG: parameters, layers of the registry, zooms beyond the pyramid, hostile input.</summary>
[Collection(GdalTests.Name)]
public sealed class DynamicTileTests(ProductServer server) : IClassFixture<ProductServer>
{
    private PublishedProduct Product => server.Product;


    [Fact]
    public async Task DynamicTile_OfAPreRenderedLayer_MatchesThePreRenderedTile()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var stored = TileImage.Decode(await server.Client.GetByteArrayAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y)));

        // Any rendering parameter makes the tile dynamic; nearest at the native zoom reads the block as it is.
        using var response = await server.Client.GetAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y) + "?resampling=nearest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var rendered = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());
        var worst = 0;
        for (var i = 0; i < stored.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(stored[i] - rendered[i]));
        }

        Assert.True(worst <= 1, $"largest difference {worst}");
        Assert.Contains(stored.Where((_, i) => i % 4 == 3), a => a == 255);
    }

    [Fact]
    public async Task DynamicTile_BeyondThePyramid_RendersTheLayerUpsampled()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var child = tile.Children.NorthWest;

        using var response = await server.Client.GetAsync(Product.TilePath("true-color", child.Zoom, child.X, child.Y));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DynamicTilesCacheControl, response.Headers.CacheControl?.ToString());
        var rendered = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());
        var parent = TileImage.Decode(await server.Client.GetByteArrayAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y)));
        // The child's mean colour is the mean of the parent's north-west quadrant (same cuts, same pixels, upsampled).
        Assert.InRange(MeanRed(rendered, 0, 0, 256) - MeanRed(parent, 0, 0, 128), -3, 3);
    }

    [Fact]
    public async Task DynamicTile_BelowThePyramid_RendersFromTheOverviews()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var coarse = Product.Processed.Manifest.Layers[0].Zooms[0].Zoom - 2;
        var shift = tile.Zoom - coarse;

        using var response = await server.Client.GetAsync(Product.TilePath("true-color", coarse, tile.X >> shift, tile.Y >> shift));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rgba = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());
        var visible = rgba.Where((_, i) => i % 4 == 3 && rgba[i] > 0).Count();
        Assert.InRange(visible, 1, (256 * 256) - 1); // the scene covers part of the tile
    }

    [Fact]
    public async Task Expression_WithNamedColormap_ColoursEachPixelsIndex()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        using var response = await server.Client.GetAsync(
            Product.TilePath("ndvi", tile.Zoom, tile.X, tile.Y) + "?expression=" + Uri.EscapeDataString("(b4-b3)/(b4+b3)") + "&colormap=ndvi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rendered = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());

        var (red, nir, mask) = ReadCog(tile, 3, 4);
        AssertColoured(rendered, mask, ColorMap.Get("ndvi"), i => (nir[i] - red[i]) / (nir[i] + red[i]));
    }

    [Theory]
    [InlineData("ndvi", "ndvi")]
    [InlineData("ndwi", "water")]
    [InlineData("evi", "ndvi")]
    [InlineData("savi", "ndvi")]
    public async Task RegistryLayer_OfAnIndex_DrawsTheItemsToaIndexCog_WithItsColourMap(string layer, string colormap)
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        using var response = await server.Client.GetAsync(Product.TilePath(layer, tile.Zoom, tile.X, tile.Y));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var rendered = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());

        var index = Product.Processed.Manifest.Indices!.Single(i => i.AssetKey == layer);
        var (stored, _, mask) = ReadCog(tile, 1, 1, Product.Processed.PathOf(index.File));
        var map = ColorMap.Get(colormap);
        AssertColoured(rendered, mask, map, i => stored[i] * 1e-4f);
        using var legend = System.Text.Json.JsonDocument.Parse(
            await server.Client.GetStringAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/{layer}/legend.json"));
        Assert.Equal("gradient", legend.RootElement.GetProperty("type").GetString());
        Assert.Equal(map.Stops.Count, legend.RootElement.GetProperty("stops").GetArrayLength());
    }

    [Fact]
    public async Task RegistryLayer_OnAnItemWithoutIndexAssets_FallsBackToTheDnExpression_AndEviSaysWhyNot()
    {
        var work = Directory.CreateTempSubdirectory("earthdata-older-").FullName;
        try
        {
            var (processed, published) = await PublishedProduct.ProcessAndPublishAsync(server, work, seed: 29, scale: 0.03, row: 125, [LayerDefinition.TrueColor], indexAssets: []);
            Assert.DoesNotContain("ndvi", published.Item.Assets.Keys);
            var zoom = processed.Manifest.Layers[0].Zooms[^1];
            var tile = new TileAddress(zoom.Zoom, (zoom.MinCol + zoom.MaxCol) / 2, (zoom.MinRow + zoom.MaxRow) / 2);
            var path = $"/tiles/{PublishedProduct.Collection}/{published.Item.Id}";

            var byName = await server.Client.GetByteArrayAsync($"{path}/ndvi/{tile.Zoom}/{tile.X}/{tile.Y}.png");
            var byExpression = await server.Client.GetByteArrayAsync($"{path}/ndvi/{tile.Zoom}/{tile.X}/{tile.Y}.png?expression=" + Uri.EscapeDataString("(b4-b3)/(b4+b3)"));
            Assert.Equal(TileImage.Decode(byExpression), TileImage.Decode(byName));

            using var evi = await server.Client.GetAsync($"{path}/evi/{tile.Zoom}/{tile.X}/{tile.Y}.png");
            Assert.Equal(HttpStatusCode.BadRequest, evi.StatusCode);
            Assert.Contains("lacks; re-publish it", await evi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task RegistryLayer_Ndvi_DrawsTheObjectOfTheItemsNdviAsset_NotTheMastersBands()
    {
        // Synthetic scenes calibrate every band alike, so NDVI on DN equals NDVI on TOA there: to see which raster the
        // layer reads, this item's ndvi object is replaced by its EVI COG (same grid, different values).
        var work = Directory.CreateTempSubdirectory("earthdata-swapped-").FullName;
        try
        {
            var (processed, published) = await PublishedProduct.ProcessAndPublishAsync(server, work, seed: 31, scale: 0.03, row: 127, [LayerDefinition.TrueColor]);
            var evi = processed.PathOf(processed.Manifest.Indices!.Single(i => i.AssetKey == "evi").File);
            await using (var content = File.OpenRead(evi))
            {
                await server.Objects.PutAsync(published.Item.Assets["ndvi"].Href, content, new EarthData.Core.Storage.ObjectPutOptions());
            }

            var zoom = processed.Manifest.Layers[0].Zooms[^1];
            var tile = new TileAddress(zoom.Zoom, (zoom.MinCol + zoom.MaxCol) / 2, (zoom.MinRow + zoom.MaxRow) / 2);
            var path = $"/tiles/{PublishedProduct.Collection}/{published.Item.Id}/ndvi/{tile.Zoom}/{tile.X}/{tile.Y}.png";
            var rendered = TileImage.Decode(await server.Client.GetByteArrayAsync(path));
            var onDn = TileImage.Decode(await server.Client.GetByteArrayAsync(path + "?expression=" + Uri.EscapeDataString("(b4-b3)/(b4+b3)")));

            var (stored, _, mask) = ReadCog(tile, 1, 1, evi);
            AssertColoured(rendered, mask, ColorMap.Get("ndvi"), i => stored[i] * 1e-4f);
            Assert.NotEqual(onDn, rendered);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task RegistryLayer_Ndvi_WithAnExpression_StillReadsTheMastersBands()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);

        var byExpression = TileImage.Decode(await server.Client.GetByteArrayAsync(
            Product.TilePath("ndvi", tile.Zoom, tile.X, tile.Y) + "?expression=" + Uri.EscapeDataString("(b4-b3)/(b4+b3)")));
        var onTrueColor = TileImage.Decode(await server.Client.GetByteArrayAsync(
            Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y) + "?expression=" + Uri.EscapeDataString("(b4-b3)/(b4+b3)") + "&colormap=ndvi"));

        Assert.Equal(onTrueColor, byExpression);
    }

    [Fact]
    public async Task Bands_WithRescale_StretchesEachBandLinearly()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        using var response = await server.Client.GetAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y) + "?bands=3,2,1&rescale=0,255&resampling=nearest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rendered = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());

        var (red, green, mask) = ReadCog(tile, 3, 2);
        for (var i = 0; i < 256 * 256; i += 101)
        {
            if (mask[i] != 0)
            {
                Assert.Equal(Math.Clamp((int)Math.Round(red[i]), 0, 255), rendered[i * 4]);
                Assert.Equal(Math.Clamp((int)Math.Round(green[i]), 0, 255), rendered[(i * 4) + 1]);
            }
        }
    }

    [Theory]
    [InlineData("format=jpeg", "image/jpeg")]
    [InlineData("format=webp", "image/webp")]
    [InlineData("bands=4&colormap=viridis", "image/png")]
    [InlineData("bands=4&colormap=%7B%220%22%3A%22%23000000%22%2C%22200%22%3A%5B0%2C255%2C0%5D%7D&rescale=0,200", "image/png")]
    [InlineData("expression=b4%2Fb3&rescale=0,3&colormap=rdylgn", "image/png")]
    public async Task Parameters_SelectFormatAndColouring(string query, string mediaType)
    {
        var tile = await Product.InteriorTileAsync(server.Objects);

        using var response = await server.Client.GetAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y) + "?" + query);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task DynamicTile_Answers304_ForItsOwnETag()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var path = Product.TilePath("ndwi", tile.Zoom, tile.X, tile.Y);
        using var first = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("expression=" + "b1%2B" + "b1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1%2Bb1", "expression", "more than 64 terms")]
    [InlineData("expression=((((((((((((((((((b1))))))))))))))))))", "expression", "nests deeper")]
    [InlineData("expression=__import__(%27os%27)", "expression", "unexpected '_'")]
    [InlineData("expression=exec(b1)", "expression", "neither a band")]
    [InlineData("expression=b9%2Bb1", "expression", "b9 does not exist")]
    [InlineData("expression=b1%2F", "expression", "ends where")]
    [InlineData("expression=", "expression", "empty")]
    [InlineData("colormap=nope&bands=1", "colormap", "colormap 'nope' is unknown")]
    [InlineData("colormap=%7Bbroken&bands=1", "colormap", "not valid JSON")]
    [InlineData("rescale=abc", "rescale", "not two numbers")]
    [InlineData("rescale=5,1", "rescale", "max must be greater")]
    [InlineData("rescale=0,1&rescale=0,1&rescale=0,1&rescale=0,1", "rescale", "at most one range per channel")]
    [InlineData("bands=0", "bands", "not a band number")]
    [InlineData("bands=1,2", "bands", "draw 1 band")]
    [InlineData("bands=9", "bands", "bands 1 to 4")]
    [InlineData("bands=1,2,3&colormap=viridis", "colormap", "not three bands")]
    [InlineData("bands=1&expression=b1", "expression", "not both")]
    [InlineData("resampling=sinc", "resampling", "resampling 'sinc'")]
    [InlineData("format=gif", "format", "format 'gif'")]
    public async Task HostileParameters_Answer400ProblemJson_NamingTheParameter(string query, string parameter, string detail)
    {
        var tile = await Product.InteriorTileAsync(server.Objects);

        using var response = await server.Client.GetAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y) + "?" + query);

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
        Assert.Contains($"\"parameter\":\"{parameter}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeExpression_Answers400_WithoutParsingIt()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var huge = string.Concat(Enumerable.Repeat("b1+", 600)) + "b1";

        using var response = await server.Client.GetAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y) + "?expression=" + Uri.EscapeDataString(huge));

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, HttpStatusCode.BadRequest, "at most 256 are accepted");
    }

    [Fact]
    public async Task TooDeepAZoom_Answers404()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var z = tile.Zoom + 7;

        using var response = await server.Client.GetAsync(Product.TilePath("true-color", z, tile.X << 7, tile.Y << 7));

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, HttpStatusCode.NotFound, "beyond the zooms rendered");
    }

    [Fact]
    public async Task TileJson_OfARegistryLayer_CarriesTheRenderingParameters()
    {
        var json = await server.Client.GetStringAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/ndvi/tilejson.json?colormap=rdylgn&rescale=-0.5,0.5");

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var template = document.RootElement.GetProperty("tiles")[0].GetString()!;
        Assert.EndsWith("/ndvi/{z}/{x}/{y}.png?rescale=-0.5,0.5&colormap=rdylgn", template, StringComparison.Ordinal);
    }

    private const string DynamicTilesCacheControl = "public, max-age=3600";

    private static double MeanRed(byte[] rgba, int x0, int y0, int size)
    {
        double sum = 0;
        for (var y = y0; y < y0 + size; y++)
        {
            for (var x = x0; x < x0 + size; x++)
            {
                sum += rgba[((y * 256) + x) * 4];
            }
        }

        return sum / (size * size);
    }

    /// <summary>Two bands of the COG and its mask over the tile's window (native zoom: one block).</summary>
    /// <summary>Every 97th pixel: transparent where the mask is 0, else the colour map's colour of its value (±2).</summary>
    private static void AssertColoured(byte[] rendered, byte[] mask, ColorMap map, Func<int, float> value)
    {
        var compared = 0;
        for (var i = 0; i < 256 * 256; i += 97)
        {
            if (mask[i] == 0)
            {
                Assert.Equal(0, rendered[(i * 4) + 3]);
                continue;
            }

            var expected = map.Lookup(value(i));
            Assert.InRange(rendered[i * 4] - expected.R, -2, 2);
            Assert.InRange(rendered[(i * 4) + 1] - expected.G, -2, 2);
            Assert.InRange(rendered[(i * 4) + 2] - expected.B, -2, 2);
            compared++;
        }

        Assert.True(compared > 100, $"only {compared} pixels compared");
    }

    private (float[] A, float[] B, byte[] Mask) ReadCog(TileAddress tile, int bandA, int bandB, string? path = null)
    {
        using var dataset = GdalDataset.Open(path ?? Product.CogPath);
        var window = CogTileGrid.From(dataset).Window(tile, ResampleAlgorithm.NearestNeighbour)!.Value;
        Assert.True(window.IsExact && window.TileWidth == 256);
        var a = new float[256 * 256];
        var b = new float[256 * 256];
        var mask = new byte[256 * 256];
        dataset.GetBand(bandA).Read(window.X, window.Y, 256, 256, a.AsSpan());
        dataset.GetBand(bandB).Read(window.X, window.Y, 256, 256, b.AsSpan());
        dataset.GetBand(bandA).GetMaskBand().Read(window.X, window.Y, 256, 256, mask.AsSpan());
        return (a, b, mask);
    }
}
