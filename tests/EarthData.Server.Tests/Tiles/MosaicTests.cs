using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Web;
using EarthData.Core.Catalog;
using EarthData.Core.Tiling;

namespace EarthData.Server.Tests.Tiles;

/// <summary>Collection mosaics of two published scenes of the same place: newest or least cloudy first, filtered by datetime or CQL2.</summary>
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
        AssertTopItemDrawn(newest, TileImage.Decode(await response.Content.ReadAsByteArrayAsync()), aloneInTheTile: items.Length == 1);
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
    public async Task MosaicTile_WithAFilter_DrawsOnlyTheMatchingItems()
    {
        // Only the older item is under 10 % cloud: the filter leaves out the newest one.
        var tile = await server.Newer.InteriorTileAsync(server.Objects);
        var older = await DynamicTileAsync(server.Older.Item.Id, tile);
        var filter = Uri.EscapeDataString("""{"op":"<","args":[{"property":"eo:cloud_cover"},10]}""");

        using var response = await server.Client.GetAsync($"{Mosaic}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png?filter-lang=cql2-json&filter={filter}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(server.Older.Item.Id, response.Headers.GetValues("EarthData-Mosaic-Items").Single());
        Assert.Equal(older, TileImage.Decode(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("eo:cloud_cover", true)]
    [InlineData("%2Bproperties.eo:cloud_cover,-datetime", true)]
    [InlineData("-eo:cloud_cover", false)]
    public async Task MosaicTile_SortedByCloudCover_DrawsTheClearestItemOnTop(string sortby, bool olderOnTop)
    {
        var tile = await server.Newer.InteriorTileAsync(server.Objects);
        var top = olderOnTop ? server.Older.Item.Id : server.Newer.ItemId;
        var expected = await DynamicTileAsync(top, tile);

        using var response = await server.Client.GetAsync($"{Mosaic}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png?sortby={sortby}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(top, response.Headers.GetValues("EarthData-Mosaic-Items").Single().Split(',')[0]);
        AssertTopItemDrawn(expected, TileImage.Decode(await response.Content.ReadAsByteArrayAsync()), aloneInTheTile: false);
    }

    [Fact]
    public async Task MosaicTile_FillsWhatTheTopItemLeavesTransparent_FromTheItemBelow()
    {
        // A tile on the edge of one scene that the other scene covers entirely (their footprints differ in rotation):
        // the top item draws its part, the one below fills the rest, and the tile is opaque.
        var (tile, top, below, order) = await EdgeTileCoveredByTheOtherItemAsync();

        using var response = await server.Client.GetAsync($"{Mosaic}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png{order}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal([top.Id, below.Id], response.Headers.GetValues("EarthData-Mosaic-Items").Single().Split(','));
        var mosaic = TileImage.Decode(await response.Content.ReadAsByteArrayAsync());
        int fromTop = 0, fromBelow = 0;
        for (var i = 0; i < mosaic.Length; i += 4)
        {
            Assert.Equal(255, mosaic[i + 3]);
            var source = top.Pixels[i + 3] == 0 ? below.Pixels : top.Pixels;
            Assert.Equal(source.AsSpan(i, 4).ToArray(), mosaic.AsSpan(i, 4).ToArray());
            _ = top.Pixels[i + 3] == 0 ? fromBelow++ : fromTop++;
        }

        Assert.True(fromTop > 1000 && fromBelow > 1000, $"{fromTop} pixels from the top item, {fromBelow} from the one below");
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

    [Fact]
    public async Task MosaicTileJson_CarriesTheFilterAndTheOrder()
    {
        var filter = Uri.EscapeDataString("""{"op":"<","args":[{"property":"eo:cloud_cover"},10]}""");
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync($"{Mosaic}/true-color/tilejson.json?filter={filter}&sortby=eo:cloud_cover"));

        var template = HttpUtility.ParseQueryString(new Uri(json.RootElement.GetProperty("tiles")[0].GetString()!).Query);
        Assert.Equal(Uri.UnescapeDataString(filter), template["filter"]);
        Assert.Equal("eo:cloud_cover", template["sortby"]);
        Assert.Contains("sorted by eo:cloud_cover", json.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(server.Older.Item.Bbox![0], json.RootElement.GetProperty("bounds")[0].GetDouble(), 9);
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
    [InlineData("/true-color/3/0/0.png?filter=%7B%22op%22%3A%22nope%22%2C%22args%22%3A%5B%5D%7D", HttpStatusCode.BadRequest, "filter/op: operator 'nope' is not supported")]
    [InlineData("/true-color/3/0/0.png?filter=cloud%3C10", HttpStatusCode.BadRequest, "filter is not valid JSON")]
    [InlineData("/true-color/3/0/0.png?filter-lang=cql2-text&filter=%7B%7D", HttpStatusCode.BadRequest, "filter-lang 'cql2-text' is not supported; use cql2-json")]
    [InlineData("/true-color/3/0/0.png?filter=%7B%7D&filter=%7B%7D", HttpStatusCode.BadRequest, "filter is given 2 times")]
    [InlineData("/true-color/3/0/0.png?sortby=-", HttpStatusCode.BadRequest, "sortby entry '-' names no field")]
    [InlineData("/true-color/3/0/0.png?sortby=a,b,c,d,e,f,g,h,i", HttpStatusCode.BadRequest, "sortby has 9 fields; at most 8")]
    [InlineData("/true-color/tilejson.json?sortby=-", HttpStatusCode.BadRequest, "sortby entry '-' names no field")]
    public async Task Mosaic_RejectsBadInput_WithProblemJson(string path, HttpStatusCode status, string detail)
    {
        using var response = await server.Client.GetAsync(Mosaic + path);

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, status, detail);
    }

    [Fact]
    public async Task Mosaic_RefusesAFilterOverItsBound_WithProblemJson()
    {
        var comparisons = string.Join(',', Enumerable.Range(0, SearchLimits.MaxLogicalArgs + 1).Select(i => $$"""{"op":"=","args":[{"property":"p"},{{i}}]}"""));
        using var response = await server.Client.GetAsync($"{Mosaic}/true-color/3/0/0.png?filter={Uri.EscapeDataString($$"""{"op":"or","args":[{{comparisons}}]}""")}");

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, HttpStatusCode.BadRequest, $"'or' needs 2 to {SearchLimits.MaxLogicalArgs} arguments");
    }

    [Fact]
    public async Task Mosaic_RejectsAnUnsafeCollectionName()
    {
        using var response = await server.Client.GetAsync("/tiles/collections/..%2Fx/true-color/3/0/0.png");

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, HttpStatusCode.BadRequest, "collection '..%2Fx' is not a valid name");
    }

    /// <summary>The mosaic equals the top item's own tile wherever that has pixels (and is transparent elsewhere when it is alone).</summary>
    private static void AssertTopItemDrawn(byte[] top, byte[] mosaic, bool aloneInTheTile)
    {
        var compared = 0;
        for (var i = 0; i < top.Length; i += 4)
        {
            if (top[i + 3] > 0)
            {
                Assert.Equal(top.AsSpan(i, 4).ToArray(), mosaic.AsSpan(i, 4).ToArray());
                compared++;
            }
            else if (aloneInTheTile)
            {
                Assert.Equal(0, mosaic[i + 3]);
            }
        }

        Assert.True(compared > 1000, $"only {compared} pixels of the top item");
    }

    private async Task<byte[]> DynamicTileAsync(string itemId, TileAddress tile) => TileImage.Decode(await server.Client.GetByteArrayAsync(
        $"/tiles/{PublishedProduct.Collection}/{itemId}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png?resampling=bilinear"));

    /// <summary>An item's dynamic tile, or a transparent one where the item has no pixels (404).</summary>
    private async Task<byte[]> DynamicTileOrEmptyAsync(string itemId, TileAddress tile)
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{itemId}/true-color/{tile.Zoom}/{tile.X}/{tile.Y}.png?resampling=bilinear");
        return response.StatusCode == HttpStatusCode.NotFound ? new byte[256 * 256 * 4] : TileImage.Decode(await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// A tile two zooms below the native one where one item (the top in the returned order: "" is newest first, <c>?sortby=…</c> puts the
    /// older first) has data in part and the other has data wherever the top one has none.
    /// </summary>
    private async Task<(TileAddress Tile, (string Id, byte[] Pixels) Top, (string Id, byte[] Pixels) Below, string Order)> EdgeTileCoveredByTheOtherItemAsync()
    {
        // The scenes are small (scale 0.03): look at the native tiles' grandchildren too, drawn from the COGs.
        var zoom = server.Newer.NativeZoom.Zoom;
        var tiles = new List<TileAddress>();
        await foreach (var stored in server.Objects.ListAsync($"tiles/{PublishedProduct.Collection}/{server.Newer.ItemId}/true-color/{zoom}/"))
        {
            var parts = stored.Key.Split('/');
            var (x, y) = (int.Parse(parts[^2], CultureInfo.InvariantCulture), int.Parse(parts[^1].Split('.')[0], CultureInfo.InvariantCulture));
            for (var child = 0; child < 16; child++)
            {
                tiles.Add(new TileAddress(zoom + 2, (x * 4) + (child % 4), (y * 4) + (child / 4)));
            }
        }

        foreach (var tile in tiles)
        {
            var newer = (server.Newer.ItemId, await DynamicTileOrEmptyAsync(server.Newer.ItemId, tile));
            var older = (server.Older.Item.Id, await DynamicTileOrEmptyAsync(server.Older.Item.Id, tile));
            if (Fills(newer.Item2, older.Item2))
            {
                return (tile, newer, older, string.Empty);
            }

            if (Fills(older.Item2, newer.Item2))
            {
                return (tile, older, newer, "?sortby=eo:cloud_cover");
            }
        }

        throw new InvalidOperationException($"none of {tiles.Count} tiles at zoom {zoom} is partly covered by one item and filled by the other");

        static bool Fills(byte[] top, byte[] below)
        {
            int empty = 0, covered = 0;
            for (var i = 3; i < top.Length; i += 4)
            {
                if (top[i] == 0)
                {
                    empty++;
                    if (below[i] != 255)
                    {
                        return false;
                    }
                }
                else if (top[i] == 255)
                {
                    covered++;
                }
            }

            return empty > 1000 && covered > 1000;
        }
    }
}
