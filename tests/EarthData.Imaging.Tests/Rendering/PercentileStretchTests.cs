using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class PercentileStretchTests
{
    [Fact]
    public void FromHistogram_InterpolatesWithinBins_WhenUniform()
    {
        // 100 bins over [0, 100), one sample each: the p-th percentile is p.
        var counts = new long[100];
        Array.Fill(counts, 1L);
        var (low, high) = PercentileStretch.FromHistogram(counts, 0, 100, 2, 98);
        Assert.Equal(2.0, low, 9);
        Assert.Equal(98.0, high, 9);
    }

    [Fact]
    public void FromHistogram_UsesDefaults_TwoAndNinetyEight()
    {
        var counts = new long[1000];
        Array.Fill(counts, 7L);
        var (low, high) = PercentileStretch.FromHistogram(counts, 1000, 2000);
        Assert.Equal(1020.0, low, 6);
        Assert.Equal(1980.0, high, 6);
    }

    [Fact]
    public void FromHistogram_SkipsEmptyBins()
    {
        var counts = new long[10];
        counts[3] = 50;
        counts[7] = 50;
        var (low, high) = PercentileStretch.FromHistogram(counts, 0, 10, 0, 100);
        Assert.Equal(3.0, low, 9);
        Assert.Equal(8.0, high, 9);
    }

    [Fact]
    public void FromHistogram_ReturnsRange_WhenHistogramEmpty()
    {
        Assert.Equal((0.0, 255.0), PercentileStretch.FromHistogram(new long[16], 0, 255));
    }

    [Fact]
    public void FromHistogram_GivesLowBelowHigh_WhenAllInOneBin()
    {
        var counts = new long[256];
        counts[40] = 1000;
        var (low, high) = PercentileStretch.FromHistogram(counts, 0, 256);
        Assert.True(low < high);
        Assert.InRange(low, 40, 41);
        Assert.InRange(high, 40, 41);
    }

    [Theory]
    [InlineData(-1, 98)]
    [InlineData(50, 50)]
    [InlineData(60, 40)]
    [InlineData(2, 101)]
    [InlineData(double.NaN, 98)]
    public void FromHistogram_Throws_WhenPercentilesInvalid(double low, double high)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentileStretch.FromHistogram(new long[4], 0, 1, low, high));
    }

    [Fact]
    public void FromHistogram_Throws_WhenRangeOrCountsInvalid()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentileStretch.FromHistogram(new long[4], 1, 1, 2, 98));
        Assert.Throws<ArgumentException>(() => PercentileStretch.FromHistogram([], 0, 1, 2, 98));
        Assert.Throws<ArgumentException>(() => PercentileStretch.FromHistogram(new long[] { 1, -1 }, 0, 1, 2, 98));
    }

    [Fact]
    public void Accumulate_IgnoresNodataNaNAndOutOfRange()
    {
        var counts = new long[4];
        float[] samples = [0f, 0.1f, 0.5f, 1f, float.NaN, -0.5f, 1.5f, -9999f, 0.99f];
        PercentileStretch.Accumulate<float>(samples, -9999f, 0, 1, counts);
        Assert.Equal(new long[] { 2, 0, 1, 2 }, counts);
    }

    [Fact]
    public void Accumulate_ExcludesNodata_SoCutIgnoresIt()
    {
        // Half of the scene is nodata (0): the 2 % cut must come from the valid DNs 100..199 only.
        var samples = new ushort[200];
        for (var i = 0; i < 100; i++)
        {
            samples[i] = (ushort)(100 + i);
        }

        var counts = new long[256];
        PercentileStretch.Accumulate<ushort>(samples, 0, 0, 256, counts);
        var (low, high) = PercentileStretch.FromHistogram(counts, 0, 256);
        Assert.Equal(102.0, low, 6);
        Assert.Equal(198.0, high, 6);
    }
}
