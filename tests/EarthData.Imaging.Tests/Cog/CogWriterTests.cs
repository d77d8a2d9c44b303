using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Tests.Cog;

public sealed class CogWriterTests(CogScenesFixture scenes) : IClassFixture<CogScenesFixture>, IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("earthdata-cog-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Write_PlainUtmGeoTiff_GivesAValidCogOnTheWebMercatorGrid()
    {
        var source = TestRasters.PlainUtm(_output);
        var destination = Path.Combine(_output, "plain.tif");

        var result = CogWriter.Write(new CogRequest { Source = source, Destination = destination });

        // 30 m near 23.5° S is about 32.7 m in EPSG:3857: zoom 13 (19.1 m) is the first as fine.
        Assert.Equal(13, result.NativeZoom);
        Assert.True(result.MinZoom < result.NativeZoom);
        using (var cog = GdalDataset.Open(destination))
        {
            CogAssert.IsOnWebMercatorGrid(cog, result.NativeZoom);
            Assert.True(cog.GetBand(1).OverviewCount >= 1);
            Assert.Equal(result.NativeZoom - result.MinZoom, cog.GetBand(1).OverviewCount);
            Assert.Equal("ZSTD", cog.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"));

            // Without nodata GDAL masks the collar with an alpha band.
            Assert.Equal(4, cog.BandCount);
            Assert.Equal(ColorInterpretation.Alpha, cog.GetBand(4).ColorInterpretation);
        }

        CogAssert.PassesGdalValidator(destination);
        Assert.Equal(new FileInfo(destination).Length, result.FileSize);
        Assert.Single(Directory.GetFiles(_output, "*.tif"), f => f == destination);
        Assert.Empty(Directory.GetFiles(_output, "*.tmp*"));
        Assert.InRange(result.GeographicBounds.MinY, -25, -22);
        Assert.InRange(result.GeographicBounds.MinX, -48, -46);
    }

    [Fact]
    public void Write_GlobalGeographicGrid_ClipsToWebMercatorLatitudesInsteadOfFailingAtThePoles()
    {
        // A 0.5° global grid: rows beyond ±85.0511° have no EPSG:3857 coordinates.
        var source = Path.Combine(_output, "global.tif");
        using (var ds = GdalDataset.Create("GTiff", source, 720, 360, 1, GdalDataType.Byte))
        {
            ds.GeoTransform = new GeoTransform(-180, 0.5, 0, 90, 0, -0.5);
            using var srs = SpatialReference.FromEpsg(4326);
            ds.SetSpatialReference(srs);
            ds.GetBand(1).Fill(100);
            ds.Close();
        }

        var destination = Path.Combine(_output, "global-cog.tif");
        var result = CogWriter.Write(new CogRequest { Source = source, Destination = destination });

        CogAssert.PassesGdalValidator(destination);
        Assert.InRange(result.GeographicBounds.MaxY, 84.5, 85.0512);
        Assert.InRange(result.GeographicBounds.MinY, -85.0512, -84.5);
        Assert.InRange(result.GeographicBounds.MinX, -180.0001, -179.9);
    }

    [Fact]
    public void Write_WithoutOverviews_GivesAValidCogWithNone_ForScratchCogsThatFeedAPyramid()
    {
        var source = TestRasters.PlainUtm(_output);
        var destination = Path.Combine(_output, "scratch.tif");

        var result = CogWriter.Write(new CogRequest { Source = source, Destination = destination, Overviews = false });

        using (var cog = GdalDataset.Open(destination))
        {
            CogAssert.IsOnWebMercatorGrid(cog, result.NativeZoom);
            Assert.Equal(0, cog.GetBand(1).OverviewCount);
        }

        CogAssert.PassesGdalValidator(destination);
    }

    [Fact]
    public void Write_MuxScene_StacksFourBandsInCameraOrder_WithNodataOutsideTheFootprint()
    {
        var destination = Path.Combine(_output, "mux.tif");

        var result = CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = destination });

        Assert.Equal(["blue", "green", "red", "nir"], result.BandDescriptions);
        Assert.Equal("Byte", result.DataType);
        Assert.Equal(CogOutput.Dn, result.Output);
        Assert.Null(result.RadiometryNote);
        Assert.Equal(Path.GetFileName(scenes.Mux), result.SceneId);
        using (var cog = GdalDataset.Open(destination))
        {
            CogAssert.IsOnWebMercatorGrid(cog, result.NativeZoom);
            Assert.Equal(4, cog.BandCount);
            Assert.Equal(0, cog.GetBand(1).NoDataValue);
            Assert.Equal(ColorInterpretation.Blue, cog.GetBand(1).ColorInterpretation);
            Assert.Equal(ColorInterpretation.Red, cog.GetBand(3).ColorInterpretation);
            Assert.Equal(Path.GetFileName(scenes.Mux), cog.GetMetadataItem("SCENE_ID"));
            Assert.NotNull(cog.GetMetadataItem("SUN_ELEVATION"));
            Assert.EndsWith("Z", cog.GetMetadataItem("DATETIME"), StringComparison.Ordinal);
        }

        CogAssert.PassesGdalValidator(destination);
        var files = ArchiveLayout.Locate(scenes.Mux);
        CogAssert.NodataOutsideFootprint(destination, files.Band(5).TiffPath);
    }

    [Fact]
    public void Write_WfiScene_KeepsInt16AndNodataOutsideTheFootprint()
    {
        var destination = Path.Combine(_output, "wfi.tif");

        var result = CogWriter.Write(new CogRequest { Source = scenes.Wfi, Destination = destination });

        Assert.Equal(4, result.BandDescriptions.Count);
        Assert.Equal("Int16", result.DataType);
        CogAssert.PassesGdalValidator(destination);
        CogAssert.NodataOutsideFootprint(destination, ArchiveLayout.Locate(scenes.Wfi).Band(13).TiffPath);
    }

    [Fact]
    public void Write_BandSubset_KeepsTheRequestedOrder()
    {
        var destination = Path.Combine(_output, "subset.tif");

        var result = CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = destination, Bands = [8, 7, 6] });

        Assert.Equal(["nir", "red", "green"], result.BandDescriptions);
    }

    [Fact]
    public void Write_WhenCancelled_ThrowsAndLeavesNoFile()
    {
        var destination = Path.Combine(_output, "cancelled.tif");
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(v =>
        {
            if (v > 0.05)
            {
                cts.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = destination }, progress, cts.Token));

        Assert.Empty(Directory.GetFileSystemEntries(_output));
    }

    [Fact]
    public void Write_ReportsMonotonicProgressEndingAtOne()
    {
        var values = new List<double>();

        CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = Path.Combine(_output, "progress.tif") }, new SynchronousProgress(values.Add));

        Assert.NotEmpty(values);
        Assert.Equal(1, values[^1]);
        for (var i = 1; i < values.Count; i++)
        {
            Assert.True(values[i] >= values[i - 1], $"progress went from {values[i - 1]} to {values[i]}");
        }
    }

    [Fact]
    public void Write_ReplacesAnExistingDestinationOnlyOnSuccess()
    {
        var destination = Path.Combine(_output, "existing.tif");
        File.WriteAllText(destination, "old");

        Assert.ThrowsAny<Exception>(() => CogWriter.Write(new CogRequest { Source = Path.Combine(_output, "missing.tif"), Destination = destination }));
        Assert.Equal("old", File.ReadAllText(destination));

        CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = destination });
        using var cog = GdalDataset.Open(destination);
        Assert.Equal(4, cog.BandCount);
    }

    [Fact]
    public void Write_WpmScene_DefaultsToTheMultispectralBands_AndPanOnRequest()
    {
        var ms = CogWriter.Write(new CogRequest { Source = scenes.Wpm, Destination = Path.Combine(_output, "wpm-ms.tif") });
        var pan = CogWriter.Write(new CogRequest { Source = scenes.Wpm, Destination = Path.Combine(_output, "wpm-pan.tif"), Bands = [0] });

        Assert.Equal(["blue", "green", "red", "nir"], ms.BandDescriptions);
        Assert.Equal(["pan"], pan.BandDescriptions);
        Assert.True(pan.NativeZoom > ms.NativeZoom);
        Assert.Throws<ArgumentException>(() =>
            CogWriter.Write(new CogRequest { Source = scenes.Wpm, Destination = Path.Combine(_output, "wpm-mixed.tif"), Bands = [0, 1] }));
    }

    [Theory]
    [InlineData("--resampling", "bogus", "average")]
    [InlineData("--overview-resampling", "bilinear", "bogus")]
    public void Write_RejectsUnknownResampling(string option, string warp, string overview)
    {
        var ex = Assert.Throws<ArgumentException>(() => CogWriter.Write(new CogRequest
        {
            Source = scenes.Mux, Destination = Path.Combine(_output, "x.tif"), WarpResampling = warp, OverviewResampling = overview,
        }));
        Assert.StartsWith(option, ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_output));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
