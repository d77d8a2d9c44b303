using EarthData.Gdal.Tests.Child;

namespace EarthData.Gdal.Tests;

/// <summary>
/// BuildOverviews on a read-only dataset closes and reopens its external .ovr, freeing the overview bands (and their
/// masks) handed out before: the binding refuses calls on them instead of reading freed memory.
/// </summary>
public sealed class BandInvalidationTests
{
    [Fact]
    public void OverviewBand_ThrowsObjectDisposed_AfterBuildOverviewsReopenedTheOvr()
    {
        var result = ChildProcess.Run("stale-overview");
        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("ok: stale overview and mask refused", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MainBand_StaysUsable_AfterBuildOverviews()
    {
        using var dataset = TestRasters.CreateSequential(16, 16);
        var band = dataset.GetBand(1);

        dataset.BuildOverviews("NEAREST", [2]);

        var value = new byte[1];
        band.Read(0, 0, 1, 1, (Span<byte>)value);
        Assert.Equal(1, value[0]);
        Assert.Equal(1, band.OverviewCount);
    }
}
