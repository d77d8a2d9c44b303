using EarthData.Core.Tiling;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Tests.Tiling;

public class TileWriterPathsTests
{
    [Fact]
    public void RelativePath_IsZxyWithExtension()
    {
        Assert.Equal("13/2931/4680.png", TileWriterPaths.RelativePath(new TileAddress(13, 2931, 4680), "png"));
        Assert.Equal("0/0/0.webp", TileWriterPaths.RelativePath(default, "webp"));
    }

    [Fact]
    public void ObjectKey_FollowsDesignLayout()
    {
        var key = TileWriterPaths.ObjectKey("CBERS4-MUX", "CBERS_4_MUX_20240101_151_125_L4", "true-color", new TileAddress(9, 180, 290), "png");
        Assert.Equal("tiles/CBERS4-MUX/CBERS_4_MUX_20240101_151_125_L4/true-color/9/180/290.png", key);
        Assert.StartsWith(TileWriterPaths.LayerPrefix("CBERS4-MUX", "CBERS_4_MUX_20240101_151_125_L4", "true-color"), key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("true color")]
    public void ObjectKey_Throws_WhenSegmentCouldEscapeOrIsInvalid(string layer)
    {
        Assert.Throws<ArgumentException>(() => TileWriterPaths.ObjectKey("c", "i", layer, default, "png"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".png")]
    [InlineData("PNG")]
    [InlineData("p/g")]
    [InlineData("toolongext")]
    public void RelativePath_Throws_WhenExtensionInvalid(string extension)
    {
        Assert.Throws<ArgumentException>(() => TileWriterPaths.RelativePath(default, extension));
    }

    [Fact]
    public void TryParseRelativePath_RoundTrips()
    {
        var tile = new TileAddress(15, 12000, 18000);
        Assert.True(TileWriterPaths.TryParseRelativePath(TileWriterPaths.RelativePath(tile, "png"), out var back, out var ext));
        Assert.Equal(tile, back);
        Assert.Equal("png", ext);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("13/2931/4680")]
    [InlineData("13/2931/4680.")]
    [InlineData("13/2931.png")]
    [InlineData("1/5/0.png")]
    [InlineData("/1/0/0.png")]
    public void TryParseRelativePath_Rejects_WhenMalformed(string? path)
    {
        Assert.False(TileWriterPaths.TryParseRelativePath(path, out _, out _));
    }
}
