using EarthData.Core.Tiling;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Tests.Tiling;

public class TileBlockTests
{
    [Fact]
    public void Tiles_EnumeratesRowMajorFromNorthWest()
    {
        var block = new TileBlock(3, 2, 4, 3, 5);
        Assert.Equal(4, block.Count);
        Assert.Equal(
            [new TileAddress(3, 2, 4), new TileAddress(3, 3, 4), new TileAddress(3, 2, 5), new TileAddress(3, 3, 5)],
            block.Tiles());
        Assert.Equal("3/2-3/4-5", block.ToString());
    }

    [Fact]
    public void Parent_CoversEveryChildsParent()
    {
        var block = new TileBlock(13, 2931, 4679, 2940, 4690);
        var parent = block.Parent;
        Assert.Equal(new TileBlock(12, 1465, 2339, 1470, 2345), parent);
        Assert.All(block.Tiles(), t => Assert.True(parent.Contains(t.Parent)));
        Assert.Throws<InvalidOperationException>(() => new TileBlock(0, 0, 0, 0, 0).Parent);
    }

    [Fact]
    public void FromExtent_MatchesTileRange()
    {
        var b = WebMercatorQuad.TileBounds(new TileAddress(10, 300, 500));
        var block = TileBlock.FromExtent(b.MinX, b.MinY, b.MaxX, b.MaxY, 11);
        Assert.Equal(new TileBlock(11, 600, 1000, 601, 1001), block);
        Assert.True(block.Contains(new TileAddress(11, 601, 1000)));
        Assert.False(block.Contains(new TileAddress(11, 602, 1000)));
        Assert.False(block.Contains(new TileAddress(10, 600, 1000)));
    }

    [Fact]
    public void Constructor_Throws_WhenReversedOrOutsideMatrix()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TileBlock(3, 5, 0, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TileBlock(3, 0, 0, 8, 0));
    }
}
