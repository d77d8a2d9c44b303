using System.Net;
using System.Text.Json;

namespace EarthData.Server.Tests.Tiles;

/// <summary>Collection mosaics of two published scenes of the same place: newest first, filtered by datetime.</summary>
[Collection(GdalTests.Name)]
public sealed class MosaicTests(MosaicServer server) : IClassFixture<MosaicServer>
{
    private const string Mosaic = $"/tiles/collections/{PublishedProduct.Collection}";

    [Fact]
    public async Task MosaicTile_DrawsTheNewestItemOnTop()
    {
        var tile = await server.Newer.InteriorTileAsync(server.Objects);
        var newest = TileImage.Decode(await server.Client.GetByteArrayAsync(
            $"/tiles/{PublishedProduct.Collection}/{server.Newer.ItemId}/ndvi/{tile.Zoom}/{tile.X}/{tile.Y}.png"));

        using var response = await server.Client.GetAsync($"{Mosaic}/ndvi/{tile.Zoom}/{tile.X}/{tile.Y}.png");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var items = response.Headers.GetValues("EarthData-Mosaic-Items").Single().Split(',');
        Assert.Equal(server.Newer.ItemId, items[0]);
        var mosaic = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());
        var compared = 0;
        for (var i = 0; i < newest.Length; i += 4)
        {
            if (newest[i + 3] > 0)
            {
                Assert.Equal(newest.AsSpan(i, 4).ToArray(), mosaic.AsSpan(i, 4).ToArray());
                compared++;
            }
            else if (items.Length == 1)
            {
                Assert.Equal(0, mosaic[i + 3]);
            }
        }

        Assert.True(compared > 1000, $"only {compared} pixels of the newest item");
    }

    [Fact]
    public async Task MosaicTile_WithADatetime_DrawsOnlyTheItemsOfThatTime()
    {
        var tile = await server.Newer.InteriorTileAsync(server.Objects);
        var older = TileImage.Decode(await server.Client.GetByteArrayAsync(
            $"/tiles/{PublishedProduct.Collection}/{server.Older.Item.Id}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png?resampling=bilinear"));

        using var response = await server.Client.GetAsync($"{Mosaic}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png?datetime=2024-02-01T00:00:00Z/2024-02-28T00:00:00Z");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(server.Older.Item.Id, response.Headers.GetValues("EarthData-Mosaic-Items").Single());
        Assert.Equal(older, TileImage.Decode(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task MosaicTileJson_DescribesTheMosaic_AndCarriesTheParameters()
    {
        var tile = await server.Newer.InteriorTileAsync(server.Objects);
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync($"{Mosaic}/ndvi/tilejson.json?datetime=2024-03-01T00:00:00Z/..&colormap=viridis"));

        var root = json.RootElement;
        Assert.Equal("3.0.0", root.GetProperty("tilejson").GetString());
        var template = root.GetProperty("tiles")[0].GetString()!;
        Assert.Contains($"{Mosaic}/ndvi/{{z}}/{{x}}/{{y}}.png?colormap=viridis&datetime=", template, StringComparison.Ordinal);
        Assert.Equal(server.Newer.Published.Item.Bbox![0], root.GetProperty("bounds")[0].GetDouble(), 9);
        var url = new Uri(template.Replace("{z}", $"{tile.Zoom}", StringComparison.Ordinal).Replace("{x}", $"{tile.X}", StringComparison.Ordinal)
            .Replace("{y}", $"{tile.Y}", StringComparison.Ordinal));
        using var response = await server.Client.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.Newer.ItemId, response.Headers.GetValues("EarthData-Mosaic-Items").Single());
    }

    [Theory]
    [InlineData("/true-color/3/0/0.png", HttpStatusCode.NotFound, "No item of collection")]
    [InlineData("/true-color/99/0/0.png", HttpStatusCode.BadRequest, "z '99'")]
    [InlineData("/true-color/3/-1/0.png", HttpStatusCode.BadRequest, "x '-1'")]
    [InlineData("/nope/3/0/0.png", HttpStatusCode.NotFound, "No layer 'nope'")]
    [InlineData("/true-color/3/0/0.png?datetime=yesterday", HttpStatusCode.BadRequest, "yesterday")]
    [InlineData("/true-color/3/0/0.png?colormap=nope", HttpStatusCode.BadRequest, "colormap 'nope' is unknown")]
    [InlineData("/nope/tilejson.json", HttpStatusCode.NotFound, "No layer 'nope'")]
    [InlineData("/true-color/tilejson.json?datetime=1990-01-01", HttpStatusCode.NotFound, "No item of collection")]
    public async Task Mosaic_RejectsBadInput_WithProblemJson(string path, HttpStatusCode status, string detail)
    {
        using var response = await server.Client.GetAsync(Mosaic + path);

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, status, detail);
    }

    [Fact]
    public async Task Mosaic_RejectsAnUnsafeCollectionName()
    {
        using var response = await server.Client.GetAsync("/tiles/collections/..%2Fx/true-color/3/0/0.png");

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, HttpStatusCode.BadRequest, "collection '..%2Fx' is not a valid name");
    }
}
