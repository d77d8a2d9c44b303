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
        ChildProcess.Run("source-disposed-first", kind).AssertSucceeded("ok:");
    }

    [Fact]
    public void VirtualDatasets_SurviveEveryDisposeOrder_OfSourcesAndDerivedDatasets()
    {
        ChildProcess.Run("lifetime-orders").AssertSucceeded("ok: 96 dispose orders");
    }

    [Fact]
    public void VirtualDatasets_SurviveLeaksToTheFinalizer_InEveryCombination()
    {
        ChildProcess.Run("lifetime-finalizer").AssertSucceeded("ok: 64 leak combinations");
    }
}
