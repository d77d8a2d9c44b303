using System.Globalization;
using System.Net;
using EarthData.Core.Tiling;

namespace EarthData.Server.Tests.Tiles;

/// <summary><c>bbox/{minx},{miny},{maxx},{maxy}.png</c>: an image of a WGS 84 box, checked against the pre-rendered tiles of the same area.</summary>
[Collection(GdalTests.Name)]
public sealed class BboxImageTests(ProductServer server) : IClassFixture<ProductServer>
{
    private PublishedProduct Product => server.Product;

    [Fact]
    public async Task Bbox_OfANativeTile_MatchesThePreRenderedTile()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var stored = TileImage.Decode(await server.Client.GetByteArrayAsync(Product.TilePath("true-color", tile.Zoom, tile.X, tile.Y)));

        using var response = await server.Client.GetAsync(BboxPath(tile));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var (image, width, height) = TileImage.DecodeImage(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((256, 256), (width, height));
        Assert.True(MaxDifference(stored, image) <= 1, $"largest difference {MaxDifference(stored, image)}");
    }

    [Fact]
    public async Task Bbox_LargerThanMaxSize_IsShrunkFromTheOverviews_AndMatchesTheCoarserTile()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);
        var parent = tile.Parent;
        var stored = TileImage.Decode(await server.Client.GetByteArrayAsync(Product.TilePath("true-color", parent.Zoom, parent.X, parent.Y)));

        // The parent covers 512 × 512 native pixels; max_size halves them, as the pyramid's coarser zoom does.
        using var response = await server.Client.GetAsync(BboxPath(parent, "?max_size=256&resampling=average"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var (image, width, height) = TileImage.DecodeImage(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((256, 256), (width, height));
        double sum = 0;
        var counted = 0;
        for (var i = 0; i < stored.Length; i += 4)
        {
            if (stored[i + 3] == 255 && image[i + 3] == 255)
            {
                sum += Math.Abs(stored[i] - image[i]) + Math.Abs(stored[i + 1] - image[i + 1]) + Math.Abs(stored[i + 2] - image[i + 2]);
                counted += 3;
            }
        }

        Assert.True(counted > 3 * 2000, $"only {counted / 3} pixels are opaque in both");
        Assert.True(sum / counted < 3, $"mean difference {sum / counted:0.00}");
    }

    [Fact]
    public async Task Bbox_KeepsTheBoxAspect_ShrunkToMaxSize_AndHeadAnswersHeaders()
    {
        var bbox = Product.Published.Item.Bbox!;
        var box = string.Create(CultureInfo.InvariantCulture, $"{bbox[0]},{bbox[1]},{bbox[2]},{bbox[3]}");
        var path = $"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/bbox/{box}.webp?max_size=128&layer=ndvi";

        using var response = await server.Client.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        var (image, width, height) = TileImage.DecodeImage(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(128, Math.Max(width, height)); // the item is larger at native resolution
        var (minX, minY) = WebMercatorQuad.LonLatToMeters(bbox[0], bbox[1]);
        var (maxX, maxY) = WebMercatorQuad.LonLatToMeters(bbox[2], bbox[3]);
        Assert.Equal((maxX - minX) / (maxY - minY) * height, width, 1.0);
        var visible = image.Where((_, i) => i % 4 == 3).Count(a => a > 0);
        Assert.InRange(visible, width * height / 10, (width * height) - 1); // the scene, and transparency around its tilted footprint

        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/webp", head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bbox_SmallerThanMaxSize_KeepsTheNativeResolution()
    {
        var tile = await Product.InteriorTileAsync(server.Objects);

        using var response = await server.Client.GetAsync(BboxPath(tile, "?max_size=2048"));

        var (_, width, height) = TileImage.DecodeImage(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((256, 256), (width, height));
    }

    [Theory]
    [InlineData("1,2,3.png", HttpStatusCode.BadRequest, "is not four numbers")]
    [InlineData("a,b,c,d.png", HttpStatusCode.BadRequest, "is not four numbers")]
    [InlineData("1,2,3,4", HttpStatusCode.BadRequest, "does not end in an image format")]
    [InlineData("1,2,3,4.gif", HttpStatusCode.BadRequest, "does not end in an image format")]
    [InlineData("10,2,3,4.png", HttpStatusCode.BadRequest, "is empty")]
    [InlineData("-200,0,10,10.png", HttpStatusCode.BadRequest, "leaves lon")]
    [InlineData("0,-89,10,10.png", HttpStatusCode.BadRequest, "leaves lon")]
    [InlineData("NaN,0,10,10.png", HttpStatusCode.BadRequest, "is not four numbers")]
    [InlineData("0,0,1,1.png", HttpStatusCode.NotFound, "does not overlap")]
    [InlineData("0,0,1,1.png?max_size=0", HttpStatusCode.BadRequest, "max_size '0'")]
    [InlineData("0,0,1,1.png?max_size=99999", HttpStatusCode.BadRequest, "max_size '99999'")]
    [InlineData("0,0,1,1.png?layer=..%2Fetc", HttpStatusCode.BadRequest, "layer '../etc'")]
    [InlineData("0,0,1,1.png?colormap=nope", HttpStatusCode.BadRequest, "colormap 'nope' is unknown")]
    public async Task Bbox_RejectsBadInput_WithProblemJson(string box, HttpStatusCode status, string detail)
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/bbox/{box}");

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, status, detail);
    }

    private string BboxPath(TileAddress tile, string query = "")
    {
        var (minX, minY, maxX, maxY) = WebMercatorQuad.TileBounds(tile);
        var (west, south) = WebMercatorQuad.MetersToLonLat(minX, minY);
        var (east, north) = WebMercatorQuad.MetersToLonLat(maxX, maxY);
        return string.Create(CultureInfo.InvariantCulture, $"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/bbox/{west:R},{south:R},{east:R},{north:R}.png{query}");
    }

    private static int MaxDifference(byte[] a, byte[] b)
    {
        var worst = 0;
        for (var i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        return worst;
    }
}
