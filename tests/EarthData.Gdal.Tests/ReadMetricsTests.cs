using EarthData.Testing;

namespace EarthData.Gdal.Tests;

public sealed class ReadMetricsTests
{
    [Fact]
    public void MeterNames_AreTheOnesTheTestCounterListensTo()
    {
        Assert.Equal(GdalReadMetrics.MeterName, GdalPixelReads.MeterName);
        Assert.Equal(GdalReadMetrics.PixelsReadName, GdalPixelReads.InstrumentName);
    }

    [Fact]
    public void Reads_AreCountedPerPathAndLevel()
    {
        var path = TestRasters.VsiPath("metrics.tif");
        try
        {
            using (var created = GdalDataset.Create("GTiff", path, 512, 256, 2, GdalDataType.Byte, ["TILED=YES"]))
            {
                created.GetBand(1).Fill(7);
                created.BuildOverviews("NEAREST", [2]);
                created.Close();
            }

            using var reads = new GdalPixelReads(path);
            using var other = TestRasters.CreateSequential(64, 64);
            using var dataset = GdalDataset.Open(path);
            var buffer = new byte[512 * 256 * 2];
            dataset.Read<byte>(0, 0, 512, 256, buffer, 512, 256);
            dataset.GetBand(1).Read<byte>(0, 0, 100, 10, buffer);
            dataset.GetBand(1).Read<byte>(0, 0, 512, 256, buffer, 64, 32);
            dataset.GetBand(1).GetOverview(0).Read<byte>(0, 0, 10, 10, buffer);
            dataset.GetBand(2).GetMaskBand().Read<byte>(0, 0, 5, 5, buffer);
            other.GetBand(1).Read<byte>(0, 0, 64, 64, buffer);

            Assert.Equal((512L * 256 * 2) + (100 * 10), reads.Full);
            Assert.Equal(64 * 32, reads.Reduced);
            Assert.Equal(100 + 25, reads.Derived);
        }
        finally
        {
            VsiMem.DeleteDirectory(Path.GetDirectoryName(path)!);
        }
    }

    [Fact]
    public void GetDataCoverage_TellsSparseBlocksFromWrittenOnes_InATiledGeoTiff()
    {
        var path = TestRasters.VsiPath("sparse.tif");
        try
        {
            using (var created = GdalDataset.Create("GTiff", path, 512, 256, 1, GdalDataType.Byte,
                ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE"]))
            {
                created.GetBand(1).Write<byte>(256, 0, 256, 256, Enumerable.Repeat((byte)9, 256 * 256).ToArray());
                created.Close();
            }

            using var dataset = GdalDataset.Open(path);
            var band = dataset.GetBand(1);

            Assert.Equal(DataCoverage.Empty, band.GetDataCoverage(0, 0, 256, 256));
            Assert.Equal(DataCoverage.Data, band.GetDataCoverage(256, 0, 256, 256));
            Assert.Equal(DataCoverage.Data | DataCoverage.Empty, band.GetDataCoverage(0, 0, 512, 256));
            using var memory = TestRasters.CreateSequential(8, 8);
            Assert.True(memory.GetBand(1).GetDataCoverage(0, 0, 8, 8).HasFlag(DataCoverage.Data));
        }
        finally
        {
            VsiMem.DeleteDirectory(Path.GetDirectoryName(path)!);
        }
    }
}
