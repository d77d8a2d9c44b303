namespace EarthData.Gdal.Tests;

public sealed class GdalUtilitiesTests
{
    [Fact]
    public void Translate_OutsizeHalf_HalvesSizeAsGeoTiff()
    {
        using var scope = new VsiMemScope();
        using var source = TestRasters.CreateGeoreferenced(64, 48);
        var progress = new TestRasters.SyncProgress();

        using var half = GdalUtilities.Translate(scope.GetPath("half.tif"), source, ["-of", "GTiff", "-outsize", "50%", "50%"], progress);

        Assert.Equal(("GTiff", 32, 24), (half.DriverName, half.Width, half.Height));
        Assert.Equal(60, half.GeoTransform!.Value.PixelWidth, 9);
        Assert.Equal(1.0, progress.Values[^1], 6);
    }

    [Fact]
    public void Translate_ThrowsGdalExceptionWithGdalText_WhenOptionUnknown()
    {
        using var source = TestRasters.CreateSequential(4, 4);

        var ex = Assert.Throws<GdalException>(() => GdalUtilities.Translate("/vsimem/never.tif", source, ["-bogus"]));

        Assert.Contains("Unknown option name '-bogus'", ex.GdalMessage, StringComparison.Ordinal);
        Assert.Contains("-bogus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ThrowsOperationCanceled_WhenTokenAlreadyCancelled()
    {
        using var source = TestRasters.CreateSequential(4, 4);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GdalUtilities.Translate(string.Empty, source, ["-of", "MEM"], null, cts.Token));
    }

    [Fact]
    public void Translate_ThrowsOperationCanceled_WhenCancelledDuringCopy()
    {
        using var scope = new VsiMemScope();
        using var source = TestRasters.CreateSequential(256, 256);
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            GdalUtilities.Translate(scope.GetPath("c.tif"), source, ["-of", "GTiff"], new TestRasters.SyncProgress(cts), cts.Token));
    }

    [Fact]
    public void Translate_RethrowsProgressException_WithoutCrossingNativeCode()
    {
        using var source = TestRasters.CreateSequential(64, 64);

        var ex = Assert.Throws<InvalidOperationException>(() =>
            GdalUtilities.Translate(string.Empty, source, ["-of", "MEM"], new ThrowingProgress()));

        Assert.Equal("progress sink failed", ex.Message);
    }

    [Fact]
    public void Warp_ToWebMercator_OutputsEpsg3857()
    {
        using var source = TestRasters.CreateGeoreferenced(64, 64);
        var progress = new TestRasters.SyncProgress();

        using var warped = GdalUtilities.Warp(string.Empty, [source], ["-t_srs", "EPSG:3857", "-r", "bilinear", "-of", "MEM"], progress);

        using var srs = warped.GetSpatialReference();
        Assert.Equal(3857, srs!.Epsg);
        Assert.Equal("MEM", warped.DriverName);
        Assert.True(warped.GeoTransform!.Value.IsNorthUp);
        Assert.True(warped.Width > 0 && warped.Height > 0);
        Assert.NotEmpty(progress.Values);
    }

    [Fact]
    public void Warp_ThrowsGdalExceptionWithGdalText_WhenOptionUnknown()
    {
        using var source = TestRasters.CreateGeoreferenced(8, 8);

        var ex = Assert.Throws<GdalException>(() => GdalUtilities.Warp(string.Empty, [source], ["-of", "MEM", "-bogus"]));

        Assert.Contains("-bogus", ex.GdalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Warp_ThrowsOperationCanceled_WhenCancelledFromProgress()
    {
        using var source = TestRasters.CreateGeoreferenced(256, 256);
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            GdalUtilities.Warp(string.Empty, [source], ["-t_srs", "EPSG:3857", "-of", "MEM"], new TestRasters.SyncProgress(cts), cts.Token));
    }

    [Fact]
    public void Warp_ThrowsOperationCanceled_WhenTokenAlreadyCancelled()
    {
        using var source = TestRasters.CreateGeoreferenced(8, 8);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            GdalUtilities.Warp(string.Empty, [source], ["-of", "MEM"], null, cts.Token));
    }

    [Fact]
    public void Warp_Throws_WhenNoSources()
    {
        Assert.Throws<ArgumentException>(() => GdalUtilities.Warp(string.Empty, [], ["-of", "MEM"]));
    }

    [Fact]
    public void WarpInto_FillsExistingDataset_AndLeavesItOwnedByCaller()
    {
        using var source = TestRasters.CreateGeoreferenced(16, 16);
        var destination = GdalDataset.Create("MEM", string.Empty, 16, 16, 1, GdalDataType.Float32);
        destination.GeoTransform = source.GeoTransform;
        using (var utm = SpatialReference.FromEpsg(32723))
        {
            destination.SetSpatialReference(utm);
        }

        GdalUtilities.WarpInto(destination, [source], ["-r", "near"]);

        var expected = new float[256];
        var actual = new float[256];
        source.GetBand(1).Read(0, 0, 16, 16, (Span<float>)expected);
        destination.GetBand(1).Read(0, 0, 16, 16, (Span<float>)actual);
        Assert.Equal(expected, actual);

        destination.Close();
        Assert.Throws<ObjectDisposedException>(() => GdalUtilities.WarpInto(destination, [source], []));
    }

    [Fact]
    public void BuildVrt_OverTwoAdjacentTiles_SumsWidth()
    {
        using var scope = new VsiMemScope();
        var west = scope.GetPath("west.tif");
        var east = scope.GetPath("east.tif");
        WriteTile(west, 300000);
        WriteTile(east, 300000 + (32 * 30));

        using var mosaic = GdalUtilities.BuildVrt(scope.GetPath("mosaic.vrt"), [west, east], []);

        Assert.Equal(("VRT", 64, 32), (mosaic.DriverName, mosaic.Width, mosaic.Height));
        Assert.Equal(300000, mosaic.GeoTransform!.Value.OriginX);
        var row = new float[64];
        mosaic.GetBand(1).Read(0, 0, 64, 1, (Span<float>)row);
        Assert.Equal(1f, row[0]);
        Assert.Equal(1f, row[32]);
    }

    [Fact]
    public void BuildVrt_FromOpenDatasets_Separate_StacksBands()
    {
        using var scope = new VsiMemScope();
        using var memory = TestRasters.CreateGeoreferenced(8, 8);
        using var a = GdalDataset.CreateCopy("GTiff", scope.GetPath("a.tif"), memory);
        using var b = GdalDataset.CreateCopy("GTiff", scope.GetPath("b.tif"), memory);

        using var stack = GdalUtilities.BuildVrt(scope.GetPath("stack.vrt"), [a, b], ["-separate"]);

        Assert.Equal((8, 8, 2), (stack.Width, stack.Height, stack.BandCount));
    }

    [Fact]
    public void BuildVrt_ThrowsGdalException_WhenOnlySourceMissing()
    {
        using var scope = new VsiMemScope();

        var missing = scope.GetPath("missing.tif");

        var ex = Assert.Throws<GdalException>(() => GdalUtilities.BuildVrt(scope.GetPath("x.vrt"), [missing], []));

        Assert.Contains(missing, ex.GdalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildVrt_ThrowsGdalException_WhenOptionUnknown()
    {
        using var scope = new VsiMemScope();
        var tile = scope.GetPath("t.tif");
        WriteTile(tile, 0);

        var bogus = Assert.Throws<GdalException>(() => GdalUtilities.BuildVrt(scope.GetPath("x.vrt"), [tile], ["-bogus"]));
        Assert.Contains("-bogus", bogus.GdalMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GdalUtilities.BuildVrt(scope.GetPath("y.vrt"), Array.Empty<string>(), []));
    }

    private sealed class ThrowingProgress : IProgress<double>
    {
        public void Report(double value) => throw new InvalidOperationException("progress sink failed");
    }

    private static void WriteTile(string path, double originX)
    {
        using var tile = GdalDataset.Create("GTiff", path, 32, 32, 1, GdalDataType.Float32);
        tile.GeoTransform = new GeoTransform(originX, 30, 0, 7460000, 0, -30);
        using var utm = SpatialReference.FromEpsg(32723);
        tile.SetSpatialReference(utm);
        tile.GetBand(1).Fill(1);
        tile.Close();
    }
}
