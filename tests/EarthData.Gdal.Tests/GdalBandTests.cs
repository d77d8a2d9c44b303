namespace EarthData.Gdal.Tests;

public sealed class GdalBandTests
{
    [Fact]
    public void NoDataValue_SetGetDelete()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, type: GdalDataType.Int16);
        var band = dataset.GetBand(1);
        Assert.Null(band.NoDataValue);

        band.NoDataValue = -9999;
        Assert.Equal(-9999, band.NoDataValue);
        Assert.Equal(MaskFlags.NoData, band.MaskFlags);

        band.DeleteNoDataValue();
        Assert.Null(band.NoDataValue);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(17)]
    [InlineData(1000)]
    public void ColorInterpretation_ThrowsArgumentOutOfRange_ForValueGdalDoesNotDefine(int value)
    {
        using var dataset = TestRasters.CreateSequential(2, 2);
        var band = dataset.GetBand(1);
        var before = band.ColorInterpretation;

        Assert.Throws<ArgumentOutOfRangeException>(() => band.ColorInterpretation = (ColorInterpretation)value);
        Assert.Equal(before, band.ColorInterpretation);
    }

    [Fact]
    public void Metadata_SetAndGet_InDefaultAndNamedDomains_SurvivesReopeningAGeoTiff()
    {
        var path = TestRasters.VsiPath("band-metadata.tif");
        try
        {
            using (var dataset = GdalDataset.Create("GTiff", path, 2, 2, 2, GdalDataType.Byte))
            {
                var band = dataset.GetBand(2);
                band.SetMetadataItem("COMMON_NAME", "nir");
                band.SetMetadataItem("CENTER_WAVELENGTH", "0.83");
                band.SetMetadataItem("GAIN", "1.5", "EARTHDATA");
                Assert.Empty(dataset.GetBand(1).GetMetadata());
            }

            using var reopened = GdalDataset.Open(path);
            var metadata = reopened.GetBand(2).GetMetadata();
            Assert.Equal(["CENTER_WAVELENGTH", "COMMON_NAME"], metadata.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("nir", metadata["COMMON_NAME"]);
            Assert.Equal("1.5", reopened.GetBand(2).GetMetadata("EARTHDATA")["GAIN"]);
            Assert.Empty(reopened.GetBand(1).GetMetadata());
        }
        finally
        {
            VsiMem.Delete(path);
        }
    }

    [Fact]
    public void ColorInterpretationScaleOffsetDescription_RoundTrip()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, bands: 3);
        var band = dataset.GetBand(2);

        band.ColorInterpretation = ColorInterpretation.Green;
        band.Scale = 0.0001;
        band.Offset = -0.1;
        band.Description = "NIR";

        Assert.Equal(ColorInterpretation.Green, band.ColorInterpretation);
        Assert.Equal(0.0001, band.Scale);
        Assert.Equal(-0.1, band.Offset);
        Assert.Equal("NIR", band.Description);
        Assert.Equal(1.0, dataset.GetBand(1).Scale);
    }

    [Fact]
    public void ComputeStatistics_MatchesGdalInfo_ForOneToSixteen()
    {
        // gdalinfo -stats on the same 4×4 grid of 1..16: min 1, max 16, mean 8.5, stddev 4.6097722286464.
        using var dataset = TestRasters.CreateSequential(4, 4);
        var progress = new TestRasters.SyncProgress();

        var stats = dataset.GetBand(1).ComputeStatistics(approximate: false, progress);

        Assert.Equal(1, stats.Minimum);
        Assert.Equal(16, stats.Maximum);
        Assert.Equal(8.5, stats.Mean, 9);
        Assert.Equal(4.6097722286464, stats.StandardDeviation, 9);
        Assert.NotEmpty(progress.Values);
    }

    [Fact]
    public void ComputeStatistics_ExcludesNoData()
    {
        using var dataset = TestRasters.CreateSequential(4, 4);
        var band = dataset.GetBand(1);
        band.NoDataValue = 16;

        var stats = band.ComputeStatistics(approximate: false);

        Assert.Equal(15, stats.Maximum);
        Assert.Equal(8, stats.Mean, 9);
    }

    [Fact]
    public void ComputeStatistics_ThrowsOperationCanceled_WhenTokenCancelled()
    {
        using var dataset = TestRasters.CreateSequential(64, 64);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => dataset.GetBand(1).ComputeStatistics(false, null, cts.Token));
    }

    [Fact]
    public void ComputeStatistics_ThrowsOperationCanceled_WhenCancelledFromProgress()
    {
        using var dataset = TestRasters.CreateSequential(256, 256);
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            dataset.GetBand(1).ComputeStatistics(false, new TestRasters.SyncProgress(cts), cts.Token));
    }

    [Fact]
    public void GetHistogram_CountsFourValuesPerBucket()
    {
        using var dataset = TestRasters.CreateSequential(4, 4);

        var histogram = dataset.GetBand(1).GetHistogram(0.5, 16.5, 4, includeOutOfRange: false, approximate: false);

        Assert.Equal([4L, 4, 4, 4], histogram);
    }

    [Fact]
    public void GetHistogram_IncludesOutOfRange_OnlyWhenAsked()
    {
        using var dataset = TestRasters.CreateSequential(4, 4);
        var band = dataset.GetBand(1);

        Assert.Equal([4L, 4], band.GetHistogram(4.5, 12.5, 2, includeOutOfRange: false, approximate: false));
        Assert.Equal([8L, 8], band.GetHistogram(4.5, 12.5, 2, includeOutOfRange: true, approximate: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => band.GetHistogram(1, 1, 2, false, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => band.GetHistogram(0, 1, 0, false, false));
    }

    [Fact]
    public void Fill_SetsEveryPixel()
    {
        using var dataset = TestRasters.CreateSequential(3, 3, type: GdalDataType.Float32);
        var band = dataset.GetBand(1);

        band.Fill(42.5);

        var read = new float[9];
        band.Read(0, 0, 3, 3, (Span<float>)read);
        Assert.All(read, v => Assert.Equal(42.5f, v));
    }

    [Fact]
    public void GetMaskBand_IsAllValid_WhenNoNoData()
    {
        using var dataset = TestRasters.CreateSequential(2, 2);
        var mask = dataset.GetBand(1).GetMaskBand();

        var read = new byte[4];
        mask.Read(0, 0, 2, 2, (Span<byte>)read);

        Assert.All(read, v => Assert.Equal(255, v));
        Assert.Equal(MaskFlags.AllValid, dataset.GetBand(1).MaskFlags);
    }

    [Fact]
    public void BlockSize_IsTileSize_ForTiledGeoTiff()
    {
        using var scope = new VsiMemScope();
        using var dataset = GdalDataset.Create("GTiff", scope.GetPath("t.tif"), 64, 64, 1, GdalDataType.Byte, ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16"]);

        Assert.Equal((32, 16), dataset.GetBand(1).BlockSize);
        Assert.Equal((64, 64), (dataset.GetBand(1).Width, dataset.GetBand(1).Height));
    }

    [Fact]
    public void GetOverview_Throws_WhenNoOverviews()
    {
        using var dataset = TestRasters.CreateSequential(2, 2);

        Assert.Equal(0, dataset.GetBand(1).OverviewCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.GetBand(1).GetOverview(0));
    }

    [Fact]
    public void Band_ThrowsObjectDisposed_AfterDatasetClosed()
    {
        var dataset = TestRasters.CreateSequential(2, 2);
        var band = dataset.GetBand(1);
        dataset.Close();

        Assert.Throws<ObjectDisposedException>(() => band.Width);
        Assert.Throws<ObjectDisposedException>(() => band.Fill(1));
        Assert.Throws<ObjectDisposedException>(() => band.GetMaskBand());
        Assert.Throws<ObjectDisposedException>(() => GdalPolygonizer.Polygonize(band));
    }
}
