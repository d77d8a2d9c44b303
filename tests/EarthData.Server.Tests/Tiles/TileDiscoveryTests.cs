using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using EarthData.Core.Tiling;
using EarthData.Testing;

namespace EarthData.Server.Tests.Tiles;

/// <summary>
/// TileJSON, WMTS capabilities and the STAC item's web-map links of a product published by the pipeline, checked by
/// real clients: GDAL's WMTS driver and GDAL's WMS driver (TMS service description) read pixels through <c>/tiles</c>.
/// </summary>
[Collection(GdalTests.Name)]
public sealed class TileDiscoveryTests(ProductServer server) : IClassFixture<ProductServer>
{
    private static readonly XNamespace Wmts = "http://www.opengis.net/wmts/1.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    private PublishedProduct Product => server.Product;

    [Fact]
    public async Task TileJson_DescribesTheLayer_WithATemplateThatServesItsTiles()
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/true-color/tilejson.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("3.0.0", root.GetProperty("tilejson").GetString());
        var layer = Product.Processed.Manifest.Layers[0];
        Assert.Equal(0, root.GetProperty("minzoom").GetInt32());
        Assert.Equal(layer.Zooms[^1].Zoom, root.GetProperty("maxzoom").GetInt32());
        var bbox = Product.Published.Item.Bbox!;
        Assert.Equal(bbox, root.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray());
        var template = root.GetProperty("tiles")[0].GetString()!;
        var tile = await Product.InteriorTileAsync(server.Objects);
        var url = template.Replace("{z}", $"{tile.Zoom}", StringComparison.Ordinal).Replace("{x}", $"{tile.X}", StringComparison.Ordinal)
            .Replace("{y}", $"{tile.Y}", StringComparison.Ordinal);
        using var tileResponse = await server.Client.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.OK, tileResponse.StatusCode);
        Assert.Equal("image/png", tileResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StacItem_LinksToXyzTileJsonAndWmts()
    {
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync($"/stac/collections/{PublishedProduct.Collection}/items/{Product.ItemId}"));
        var links = json.RootElement.GetProperty("links").EnumerateArray().ToList();

        var xyz = links.Where(l => l.GetProperty("rel").GetString() == "xyz").Select(l => l.GetProperty("href").GetString()).ToList();
        Assert.Equal(
            [$"{server.BaseAddress}tiles/{PublishedProduct.Collection}/{Product.ItemId}/true-color/{{z}}/{{x}}/{{y}}.png",
             $"{server.BaseAddress}tiles/{PublishedProduct.Collection}/{Product.ItemId}/false-color/{{z}}/{{x}}/{{y}}.png"],
            xyz);
        var wmts = Assert.Single(links, l => l.GetProperty("rel").GetString() == "wmts");
        Assert.Equal($"{server.BaseAddress}tiles/{PublishedProduct.Collection}/{Product.ItemId}/WMTSCapabilities.xml", wmts.GetProperty("href").GetString());
        Assert.Equal(["true-color", "false-color"], wmts.GetProperty("wmts:layer").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(2, links.Count(l => l.GetProperty("rel").GetString() == "tilejson"));
    }

    [Fact]
    public async Task Capabilities_OfAllLayers_ListEveryPublishedLayerWithTheGoogleMapsCompatibleSet()
    {
        var xml = XDocument.Parse(await server.Client.GetStringAsync("/tiles/WMTSCapabilities.xml"));

        var identifiers = xml.Descendants(Wmts + "Layer").Select(l => l.Element(Ows + "Identifier")!.Value).ToList();
        Assert.Contains($"{PublishedProduct.Collection}/{Product.ItemId}/true-color", identifiers);
        Assert.Contains($"{PublishedProduct.Collection}/{Product.ItemId}/false-color", identifiers);
        var set = Assert.Single(xml.Descendants(Wmts + "TileMatrixSet"), e => e.Element(Ows + "Identifier") is not null);
        Assert.Equal("GoogleMapsCompatible", set.Element(Ows + "Identifier")!.Value);
        Assert.Equal("urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible", set.Element(Wmts + "WellKnownScaleSet")!.Value);
        Assert.Equal(Product.NativeZoom.Zoom + 1, set.Elements(Wmts + "TileMatrix").Count());
    }

    [Fact]
    public async Task GdalWmtsDriver_ReadsAWindow_WhosePixelsAreThePreRenderedTile()
    {
        var tile = await Product.InteriorTileAsync(server.Objects, "false-color");
        var capabilities = new Uri(server.BaseAddress, $"tiles/{PublishedProduct.Collection}/{Product.ItemId}/WMTSCapabilities.xml");

        var read = await ReadWindowAsync($"WMTS:{capabilities},layer=false-color", tile);

        Assert.Equal(await TileChecksumsAsync("false-color", tile), read);
        Assert.Contains(server.Requests, r => r.Target == $"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/false-color/{tile}.png" && r.Status == 200);
    }

    [Fact]
    public async Task GdalWmsDriver_WithATmsServiceDescription_ReadsThePreRenderedTiles()
    {
        var tile = await Product.InteriorTileAsync(server.Objects, "true-color");
        var description = Path.Combine(Product.WorkDirectory, "tms.xml");
        await File.WriteAllTextAsync(description, string.Create(CultureInfo.InvariantCulture, $$"""
            <GDAL_WMS>
              <Service name="TMS"><ServerUrl>{{server.BaseAddress}}tiles/{{PublishedProduct.Collection}}/{{Product.ItemId}}/true-color/${z}/${x}/${y}.png</ServerUrl></Service>
              <DataWindow>
                <UpperLeftX>-20037508.342789244</UpperLeftX><UpperLeftY>20037508.342789244</UpperLeftY>
                <LowerRightX>20037508.342789244</LowerRightX><LowerRightY>-20037508.342789244</LowerRightY>
                <TileLevel>{{tile.Zoom}}</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>top</YOrigin>
              </DataWindow>
              <Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount>
              <ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>
            </GDAL_WMS>
            """));

        var read = await ReadWindowAsync(description, tile);

        Assert.Equal(await TileChecksumsAsync("true-color", tile), read);
    }

    /// <summary>gdal_translate of exactly the tile's EPSG:3857 extent, 256 × 256; the band checksums of the result.</summary>
    private async Task<string[]> ReadWindowAsync(string source, TileAddress tile)
    {
        var (minX, minY, maxX, maxY) = WebMercatorQuad.TileBounds(tile);
        var output = Path.Combine(Product.WorkDirectory, $"window-{Guid.NewGuid():N}.tif");
        var translate = await ExternalTool.RunAsync("gdal_translate",
            ["-q", "-projwin", F(minX), F(maxY), F(maxX), F(minY), "-outsize", "256", "256", source, output], Gdal());
        Assert.True(translate.ExitCode == 0, translate.Output);
        return await ChecksumsAsync(output);
    }

    private async Task<string[]> TileChecksumsAsync(string layer, TileAddress tile)
    {
        var file = Path.Combine(Product.WorkDirectory, $"tile-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, await server.Client.GetByteArrayAsync(Product.TilePath(layer, tile.Zoom, tile.X, tile.Y)));
        return await ChecksumsAsync(file);
    }

    private static async Task<string[]> ChecksumsAsync(string file)
    {
        var info = await ExternalTool.RunAsync("gdalinfo", ["-checksum", file]);
        Assert.True(info.ExitCode == 0, info.Output);
        var sums = info.Stdout.Split('\n').Where(l => l.Contains("Checksum=", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        Assert.Equal(4, sums.Length);
        Assert.Contains(sums, s => s != "Checksum=0");
        return sums;
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Gdal() => new()
    {
        ["GDAL_HTTP_MAX_RETRY"] = "0",
        ["GDAL_DEFAULT_WMS_CACHE_PATH"] = Path.Combine(Path.GetTempPath(), "earthdata-wms-cache-" + Guid.NewGuid().ToString("N")),
        ["GDAL_ENABLE_WMS_CACHE"] = "NO",
        ["no_proxy"] = "127.0.0.1",
        ["NO_PROXY"] = "127.0.0.1",
    };
}
