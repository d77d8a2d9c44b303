namespace EarthData.Gdal.Tests;

public sealed class CreateCopyTests
{
    [Theory]
    [InlineData("PNG", "out.png")]
    [InlineData("WEBP", "out.webp")]
    [InlineData("GTiff", "out.tif")]
    [InlineData("COG", "out.tif")]
    [InlineData("VRT", "out.vrt")]
    public void CreateCopy_WritesReadableCopy_Losslessly(string driver, string fileName)
    {
        using var scope = new VsiMemScope();
        var path = scope.GetPath(fileName);
        using var memory = TestRasters.CreateSequential(16, 16, bands: 3);

        // A file-backed source, so that the VRT copy has a source it can reference.
        using var source = GdalDataset.CreateCopy("GTiff", scope.GetPath("source.tif"), memory);
        source.FlushCache();
        var options = driver == "WEBP" ? new[] { "LOSSLESS=TRUE" } : null;

        using var copy = GdalDataset.CreateCopy(driver, path, source, options);
        copy.Close();
        using var reopened = GdalDataset.Open(path);

        Assert.Equal(driver == "COG" ? "GTiff" : driver, reopened.DriverName);
        var expected = new byte[16 * 16 * 3];
        var actual = new byte[16 * 16 * 3];
        source.Read(0, 0, 16, 16, (Span<byte>)expected, 16, 16);
        reopened.Read(0, 0, 16, 16, (Span<byte>)actual, 16, 16);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void CreateCopy_FailureRepeatingOneMessage_ReportsItOnceWithItsCount()
    {
        // Warping a global geographic grid to Web Mercator fails once per pole row with the same PROJ message.
        using var scope = new VsiMemScope();
        using var global = GdalDataset.Create("MEM", string.Empty, 720, 360, 1, GdalDataType.Byte);
        global.GeoTransform = new GeoTransform(-180, 0.5, 0, 90, 0, -0.5);
        using (var srs = SpatialReference.FromEpsg(4326))
        {
            global.SetSpatialReference(srs);
        }

        var ex = Assert.Throws<GdalException>(() =>
            GdalDataset.CreateCopy("COG", scope.GetPath("global.tif"), global, ["TILING_SCHEME=GoogleMapsCompatible"]));

        var message = ex.GdalMessage ?? string.Empty;
        Assert.Contains("(×", message, StringComparison.Ordinal);
        var parts = message.Split("; ");
        Assert.Equal(parts.Length, parts.Select(p => p.Split(" (×")[0]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void CreateCopy_Mem_KeepsPixels()
    {
        using var source = TestRasters.CreateSequential(4, 4);

        using var copy = GdalDataset.CreateCopy("MEM", string.Empty, source);

        var read = new byte[16];
        copy.GetBand(1).Read(0, 0, 4, 4, (Span<byte>)read);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (byte)i), read);
    }

    [Fact]
    public void CreateCopy_Jpeg_IsReadableWithSameSize()
    {
        using var scope = new VsiMemScope();
        var path = scope.GetPath("out.jpg");
        using var source = TestRasters.CreateSequential(16, 16, bands: 3);

        using (var copy = GdalDataset.CreateCopy("JPEG", path, source, ["QUALITY=90"]))
        {
            copy.Close();
        }

        using var reopened = GdalDataset.Open(path);
        Assert.Equal(("JPEG", 16, 16, 3), (reopened.DriverName, reopened.Width, reopened.Height, reopened.BandCount));
        var bytes = VsiMem.ReadAllBytes(path);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
    }

    [Fact]
    public void CreateCopy_Cog_HasCogLayoutAndOverviews()
    {
        using var scope = new VsiMemScope();
        var path = scope.GetPath("cog.tif");
        using var source = TestRasters.CreateGeoreferenced(1024, 1024);
        var progress = new TestRasters.SyncProgress();

        using (var copy = GdalDataset.CreateCopy("COG", path, source, ["COMPRESS=DEFLATE", "BLOCKSIZE=256"], progress))
        {
            copy.Close();
        }

        using var cog = GdalDataset.Open(path);
        Assert.Equal("COG", cog.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE"));
        Assert.Equal("DEFLATE", cog.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"));
        Assert.Equal((256, 256), cog.GetBand(1).BlockSize);
        Assert.True(cog.GetBand(1).OverviewCount >= 1);
        Assert.Equal(1.0, progress.Values[^1], 6);
    }

    [Fact]
    public void CreateCopy_ThrowsOperationCanceled_WhenTokenCancelledDuringCopy()
    {
        using var scope = new VsiMemScope();
        using var source = TestRasters.CreateSequential(256, 256);
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            GdalDataset.CreateCopy("GTiff", scope.GetPath("c.tif"), source, null, new TestRasters.SyncProgress(cts), cts.Token));
    }

    [Fact]
    public void CreateCopy_ThrowsGdalExceptionWithPath_WhenDirectoryMissing()
    {
        using var source = TestRasters.CreateSequential(4, 4);
        var path = Path.Combine(Path.GetTempPath(), $"earthdata-missing-{Guid.NewGuid():N}", "x.tif");

        var ex = Assert.Throws<GdalException>(() => GdalDataset.CreateCopy("GTiff", path, source));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.GdalMessage);
    }
}
