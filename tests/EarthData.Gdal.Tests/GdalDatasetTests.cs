using System.Text.Json;

namespace EarthData.Gdal.Tests;

public sealed class GdalDatasetTests
{
    [Fact]
    public void Open_ThrowsGdalExceptionWithPathAndGdalText_WhenFileMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"earthdata-missing-{Guid.NewGuid():N}.tif");

        var ex = Assert.Throws<GdalException>(() => GdalDataset.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", ex.GdalMessage, StringComparison.Ordinal);
        Assert.Equal(4, ex.ErrorNumber);
    }

    [Fact]
    public void Open_Throws_WhenDriverNotAllowed()
    {
        var path = TestRasters.VsiPath("a.tif");
        using (var created = GdalDataset.Create("GTiff", path, 4, 4, 1, GdalDataType.Byte))
        {
            created.Close();
        }

        try
        {
            Assert.Throws<GdalException>(() => GdalDataset.Open(path, allowedDrivers: ["PNG"]));
            using var opened = GdalDataset.Open(path, allowedDrivers: ["GTiff"]);
            Assert.Equal("GTiff", opened.DriverName);
        }
        finally
        {
            VsiMem.Delete(path);
        }
    }

    [Fact]
    public void Create_MemDataset_ReportsSizeBandsAndDriver()
    {
        using var dataset = GdalDataset.Create("MEM", string.Empty, 7, 5, 3, GdalDataType.UInt16);

        Assert.Equal((7, 5, 3), (dataset.Width, dataset.Height, dataset.BandCount));
        Assert.Equal("MEM", dataset.DriverName);
        Assert.Equal(GdalDataType.UInt16, dataset.GetBand(3).DataType);
    }

    [Fact]
    public void Create_Throws_WhenDriverUnknown()
    {
        var ex = Assert.Throws<GdalException>(() => GdalDataset.Create("NoSuchDriver", "x", 1, 1, 1, GdalDataType.Byte));

        Assert.Contains("NoSuchDriver", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ThrowsWithGdalMessage_WhenDriverCannotCreate()
    {
        var ex = Assert.Throws<GdalException>(() => GdalDataset.Create("PNG", TestRasters.VsiPath("a.png"), 4, 4, 1, GdalDataType.Byte));

        Assert.NotNull(ex.GdalMessage);
        Assert.Contains(ex.GdalMessage!, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ThrowsWithGdalMessage_WhenCreationOptionInvalid()
    {
        var path = TestRasters.VsiPath("bad.tif");

        var ex = Assert.Throws<GdalException>(() => GdalDataset.Create("GTiff", path, 4, 4, 1, GdalDataType.Byte, ["BLOCKXSIZE=7", "TILED=YES"]));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.GdalMessage);
    }

    [Fact]
    public void GetBand_Throws_WhenNumberOutOfRange()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, bands: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.GetBand(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.GetBand(3));
        Assert.Equal(2, dataset.GetBand(2).BandNumber);
    }

    [Fact]
    public void GeoTransform_IsNull_WhenDatasetHasNone()
    {
        using var dataset = TestRasters.CreateSequential(2, 2);

        Assert.Null(dataset.GeoTransform);
        Assert.Null(dataset.GetSpatialReference());
        Assert.Equal(string.Empty, dataset.ProjectionWkt);
    }

    [Fact]
    public void GeoTransformAndSrs_RoundTrip_ThroughGeoTiff()
    {
        var path = TestRasters.VsiPath("geo.tif");
        var transform = new GeoTransform(300000, 30, 0, 7460000, 0, -30);
        try
        {
            using (var created = GdalDataset.Create("GTiff", path, 8, 8, 1, GdalDataType.Byte))
            {
                created.GeoTransform = transform;
                using var utm = SpatialReference.FromEpsg(32723);
                created.SetSpatialReference(utm);
                created.Close();
            }

            using var reopened = GdalDataset.Open(path);
            Assert.Equal(transform, reopened.GeoTransform);
            using var srs = reopened.GetSpatialReference();
            Assert.NotNull(srs);
            Assert.Equal(32723, srs!.Epsg);
            Assert.Contains("UTM zone 23S", reopened.ProjectionWkt, StringComparison.Ordinal);
        }
        finally
        {
            VsiMem.DeleteDirectory(Path.GetDirectoryName(path)!);
        }
    }

    [Fact]
    public void GeoTransform_Setter_Throws_WhenNull()
    {
        using var dataset = TestRasters.CreateSequential(2, 2);

        Assert.Throws<ArgumentNullException>(() => dataset.GeoTransform = null);
    }

    [Fact]
    public void Info_Json_ParsesAndShowsSize()
    {
        using var dataset = TestRasters.CreateGeoreferenced(12, 9);

        using var json = JsonDocument.Parse(dataset.Info(["-json"]));

        var size = json.RootElement.GetProperty("size");
        Assert.Equal(12, size[0].GetInt32());
        Assert.Equal(9, size[1].GetInt32());
    }

    [Fact]
    public void Info_ThrowsWithGdalMessage_WhenOptionUnknown()
    {
        using var dataset = TestRasters.CreateSequential(2, 2);

        var ex = Assert.Throws<GdalException>(() => dataset.Info(["-bogus"]));

        Assert.Contains("-bogus", ex.GdalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_SetAndGet_InDefaultAndNamedDomains()
    {
        using var dataset = TestRasters.CreateSequential(2, 2);

        dataset.SetMetadataItem("SCENE", "CBERS4_MUX_123");
        dataset.SetMetadataItem("SUN_ELEVATION", "54.2", "EARTHDATA");

        Assert.Equal("CBERS4_MUX_123", dataset.GetMetadataItem("SCENE"));
        Assert.Equal("54.2", dataset.GetMetadata("EARTHDATA")["SUN_ELEVATION"]);
        Assert.Null(dataset.GetMetadataItem("MISSING"));
    }

    [Fact]
    public void GetFileList_ListsTheTiff()
    {
        var path = TestRasters.VsiPath("list.tif");
        try
        {
            using var dataset = GdalDataset.Create("GTiff", path, 2, 2, 1, GdalDataType.Byte);

            Assert.Contains(path, dataset.GetFileList());
            Assert.Equal(path, dataset.Path);
        }
        finally
        {
            VsiMem.DeleteDirectory(Path.GetDirectoryName(path)!);
        }
    }

    [Fact]
    public void Members_ThrowObjectDisposed_AfterDispose()
    {
        var dataset = TestRasters.CreateSequential(2, 2);
        var band = dataset.GetBand(1);
        dataset.Dispose();

        Assert.Throws<ObjectDisposedException>(() => dataset.Width);
        Assert.Throws<ObjectDisposedException>(() => dataset.GetBand(1));
        Assert.Throws<ObjectDisposedException>(() => band.Read(0, 0, 2, 2, new byte[4]));
        Assert.Throws<ObjectDisposedException>(() => band.NoDataValue);
        Assert.Throws<ObjectDisposedException>(() => band.ComputeStatistics(false));
    }

    [Fact]
    public void Close_IsIdempotent_AndMarksClosed()
    {
        var dataset = TestRasters.CreateSequential(2, 2);

        dataset.Close();
        dataset.Close();
        dataset.Dispose();

        Assert.True(dataset.IsClosed);
    }

    [Fact]
    public void BuildOverviews_AddsOverviews_AndReportsProgress()
    {
        using var dataset = TestRasters.CreateSequential(64, 64, type: GdalDataType.Float32);
        var progress = new TestRasters.SyncProgress();

        dataset.BuildOverviews("AVERAGE", [2, 4], progress);

        var band = dataset.GetBand(1);
        Assert.Equal(2, band.OverviewCount);
        Assert.Equal((32, 32), (band.GetOverview(0).Width, band.GetOverview(0).Height));
        Assert.Equal(16, band.GetOverview(1).Width);
        Assert.NotEmpty(progress.Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => band.GetOverview(2));
    }

    [Fact]
    public void BuildOverviews_Throws_WhenFactorInvalidOrResamplingUnknown()
    {
        using var dataset = TestRasters.CreateSequential(16, 16);

        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.BuildOverviews("AVERAGE", [1]));
        Assert.Throws<ArgumentException>(() => dataset.BuildOverviews("AVERAGE", []));
        Assert.Throws<GdalException>(() => dataset.BuildOverviews("NOT_A_METHOD", [2]));
    }

    [Fact]
    public void BuildOverviews_ThrowsOperationCanceled_WhenTokenCancelled()
    {
        using var dataset = TestRasters.CreateSequential(64, 64);
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => dataset.BuildOverviews("NEAREST", [2], new TestRasters.SyncProgress(cts), cts.Token));
    }

    [Fact]
    public void Close_ThrowsWriteFailure_EvenWhenAnotherCallerStillHoldsTheDataset()
    {
        using var dataset = GdalDataset.Create("GTiff", "/dev/full", 512, 512, 1, GdalDataType.Byte);
        dataset.GetBand(1).Fill(7);
        var lease = dataset.Lease();
        try
        {
            Assert.Throws<GdalException>(dataset.Close);
            Assert.True(dataset.IsClosed);
            Assert.Throws<ObjectDisposedException>(() => dataset.Width);
        }
        finally
        {
            lease.Dispose();
        }
    }

    [Fact]
    public void Close_ThrowsWriteFailure_WhenTheDeviceIsFull()
    {
        using var dataset = GdalDataset.Create("GTiff", "/dev/full", 512, 512, 1, GdalDataType.Byte);
        dataset.GetBand(1).Fill(7);

        Assert.Throws<GdalException>(dataset.Close);
    }
}
