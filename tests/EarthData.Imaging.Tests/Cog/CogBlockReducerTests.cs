using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Tests.Cog;

public sealed class CogBlockReducerTests
{
    private const int Pixels = CogBlockMask.BandPixels;

    [Fact]
    public void Reduce_WithAlpha_AveragesOnlyVisiblePixels_AndAveragesAlphaPlainly()
    {
        var mask = new CogBlockMask(2, 1, null, Integer: true);
        var child = new double[2 * Pixels];
        // Top-left 2×2 block: values 10, 20, 30, 41 with alpha 255, 255, 0, 255.
        Set(child, 0, 0, 0, 10, 255);
        Set(child, 0, 1, 0, 20, 255);
        Set(child, 0, 0, 1, 30, 0);
        Set(child, 0, 1, 1, 41, 255);
        var parent = new double[2 * Pixels];

        CogBlockReducer.Reduce([child, null, null, null], parent, mask);

        Assert.Equal(24, parent[0]);             // (10 + 20 + 41) / 3 = 23.67, rounded
        Assert.Equal(191, parent[Pixels]);       // 765 / 4 = 191.25
        Assert.Equal(0, parent[128]);            // absent north-east child: empty
        Assert.Equal(0, parent[Pixels + 128]);
    }

    [Fact]
    public void Reduce_WithNodata_SkipsNodata_AndGivesNodataWhereNothingIsValid()
    {
        var mask = new CogBlockMask(1, -1, -9999, Integer: true);
        var child = new double[Pixels];
        Array.Fill(child, -9999);
        child[0] = 5;
        child[1] = 6;
        var parent = new double[Pixels];

        CogBlockReducer.Reduce([child, child, child, null], parent, mask);

        Assert.Equal(6, parent[0]);              // 5.5 rounds away from zero
        Assert.Equal(-9999, parent[1]);          // all four nodata
        Assert.Equal(-9999, parent[(128 * 256) + 128]); // absent south-east child
    }

    [Fact]
    public void Reduce_Float_KeepsTheExactMean()
    {
        var mask = new CogBlockMask(1, -1, 0, Integer: false);
        var child = new double[Pixels];
        child[0] = 0.1;
        child[1] = 0.2;
        var parent = new double[Pixels];

        CogBlockReducer.Reduce([child, null, null, null], parent, mask);

        Assert.Equal(0.15, parent[0], 12);
    }

    [Fact]
    public void HoldsData_IsFalseForABlockOfOnlyNodataOrZeroAlpha()
    {
        Assert.False(new CogBlockMask(1, -1, 0, true).HoldsData(new double[Pixels]));
        Assert.False(new CogBlockMask(2, 1, null, true).HoldsData(new double[2 * Pixels]));
        Assert.False(new CogBlockMask(1, -1, double.NaN, false).HoldsData(Enumerable.Repeat(double.NaN, Pixels).ToArray()));
        var one = new double[Pixels];
        one[Pixels - 1] = 3;
        Assert.True(new CogBlockMask(1, -1, 0, true).HoldsData(one));
    }

    private static void Set(double[] block, int band0, int x, int y, double value, double alpha)
    {
        block[(band0 * Pixels) + (y * 256) + x] = value;
        block[Pixels + (y * 256) + x] = alpha;
    }
}
