using EarthData.Core.Tiling;

namespace EarthData.Core.Tests.Tiling;

public class TileAddressTests
{
    [Theory]
    [InlineData(-1, 0, 0, "zoom")]
    [InlineData(25, 0, 0, "zoom")]
    [InlineData(0, 1, 0, "x")]
    [InlineData(3, 8, 0, "x")]
    [InlineData(3, -1, 0, "x")]
    [InlineData(3, 0, 8, "y")]
    [InlineData(3, 0, -1, "y")]
    public void Constructor_Throws_WhenOutsideMatrix(int z, int x, int y, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TileAddress(z, x, y));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Constructor_Accepts_MatrixCorners()
    {
        var t = new TileAddress(24, (1 << 24) - 1, (1 << 24) - 1);
        Assert.Equal(24, t.Zoom);
        Assert.Equal(16777215, t.X);
        Assert.Equal(16777215, t.Y);
    }

    [Fact]
    public void Default_IsZoomZeroTile()
    {
        Assert.Equal(new TileAddress(0, 0, 0), default);
        Assert.Equal("0/0/0", default(TileAddress).ToString());
    }

    [Fact]
    public void Parent_HalvesIndices()
    {
        Assert.Equal(new TileAddress(12, 1465, 2340), new TileAddress(13, 2931, 4680).Parent);
        Assert.Equal(new TileAddress(0, 0, 0), new TileAddress(1, 1, 1).Parent);
    }

    [Fact]
    public void Parent_Throws_AtZoomZero()
    {
        Assert.Throws<InvalidOperationException>(() => default(TileAddress).Parent);
    }

    [Fact]
    public void Children_CoverTileInReadingOrder()
    {
        var (nw, ne, sw, se) = new TileAddress(2, 1, 3).Children;
        Assert.Equal(new TileAddress(3, 2, 6), nw);
        Assert.Equal(new TileAddress(3, 3, 6), ne);
        Assert.Equal(new TileAddress(3, 2, 7), sw);
        Assert.Equal(new TileAddress(3, 3, 7), se);
        Assert.Equal(new TileAddress(2, 1, 3), se.Parent);
    }

    [Fact]
    public void Children_Throws_AtMaxZoom()
    {
        Assert.Throws<InvalidOperationException>(() => new TileAddress(24, 0, 0).Children);
    }

    [Fact]
    public void ToString_IsZxy()
    {
        Assert.Equal("13/2931/4680", new TileAddress(13, 2931, 4680).ToString());
    }

    [Theory]
    [InlineData("0/0/0", 0, 0, 0)]
    [InlineData("13/2931/4680", 13, 2931, 4680)]
    [InlineData("24/16777215/0", 24, 16777215, 0)]
    public void TryParse_ReadsValidAddress(string text, int z, int x, int y)
    {
        Assert.True(TileAddress.TryParse(text, out var tile));
        Assert.Equal(new TileAddress(z, x, y), tile);
        Assert.Equal(text, tile.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1/2")]
    [InlineData("1/2/3/4")]
    [InlineData("1/2/0")]
    [InlineData("25/0/0")]
    [InlineData("-1/0/0")]
    [InlineData("+1/0/0")]
    [InlineData("1/ 0/0")]
    [InlineData("1//0")]
    [InlineData("a/b/c")]
    [InlineData("999999999/0/0")]
    public void TryParse_Rejects_WhenMalformedOrOutsideMatrix(string? text)
    {
        Assert.False(TileAddress.TryParse(text, out var tile));
        Assert.Equal(default, tile);
    }

    [Fact]
    public void Parse_Throws_WhenMalformed()
    {
        Assert.Throws<FormatException>(() => TileAddress.Parse("3/9/0"));
    }

    [Fact]
    public void ToQuadKey_MatchesBingExample()
    {
        // Bing Maps tile system documentation: tile (3, 5) at level 3 has quadkey "213".
        Assert.Equal("213", new TileAddress(3, 3, 5).ToQuadKey());
        Assert.Equal(string.Empty, default(TileAddress).ToQuadKey());
    }

    [Fact]
    public void TryParseQuadKey_RoundTrips()
    {
        var tile = new TileAddress(17, 70123, 45001);
        Assert.True(TileAddress.TryParseQuadKey(tile.ToQuadKey(), out var back));
        Assert.Equal(tile, back);
        Assert.False(TileAddress.TryParseQuadKey("124", out _));
        Assert.False(TileAddress.TryParseQuadKey(new string('0', 25), out _));
    }
}
