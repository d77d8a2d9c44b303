using System.Net;
using System.Text.Json;

namespace EarthData.Server.Tests.Tiles;

/// <summary><c>/tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.png</c> on the pre-rendered pyramid, against each object store.</summary>
public abstract class PreRenderedTileTests<TServer>(TServer server, Func<TServer, PublishedProduct> product) : IClassFixture<TServer>
    where TServer : RunningServer
{
    private PublishedProduct Product => product(server);

    [Fact]
    public async Task GetTile_StreamsTheStoredTile_WithContentTypeStrongETagAndLongCaching()
    {
        var stored = await Product.InteriorTileAsync(server.Objects, "true-color");

        using var response = await server.Client.GetAsync(Product.TilePath("true-color", stored.Zoom, stored.X, stored.Y));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak, "pre-rendered tiles carry a strong ETag");
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(7), response.Headers.CacheControl?.ToString());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var object_ = await server.Objects.GetAsync(Product.TileKey("true-color", stored.Zoom, stored.X, stored.Y));
        using var expected = new MemoryStream();
        await object_.Content.CopyToAsync(expected);
        Assert.Equal(expected.ToArray(), bytes);
        Assert.True(bytes.AsSpan(1, 3).SequenceEqual("PNG"u8));
    }

    [Fact]
    public async Task GetTile_AHotTile_IsAnsweredFromMemory_WithTheSameBytesAndHeaders()
    {
        var (path, first) = await FetchedTileAsync("true-color");
        using var _ = first;

        using var hot = await server.Client.GetAsync(path);
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, hot.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await hot.Content.ReadAsByteArrayAsync());
        foreach (var answer in new[] { hot, head })
        {
            Assert.Equal(first.Headers.ETag, answer.Headers.ETag);
            Assert.Equal(first.Headers.CacheControl, answer.Headers.CacheControl);
            Assert.Equal(first.Content.Headers.ContentType, answer.Content.Headers.ContentType);
            Assert.Equal(first.Content.Headers.ContentLength, answer.Content.Headers.ContentLength);
            Assert.Equal(first.Content.Headers.LastModified, answer.Content.Headers.LastModified);
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
        }

        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetTile_AHotTile_FromABrowserOrigin_CarriesTheCorsHeaders()
    {
        var (path, first) = await FetchedTileAsync("false-color");
        using var _ = first;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://maps.example.org");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetTile_AHotTileWithParameters_IsRenderedNotServedFromThePyramid()
    {
        var (path, first) = await FetchedTileAsync("true-color");
        using var _ = first;

        using var rendered = await server.Client.GetAsync(path + "?colormap=viridis&bands=1");

        Assert.True(rendered.StatusCode == HttpStatusCode.OK, await rendered.Content.ReadAsStringAsync());
        Assert.NotEqual(first.Headers.ETag, rendered.Headers.ETag);
        Assert.NotEqual(await first.Content.ReadAsByteArrayAsync(), await rendered.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetTile_BeyondThePyramid_IsRenderedFromTheStoredCog()
    {
        var stored = await Product.InteriorTileAsync(server.Objects, "true-color");

        using var response = await server.Client.GetAsync(Product.TilePath("ndvi", stored.Zoom + 1, stored.X * 2, stored.Y * 2));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(TileImage.Decode(await response.Content.ReadAsByteArrayAsync()).Where((_, i) => i % 4 == 3), a => a > 0);
    }

    [Fact]
    public async Task GetTile_Answers304_WhenIfNoneMatchHoldsItsETag()
    {
        var (path, first) = await FetchedTileAsync("false-color");
        using var _ = first;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task GetTile_Answers404ProblemJson_OutsideThePyramid()
    {
        var native = Product.NativeZoom;
        // Inside the pre-rendered zooms, but west of every written tile.
        var path = Product.TilePath("true-color", native.Zoom, native.MinCol - 1, native.MinRow);

        using var response = await server.Client.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "outside the pyramid");
    }

    [Theory]
    [InlineData("CBERS4-MUX", "NO_SUCH_ITEM", "true-color", "No item 'NO_SUCH_ITEM'")]
    [InlineData("CBERS4-AWFI", null, "true-color", "No item")]
    [InlineData("CBERS4-MUX", null, "no-such-layer", "has no layer 'no-such-layer'")]
    public async Task GetTile_Answers404ProblemJson_ForUnknownItemOrLayer(string collection, string? item, string layer, string detail)
    {
        var native = Product.NativeZoom;
        using var response = await server.Client.GetAsync($"/tiles/{collection}/{item ?? Product.ItemId}/{layer}/{native.Zoom}/{native.MinCol}/{native.MinRow}.png");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, detail);
    }

    [Theory]
    [InlineData("99/0/0.png", "z '99'")]
    [InlineData("25/0/0.png", "z '25'")]
    [InlineData("-1/0/0.png", "z '-1'")]
    [InlineData("3/-1/0.png", "x '-1'")]
    [InlineData("3/8/0.png", "x '8'")]
    [InlineData("3/0/8.png", "y '8'")]
    [InlineData("3/0/1e2.png", "y '1e2'")]
    [InlineData("3/+1/0.png", "x '+1'")]
    [InlineData("3/0/0.gif", "'gif' is not a tile format")]
    [InlineData("3/0/0", "no image extension")]
    [InlineData("a/0/0.png", "z 'a'")]
    [InlineData("3/99999999999/0.png", "x '99999999999'")]
    public async Task GetTile_Answers400ProblemJson_ForMalformedCoordinates(string coordinates, string detail)
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/true-color/{coordinates}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Theory]
    [InlineData("/tiles/..%2F..%2Fstac/x/true-color/0/0/0.png")]
    [InlineData("/tiles/CBERS4-MUX/..%2Fsecret/true-color/0/0/0.png")]
    [InlineData("/tiles/CBERS4-MUX/%2E%2E/true-color/0/0/0.png")]
    [InlineData("/tiles/CBERS4-MUX/ITEM/..%5C..%5Cetc/0/0/0.png")]
    [InlineData("/tiles/CBERS4-MUX/ITEM/.hidden/0/0/0.png")]
    public async Task GetTile_RejectsPathTraversal_With400Or404ProblemJson(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress + path.TrimStart('/'), UriKind.Absolute));

        using var response = await server.Client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>An interior tile of <paramref name="layer"/>, fetched once (so the server holds it), and that first answer.</summary>
    private async Task<(string Path, HttpResponseMessage First)> FetchedTileAsync(string layer)
    {
        var stored = await Product.InteriorTileAsync(server.Objects, layer);
        var path = Product.TilePath(layer, stored.Zoom, stored.X, stored.Y);
        return (path, await server.Client.GetAsync(path));
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

[Collection(GdalTests.Name)]
public sealed class FileSystemPreRenderedTileTests(ProductServer server) : PreRenderedTileTests<ProductServer>(server, s => s.Product);

[Collection(GdalTests.Name)]
public sealed class AzurePreRenderedTileTests(AzureProductServer server) : PreRenderedTileTests<AzureProductServer>(server, s => s.Product);
