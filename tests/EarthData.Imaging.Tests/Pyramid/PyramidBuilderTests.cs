using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Pyramid;

namespace EarthData.Imaging.Tests.Pyramid;

public sealed class PyramidBuilderTests : IDisposable
{
    private const int Z = PyramidTestData.Zoom;
    private const int X0 = PyramidTestData.TileX;
    private const int Y0 = PyramidTestData.TileY;
    private readonly PyramidTestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Build_NativeTile_EqualsTheAlignedBlockExactly()
    {
        var path = _data.Aligned("a.tif", 512, 512);
        var sink = new MemoryTileSink();

        var result = PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z, MaxZoom = Z, Threads = 1 }, sink);

        Assert.Equal([4], result.TilesPerZoom);
        using var ds = GdalDataset.Open(path);
        var block = new byte[256 * 256 * 3];
        ds.ReadPixelInterleaved(256, 0, 256, 256, block.AsSpan(), 256, 256);
        var tile = sink.Rgba(Z, X0 + 1, Y0);
        for (var i = 0; i < 256 * 256; i++)
        {
            Assert.Equal(block[i * 3], tile[i * 4]);
            Assert.Equal(block[(i * 3) + 1], tile[(i * 4) + 1]);
            Assert.Equal(block[(i * 3) + 2], tile[(i * 4) + 2]);
            Assert.Equal(255, tile[(i * 4) + 3]);
        }
    }

    [Fact]
    public void Build_EdgeTile_IsClippedAndTransparentOutsideTheRaster()
    {
        var path = _data.Aligned("edge.tif", 300, 200, offsetX: 100, offsetY: 50);
        var sink = new MemoryTileSink();

        PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z, MaxZoom = Z, Threads = 1 }, sink);

        Assert.Equal(2, sink.Tiles.Count);
        var tile = sink.Rgba(Z, X0, Y0);
        using var ds = GdalDataset.Open(path);
        var pixel = new byte[3];
        ds.ReadPixelInterleaved(0, 0, 1, 1, pixel.AsSpan(), 1, 1);
        Assert.Equal(0, tile[3]); // (0, 0) lies outside the raster
        var o = ((50 * 256) + 100) * 4;
        Assert.Equal(pixel, tile.AsSpan(o, 3).ToArray());
        Assert.Equal(255, tile[o + 3]);
        Assert.Equal(0, tile[(((50 * 256) + 99) * 4) + 3]);
    }

    [Theory]
    [InlineData(PyramidResampling.Average)]
    [InlineData(PyramidResampling.Near)]
    [InlineData(PyramidResampling.Bilinear)]
    [InlineData(PyramidResampling.Cubic)]
    [InlineData(PyramidResampling.Mode)]
    public void Build_ParentTile_IsTheDownsampleOfItsChildren(PyramidResampling resampling)
    {
        var path = _data.Aligned("p.tif", 512, 512, hole: (x, y) => x + y < 100);
        var sink = new MemoryTileSink();

        PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z - 1, MaxZoom = Z, Resampling = resampling, Threads = 1 }, sink);

        var expected = new byte[TileDownsampler.TileBytes];
        TileDownsampler.Downsample(sink.Rgba(Z, X0, Y0), sink.Rgba(Z, X0 + 1, Y0), sink.Rgba(Z, X0, Y0 + 1), sink.Rgba(Z, X0 + 1, Y0 + 1), expected, resampling);
        Assert.Equal(expected, sink.Rgba(Z - 1, X0 / 2, Y0 / 2));
    }

    [Fact]
    public void Build_FullyTransparentTiles_AreNotWritten()
    {
        // The second column of tiles is entirely nodata.
        var path = _data.Aligned("t.tif", 512, 256, hole: (x, _) => x >= 256);
        var sink = new MemoryTileSink();

        var result = PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z, MaxZoom = Z, Threads = 1 }, sink);

        Assert.True(sink.Tiles.ContainsKey(new TileAddress(Z, X0, Y0)));
        Assert.False(sink.Tiles.ContainsKey(new TileAddress(Z, X0 + 1, Y0)));
        Assert.Equal(1, result.EmptyTilesSkipped);
        Assert.Equal(1, result.TilesWritten);
    }

    [Fact]
    public void Build_IsolatedSinglePixel_IsStillWrittenAtEveryZoom()
    {
        // One valid pixel in a sea of nodata: the coverage pre-check must not skip its tiles.
        var path = _data.Aligned("one.tif", 1024, 1024, hole: (x, y) => !(x == 700 && y == 300));
        var sink = new MemoryTileSink();

        var result = PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z - 2, MaxZoom = Z, Resampling = PyramidResampling.Near, Threads = 1 }, sink);

        Assert.Equal([1, 1, 1], result.TilesPerZoom);
        Assert.Equal(2 + 4 + 16 - 3, result.EmptyTilesSkipped); // row 2222 is odd at z-2: the raster spans 2 tiles there
        var tile = sink.Rgba(Z, X0 + 2, Y0 + 1);
        Assert.Equal(255, tile[((((300 - 256) * 256) + (700 - 512)) * 4) + 3]);
    }

    [Fact]
    public void Build_ZoomAboveNative_UpsamplesEachNativePixelToTwoByTwo()
    {
        var path = _data.Aligned("u.tif", 256, 256);
        var sink = new MemoryTileSink();

        var result = PyramidBuilder.Build(path, LayerDefinition.Raw,
            new PyramidOptions { MinZoom = Z, MaxZoom = Z + 1, Resampling = PyramidResampling.Near, Threads = 1 }, sink);

        Assert.Equal([1, 4], result.TilesPerZoom);
        var native = sink.Rgba(Z, X0, Y0);
        var child = sink.Rgba(Z + 1, (X0 * 2) + 1, (Y0 * 2) + 1); // south-east quarter
        for (var y = 0; y < 256; y += 17)
        {
            for (var x = 0; x < 256; x += 13)
            {
                var c = ((y * 256) + x) * 4;
                var n = ((((y / 2) + 128) * 256) + (x / 2) + 128) * 4;
                Assert.Equal(native.AsSpan(n, 4).ToArray(), child.AsSpan(c, 4).ToArray());
            }
        }
    }

    [Fact]
    public void Build_TwoWorkers_WriteTheSameTilesAsOne()
    {
        var path = _data.Aligned("w.tif", 1100, 900, offsetX: 37, offsetY: 201, hole: (x, y) => (x - 500) * (x - 500) + ((y - 400) * (y - 400)) < 150 * 150);
        var one = new MemoryTileSink();
        var two = new MemoryTileSink();

        PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z - 3, Threads = 1 }, one);
        PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z - 3, Threads = 2 }, two);

        Assert.True(one.Tiles.Count > 20);
        Assert.Equal(one.Tiles.Keys.OrderBy(t => (t.Zoom, t.X, t.Y)), two.Tiles.Keys.OrderBy(t => (t.Zoom, t.X, t.Y)));
        foreach (var (tile, bytes) in one.Tiles)
        {
            Assert.Equal(bytes, two.Tiles[tile]);
        }
    }

    [Fact]
    public void Build_Progress_IsMonotonicAndEndsAtOne()
    {
        var path = _data.Aligned("m.tif", 700, 600, offsetX: 10, offsetY: 10);
        var progress = new RecordingProgress();

        PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z - 2, Threads = 2 }, new MemoryTileSink(), progress);

        Assert.NotEmpty(progress.Values);
        for (var i = 1; i < progress.Values.Count; i++)
        {
            Assert.True(progress.Values[i] > progress.Values[i - 1]);
        }

        Assert.Equal(1.0, progress.Values[^1], 9);
    }

    [Fact]
    public void Build_Cancelled_LeavesNoOutput()
    {
        var path = _data.Aligned("c.tif", 1024, 1024);
        var destination = _data.PathOf("tiles");
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(_ => cts.Cancel());
        string temporary;

        using (var sink = new DirectoryTileSink(destination, "png"))
        {
            temporary = sink.TemporaryDirectory;
            Assert.ThrowsAny<OperationCanceledException>(() =>
                PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z - 2, Threads = 2 }, sink, progress, cts.Token));
        }

        Assert.False(Directory.Exists(destination));
        Assert.False(Directory.Exists(temporary));
        Assert.Single(Directory.GetFileSystemEntries(_data.Directory));
    }

    [Fact]
    public void Build_DirectorySink_WritesXyzTreeOnCommit()
    {
        var path = _data.Aligned("d.tif", 300, 300);
        var destination = _data.PathOf("tree");
        PyramidResult result;
        using (var sink = new DirectoryTileSink(destination, "png"))
        {
            result = PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions { MinZoom = Z - 1, MaxZoom = Z }, sink);
            Assert.False(Directory.Exists(destination));
            sink.Commit();
        }

        Assert.True(File.Exists(Path.Combine(destination, $"{Z}", $"{X0}", $"{Y0}.png")));
        Assert.Equal(result.TilesWritten, Directory.GetFiles(destination, "*.png", SearchOption.AllDirectories).Length);
        Assert.True(result.Bytes > 0);
    }

    [Fact]
    public void Build_UnalignedRaster_ThrowsWithReason()
    {
        using var ds = GdalDataset.Open(_data.Aligned("x.tif", 64, 64));
        var path = _data.PathOf("shifted.tif");
        using (var copy = GdalDataset.CreateCopy("GTiff", path, ds))
        {
            var gt = copy.GeoTransform!.Value;
            copy.GeoTransform = gt with { OriginX = gt.OriginX + 3.3 };
            copy.Close();
        }

        var ex = Assert.Throws<InvalidOperationException>(() =>
            PyramidBuilder.Build(path, LayerDefinition.Raw, new PyramidOptions(), new MemoryTileSink()));
        Assert.Contains("pixel grid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DefaultZoomRange_GoesFromAboutOneTileToNative()
    {
        var path = _data.Aligned("z.tif", 600, 600);

        var (min, max, native) = PyramidBuilder.ResolveZoomRange(path, null, null);

        Assert.Equal(Z, native);
        Assert.Equal(Z, max);
        Assert.Equal(Z - 2, min); // 600 px ≈ 2.3 tiles → fits one tile two zooms up
    }
}
