using System.Net;
using System.Text.Json;
using EarthData.Imaging.Rendering;

namespace EarthData.Server.Tests.Tiles;

/// <summary>Legends of the named colour maps and of an item's layers, checked against the colours the tiles draw.</summary>
[Collection(GdalTests.Name)]
public sealed class TileLegendTests(ProductServer server) : IClassFixture<ProductServer>
{
    private PublishedProduct Product => server.Product;

    private string LayerPath(string layer) => $"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/{layer}";

    [Theory]
    [InlineData("/tiles/legends/ndvi")]
    [InlineData("/tiles/legends/ndvi.json")]
    public async Task NamedLegend_Json_ListsTheStopsWithTheirColours(string path)
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(path));

        var root = json.RootElement;
        Assert.Equal("gradient", root.GetProperty("type").GetString());
        Assert.Equal((-1.0, 1.0), (root.GetProperty("min").GetDouble(), root.GetProperty("max").GetDouble()));
        var stops = root.GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal(ColorMap.Get("ndvi").Stops.Count, stops.Count);
        Assert.Equal("#784614", stops[0].GetProperty("color").GetString());
        Assert.Equal(-1.0, stops[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task NamedLegend_WithRescale_LabelsTheRampInDataValues()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/tiles/legends/viridis?rescale=100,300"));

        var stops = json.RootElement.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(100.0, stops[0]);
        Assert.Equal(200.0, stops[4]);
        Assert.Equal(300.0, stops[^1]);
    }

    [Fact]
    public async Task NamedLegend_Png_IsARampOfTheMap_AndHeadAnswersItsHeaders()
    {
        using var response = await server.Client.GetAsync("/tiles/legends/water.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var (rgba, width, height) = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((256, 16), (width, height));
        var water = ColorMap.Get("water");
        Assert.Equal(water.Lookup(0f), (rgba[0], rgba[1], rgba[2], rgba[3]));
        Assert.Equal(water.Lookup(1f), (rgba[255 * 4], rgba[(255 * 4) + 1], rgba[(255 * 4) + 2], rgba[(255 * 4) + 3]));

        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/tiles/legends/water.png"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(response.Headers.ETag, head.Headers.ETag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/tiles/legends/water.png");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await server.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task LegendList_NamesEveryColourMap()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/tiles/legends"));

        var names = json.RootElement.GetProperty("colormaps").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(ColorMap.Names.Order(StringComparer.Ordinal), names);
        Assert.EndsWith("/tiles/legends/greys.png", json.RootElement.GetProperty("colormaps")[0].GetProperty("png").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LayerLegend_OfAHazardLayer_HoldsEveryColourItsTilesDraw()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(LayerPath("water-hazard") + "/legend.json"));
        var root = json.RootElement;
        Assert.Equal("classes", root.GetProperty("type").GetString());
        var classes = root.GetProperty("classes").EnumerateArray().ToList();
        Assert.Equal(["< 0", "0 – 0.15", "0.15 – 0.3", "0.3 – 0.45", "≥ 0.45"], classes.Select(c => c.GetProperty("label").GetString()));
        var colours = classes.Select(c => c.GetProperty("rgba").EnumerateArray().Select(v => (byte)v.GetInt32()).ToArray()).ToList();

        var rgba = TileImage.Decode(await server.Client.GetByteArrayAsync(Product.TilePath("water-hazard", tile.Zoom, tile.X, tile.Y)));

        var opaque = 0;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i + 3] == 255)
            {
                opaque++;
                Assert.Contains(colours, c => c[0] == rgba[i] && c[1] == rgba[i + 1] && c[2] == rgba[i + 2]);
            }
        }

        Assert.True(opaque > 1000, $"only {opaque} opaque pixels");
    }

    [Fact]
    public async Task LayerLegend_OfAComposite_CarriesTheStretchTheTilesUse()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(LayerPath("true-color") + "/legend.json?rescale=10,500"));

        var root = json.RootElement;
        Assert.Equal("composite", root.GetProperty("type").GetString());
        Assert.Equal(Product.ItemId, root.GetProperty("item").GetString());
        var channels = root.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(3, channels.Count);
        Assert.All(channels, c => Assert.Equal((10.0, 500.0), (c.GetProperty("from").GetDouble(), c.GetProperty("to").GetDouble())));
        Assert.StartsWith("red: band ", channels[0].GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LayerLegend_Png_FollowsTheColormapParameter()
    {
        using var response = await server.Client.GetAsync(LayerPath("ndvi") + "/legend.png?colormap=rdylgn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (rgba, width, _) = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(256, width);
        Assert.Equal(ColorMap.Get("rdylgn").Lookup(0f), (rgba[0], rgba[1], rgba[2], rgba[3]));
    }

    [Fact]
    public async Task TileJson_LinksTheLayersLegend()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(LayerPath("ndvi") + "/tilejson.json?colormap=viridis"));

        var legend = json.RootElement.GetProperty("legend").GetString()!;
        Assert.EndsWith($"{LayerPath("ndvi")}/legend.json?colormap=viridis", legend, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri(legend).PathAndQuery));
        Assert.Equal("viridis", document.RootElement.GetProperty("colormap").GetString());
    }

    [Theory]
    [InlineData("/tiles/legends/..%2F..%2Fetc", HttpStatusCode.BadRequest, "colormap '..%2F..%2Fetc' is not a valid name")]
    [InlineData("/tiles/legends/nope.png", HttpStatusCode.NotFound, "No colour map 'nope'")]
    [InlineData("/tiles/legends/ndvi?bands=1", HttpStatusCode.BadRequest, "takes only rescale")]
    [InlineData("/tiles/legends/ndvi?rescale=1", HttpStatusCode.BadRequest, "not two numbers")]
    [InlineData("LAYER/nope/legend.json", HttpStatusCode.NotFound, "has no layer 'nope'")]
    [InlineData("LAYER/ndvi/legend.png?colormap=%7Bbad", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("LAYER/true-color/legend.json?bands=1,2,3&colormap=viridis", HttpStatusCode.BadRequest, "not three bands")]
    [InlineData("/tiles/CBERS4-MUX/NO_ITEM/ndvi/legend.json", HttpStatusCode.NotFound, "No item 'NO_ITEM'")]
    public async Task Legend_RejectsBadInput_WithProblemJson(string path, HttpStatusCode status, string detail)
    {
        path = path.Replace("LAYER/", $"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/", StringComparison.Ordinal);

        using var response = await server.Client.GetAsync(path);

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, status, detail);
    }

    private static (byte[] Rgba, int Width, int Height) Decode(byte[] png) => TileImage.DecodeImage(png);
}
