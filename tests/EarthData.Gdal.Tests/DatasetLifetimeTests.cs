using EarthData.Gdal.Tests.Child;

namespace EarthData.Gdal.Tests;

/// <summary>
/// Virtual datasets (VRT from Translate, Warp, BuildVrt, CreateCopy) read through their sources; GDALClose frees a
/// source whatever its reference count, so the binding keeps sources alive until every dataset over them is closed.
/// The scenarios run in a child process (workstation GC, forced collections): a use-after-free fails the test, not the host.
/// </summary>
public sealed class DatasetLifetimeTests
{
    [Theory]
    [InlineData("translate-vrt")]
    [InlineData("warp-vrt")]
    [InlineData("buildvrt")]
    [InlineData("createcopy-vrt")]
    public void VirtualDataset_ReadsSameData_AfterItsSourceIsDisposed(string kind)
    {
        var result = ChildProcess.Run("source-disposed-first", kind);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("ok:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VirtualDatasets_SurviveEveryDisposeOrder_OfSourcesAndDerivedDatasets()
    {
        var result = ChildProcess.Run("lifetime-orders");
        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("ok: 96 dispose orders", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VirtualDatasets_SurviveLeaksToTheFinalizer_InEveryCombination()
    {
        var result = ChildProcess.Run("lifetime-finalizer");
        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("ok: 64 leak combinations", result.Output, StringComparison.Ordinal);
    }
}
