using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class ValueStatisticsTests
{
    private static readonly float[] Values = [4, 1, 3, 2, 10, -7, 5];
    private static readonly byte[] Include = [1, 1, 1, 1, 1, 0, 1];

    [Fact]
    public void Summarise_CountsOnlyIncludedValues_AsNumpyWould()
    {
        foreach (var statistics in new[] { ValueStatistics.ForIntegers(32768), ValueStatistics.ForFloats() })
        {
            statistics.Add(Values, Include);

            var summary = statistics.Summarise([0, 25, 50, 90, 100], 3);

            Assert.Equal(6, summary.Count);
            Assert.Equal((1.0, 10.0, 25.0), (summary.Min, summary.Max, summary.Sum));
            Assert.Equal(25.0 / 6, summary.Mean, 12);
            var values = new[] { 1.0, 2, 3, 4, 5, 10 };
            Assert.Equal(Math.Sqrt(values.Average(v => Math.Pow(v - (25.0 / 6), 2))), summary.StdDev, 12);
            // numpy.percentile([1, 2, 3, 4, 5, 10], [0, 25, 50, 90, 100]) = [1, 2.25, 3.5, 7.5, 10]
            Assert.Equal([1, 2.25, 3.5, 7.5, 10], summary.Percentiles.Select(p => p.Value));
            // numpy.histogram(…, bins=3) = [3, 2, 1], edges [1, 4, 7, 10]
            Assert.Equal([3L, 2, 1], summary.HistogramCounts);
            Assert.Equal([1.0, 4, 7, 10], summary.HistogramEdges);
        }
    }

    [Fact]
    public void Summarise_WithARange_LeavesOutValuesOutsideIt()
    {
        var statistics = ValueStatistics.ForFloats();
        statistics.Add(Values, Include);

        var summary = statistics.Summarise([], 2, (0, 4));

        Assert.Equal([1L, 3], summary.HistogramCounts);
    }

    [Fact]
    public void Summarise_WithoutValues_IsEmpty_AndIntegersRejectFractions()
    {
        var empty = ValueStatistics.ForIntegers(0).Summarise([50], 2);
        Assert.Equal(0, empty.Count);
        Assert.True(double.IsNaN(empty.Mean) && double.IsNaN(empty.Percentiles[0].Value));

        Assert.Throws<ArgumentOutOfRangeException>(() => ValueStatistics.ForIntegers(0).Add([1.5f], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueStatistics.ForIntegers(0).Add([-1f], [1]));
    }
}
