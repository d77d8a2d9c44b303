namespace EarthData.Gdal.Tests;

public sealed class RasterIOTests
{
    private static void AssertRoundTrip<T>(GdalDataType type, T[] values)
        where T : unmanaged
    {
        var path = TestRasters.VsiPath("rt.tif");
        try
        {
            using (var created = GdalDataset.Create("GTiff", path, 3, 2, 1, type))
            {
                Assert.Equal(type, created.GetBand(1).DataType);
                created.GetBand(1).Write(0, 0, 3, 2, (ReadOnlySpan<T>)values);
                created.Close();
            }

            using var reopened = GdalDataset.Open(path);
            var read = new T[6];
            reopened.GetBand(1).Read(0, 0, 3, 2, (Span<T>)read);
            Assert.Equal(values, read);
        }
        finally
        {
            VsiMem.DeleteDirectory(Path.GetDirectoryName(path)!);
        }
    }

    [Fact]
    public void BandWriteRead_RoundTripsByte_ThroughGeoTiff() =>
        AssertRoundTrip<byte>(GdalDataType.Byte, [0, 1, 127, 128, 254, 255]);

    [Fact]
    public void BandWriteRead_RoundTripsInt16_ThroughGeoTiff() =>
        AssertRoundTrip<short>(GdalDataType.Int16, [short.MinValue, -1, 0, 1, 1234, short.MaxValue]);

    [Fact]
    public void BandWriteRead_RoundTripsUInt16_ThroughGeoTiff() =>
        AssertRoundTrip<ushort>(GdalDataType.UInt16, [0, 1, 1023, 4095, 40000, ushort.MaxValue]);

    [Fact]
    public void BandWriteRead_RoundTripsFloat32_ThroughGeoTiff() =>
        AssertRoundTrip<float>(GdalDataType.Float32, [-1.5f, 0f, 0.25f, 3.1415927f, float.MaxValue, float.NaN]);

    [Fact]
    public void DatasetRead_IsBandSequential_ByDefault()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, bands: 2);
        var buffer = new byte[8];

        dataset.Read(0, 0, 2, 2, (Span<byte>)buffer, 2, 2);

        Assert.Equal([1, 2, 3, 4, 101, 102, 103, 104], buffer);
    }

    [Fact]
    public void DatasetReadPixelInterleaved_InterleavesSelectedBands()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, bands: 3);
        var buffer = new byte[8];

        dataset.ReadPixelInterleaved(0, 0, 2, 2, (Span<byte>)buffer, 2, 2, [3, 1]);

        Assert.Equal([201, 1, 202, 2, 203, 3, 204, 4], buffer);
    }

    [Fact]
    public void DatasetRead_WithExplicitSpacing_ReadsIntoStridedBuffer()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, bands: 1);
        var buffer = new byte[6];

        // Lines padded to 3 bytes.
        dataset.Read(0, 0, 2, 2, (Span<byte>)buffer, 2, 2, default, pixelSpace: 1, lineSpace: 3, bandSpace: 6);

        Assert.Equal([1, 2, 0, 3, 4, 0], buffer);
    }

    [Fact]
    public void DatasetWrite_ThenRead_RoundTripsFloat32OnTwoBands()
    {
        using var dataset = GdalDataset.Create("MEM", string.Empty, 2, 1, 2, GdalDataType.Float32);
        float[] values = [1.5f, 2.5f, -3f, 4f];

        dataset.Write(0, 0, 2, 1, (ReadOnlySpan<float>)values, 2, 1);
        var read = new float[4];
        dataset.Read(0, 0, 2, 1, (Span<float>)read, 2, 1);

        Assert.Equal(values, read);
        var second = new float[2];
        dataset.GetBand(2).Read(0, 0, 2, 1, (Span<float>)second);
        Assert.Equal([-3f, 4f], second);
    }

    [Fact]
    public void BandRead_AverageResampling_GivesBlockMeans()
    {
        using var dataset = TestRasters.CreateSequential(4, 4, type: GdalDataType.Float32);
        var buffer = new float[4];

        dataset.GetBand(1).Read(0, 0, 4, 4, (Span<float>)buffer, 2, 2, ResampleAlgorithm.Average);

        // Values 1..16 row-major: (1+2+5+6)/4, (3+4+7+8)/4, (9+10+13+14)/4, (11+12+15+16)/4.
        Assert.Equal([3.5f, 5.5f, 11.5f, 13.5f], buffer);
    }

    [Fact]
    public void DatasetRead_AverageResampling_GivesBlockMeans()
    {
        using var dataset = TestRasters.CreateSequential(4, 4, type: GdalDataType.Float32);
        var buffer = new double[4];

        dataset.Read(0, 0, 4, 4, (Span<double>)buffer, 2, 2, resampling: ResampleAlgorithm.Average);

        Assert.Equal([3.5, 5.5, 11.5, 13.5], buffer);
    }

    [Fact]
    public void Read_ThrowsOutOfRange_WhenWindowExceedsRaster()
    {
        using var dataset = TestRasters.CreateSequential(4, 4);
        var band = dataset.GetBand(1);
        var buffer = new byte[16];

        Assert.Throws<ArgumentOutOfRangeException>(() => band.Read(1, 0, 4, 4, (Span<byte>)buffer));
        Assert.Throws<ArgumentOutOfRangeException>(() => band.Read(-1, 0, 2, 2, (Span<byte>)buffer));
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Read(0, 3, 4, 2, (Span<byte>)buffer, 4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => band.Read(0, 0, 0, 2, (Span<byte>)buffer));
    }

    [Fact]
    public void Read_ThrowsArgumentException_WhenBufferTooSmall()
    {
        using var dataset = TestRasters.CreateSequential(4, 4, bands: 2);

        Assert.Throws<ArgumentException>(() => dataset.GetBand(1).Read(0, 0, 4, 4, (Span<byte>)new byte[15]));
        Assert.Throws<ArgumentException>(() => dataset.Read(0, 0, 4, 4, (Span<byte>)new byte[31], 4, 4));
        Assert.Throws<ArgumentException>(() => dataset.GetBand(1).Write(0, 0, 2, 2, (ReadOnlySpan<short>)new short[3]));
        Assert.Throws<ArgumentException>(() => dataset.GetBand(1).Read(0, 0, 2, 2, (Span<byte>)new byte[4], 2, 2, pixelSpace: 2, lineSpace: 4));
    }

    [Fact]
    public void Read_ThrowsOutOfRange_WhenBandMapInvalid()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, bands: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Read(0, 0, 2, 2, (Span<byte>)new byte[8], 2, 2, [1, 3]));
    }

    [Fact]
    public void Write_ThrowsGdalException_WhenDatasetReadOnly()
    {
        var path = TestRasters.VsiPath("ro.tif");
        try
        {
            using (var created = GdalDataset.Create("GTiff", path, 2, 2, 1, GdalDataType.Byte))
            {
                created.Close();
            }

            using var readOnly = GdalDataset.Open(path);
            var ex = Assert.Throws<GdalException>(() => readOnly.GetBand(1).Write(0, 0, 2, 2, (ReadOnlySpan<byte>)new byte[4]));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            VsiMem.DeleteDirectory(Path.GetDirectoryName(path)!);
        }
    }

    [Fact]
    public void OpenUpdate_AllowsWriting_ToExistingGeoTiff()
    {
        var path = TestRasters.VsiPath("upd.tif");
        try
        {
            using (var created = GdalDataset.Create("GTiff", path, 2, 2, 1, GdalDataType.Byte))
            {
                created.Close();
            }

            using (var update = GdalDataset.Open(path, GdalAccess.Update))
            {
                update.GetBand(1).Write(0, 0, 2, 2, (ReadOnlySpan<byte>)[9, 8, 7, 6]);
                update.Close();
            }

            using var reopened = GdalDataset.Open(path);
            var read = new byte[4];
            reopened.GetBand(1).Read(0, 0, 2, 2, (Span<byte>)read);
            Assert.Equal([9, 8, 7, 6], read);
        }
        finally
        {
            VsiMem.DeleteDirectory(Path.GetDirectoryName(path)!);
        }
    }
}
