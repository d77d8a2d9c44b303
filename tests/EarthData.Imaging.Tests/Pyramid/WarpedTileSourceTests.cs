using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Pyramid;
using EarthData.Samples;

namespace EarthData.Imaging.Tests.Pyramid;

public sealed class WarpedTileSourceTests : IDisposable
{
    private readonly PyramidTestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Open_UtmRaster_IsAlignedAtTheCogWritersZoomWithOneBlockPerTile()
    {
        var utm = Utm("utm.tif", nodata: 0);
        var cog = AlignedCogSource.Write(utm, _data.PathOf("cog.tif"), _data.Directory, false, 1);

        using var source = WarpedTileSource.Open(utm, _data.Directory, lastBandIsAlpha: false);
        using var warped = GdalDataset.Open(source.Path);
        using var statistics = GdalDataset.Open(source.StatisticsPath);

        Assert.True(AlignedCogSource.IsAligned(warped));
        Assert.Equal(cog.NativeZoom, source.NativeZoom);
        Assert.Equal((256, 256), warped.GetBand(1).BlockSize);
        Assert.Equal(0, warped.Width % 256);
        Assert.Equal(0, warped.Height % 256);
        Assert.Equal(3, warped.BandCount);
        Assert.Equal(0, warped.GetBand(1).NoDataValue);
        Assert.Equal(3, statistics.BandCount);
        Assert.Equal(300, statistics.Width);
        var gt = warped.GeoTransform!.Value;
        Assert.True(gt.OriginX <= cog.Bounds.MinX + 1e-6 && gt.OriginY >= cog.Bounds.MaxY - 1e-6);
    }

    [Fact]
    public void Tiles_FromTheWarpedSource_MatchTilesFromTheCogOfTheSameScene()
    {
        // The Int16 WFI scene folder through both routes: the COG writer's single warp and the per-tile warped VRT.
        var (scene, cogPath, _, renderer) = WfiSceneWithCog();

        var viaCog = new MemoryTileSink();
        var viaWarp = new MemoryTileSink();
        var options = new PyramidOptions { Threads = 2 };
        PyramidBuilder.Build(cogPath, renderer, options, viaCog);
        using (var source = WarpedTileSource.Open(scene, _data.Directory, lastBandIsAlpha: false))
        {
            PyramidBuilder.Build(source.Path, renderer, options with { ReadCoverage = false }, viaWarp);
        }

        AssertSameTilesWithinTheApproximateTransformer(viaCog, viaWarp);
    }

    [Fact]
    public void OpenForLayer_TrueColorOfAFourBandScene_WarpsOnlyTheThreeBandsItDraws()
    {
        var (scene, cogPath, _, renderer) = WfiSceneWithCog();
        var viaCog = new MemoryTileSink();
        var viaWarp = new MemoryTileSink();
        var options = new PyramidOptions { Threads = 2 };
        PyramidBuilder.Build(cogPath, renderer, options, viaCog);

        var (source, layerRenderer) = WarpedTileSource.OpenForLayer(scene, _data.Directory, LayerDefinition.TrueColor, "CBERS4A-WFI");
        using (source)
        {
            using (var warped = GdalDataset.Open(source.Path))
            {
                Assert.Equal(3, warped.BandCount);
            }

            Assert.Equal([3, 2, 1], layerRenderer.Bands);
            Assert.Equal([1, 2, 3], layerRenderer.ReadBands);
            // The COG's stretch, so that only the band subset differs between the two routes.
            PyramidBuilder.Build(source.Path, renderer.Remapped([1, 2, 3]), options with { ReadCoverage = false }, viaWarp);
        }

        AssertSameTilesWithinTheApproximateTransformer(viaCog, viaWarp);
    }

    [Fact]
    public void Open_WithAMaximumZoomBelowNative_AveragesStraightToThatZoomAndMatchesTheCogsOverviewTiles()
    {
        // The COG route warps at native and averages down; the warped source averages source pixels at the coarser zoom.
        var (scene, cogPath, native, renderer) = WfiSceneWithCog();

        var viaCog = new MemoryTileSink();
        var viaWarp = new MemoryTileSink();
        var options = new PyramidOptions { MinZoom = native - 2, MaxZoom = native - 1, Threads = 2 };
        PyramidBuilder.Build(cogPath, renderer, options, viaCog);
        using (var source = WarpedTileSource.Open(scene, _data.Directory, lastBandIsAlpha: false, maxZoom: native - 1))
        {
            using var warped = GdalDataset.Open(source.Path);
            Assert.Equal(native, source.NativeZoom);
            Assert.Equal(native - 1, source.WarpZoom);
            Assert.Equal(WebMercatorQuad.Resolution(native - 1), warped.GeoTransform!.Value.PixelWidth, 6);
            PyramidBuilder.Build(source.Path, renderer, options with { ReadCoverage = false }, viaWarp);
        }

        Assert.NotEmpty(viaCog.Tiles);
        Assert.True(viaCog.Tiles.Keys.ToHashSet().SetEquals(viaWarp.Tiles.Keys), $"{viaCog.Tiles.Count} tiles via the COG, {viaWarp.Tiles.Count} via the warped VRT");
        double absSum = 0;
        long opaque = 0, pixels = 0, alphaDiffer = 0;
        foreach (var tile in viaCog.Tiles.Keys)
        {
            var a = PyramidTestData.Decode(viaCog.Tiles[tile]);
            var b = PyramidTestData.Decode(viaWarp.Tiles[tile]);
            for (var i = 0; i < a.Length; i += 4)
            {
                pixels++;
                alphaDiffer += (a[i + 3] >= 128) != (b[i + 3] >= 128) ? 1 : 0;
                if (a[i + 3] == 255 && b[i + 3] == 255)
                {
                    opaque++;
                    absSum += Math.Abs(a[i] - b[i]) + Math.Abs(a[i + 1] - b[i + 1]) + Math.Abs(a[i + 2] - b[i + 2]);
                }
            }
        }

        Assert.InRange((double)alphaDiffer / pixels, 0, 0.005); // measured 0.09 %
        Assert.InRange(absSum / (3.0 * opaque), 0, 1.5); // measured 0.60 DN
    }

    [Fact]
    public void Open_SourceWithoutNodata_GetsAnAlphaBandSoTheCollarIsTransparent()
    {
        var utm = Utm("no-nodata.tif", nodata: null);

        using var source = WarpedTileSource.Open(utm, _data.Directory, lastBandIsAlpha: false);
        using var warped = GdalDataset.Open(source.Path);
        var alpha = warped.GetBand(4);
        var corner = new byte[16 * 16];
        alpha.Read(0, 0, 16, 16, corner.AsSpan(), 16, 16);
        var centre = new byte[16 * 16];
        alpha.Read((warped.Width / 2) - 8, (warped.Height / 2) - 8, 16, 16, centre.AsSpan(), 16, 16);

        Assert.Equal(ColorInterpretation.Alpha, alpha.ColorInterpretation);
        Assert.All(corner, v => Assert.Equal(0, v));
        Assert.All(centre, v => Assert.Equal(255, v));
    }

    [Fact]
    public void Open_FourBandRasterAsGdal2tilesReadsIt_KeepsBandFourAsAlpha()
    {
        var utm = Utm("rgba.tif", nodata: null, bands: 4);

        using var source = WarpedTileSource.Open(utm, _data.Directory, lastBandIsAlpha: true);
        using var warped = GdalDataset.Open(source.Path);

        Assert.Equal(4, warped.BandCount);
        Assert.Equal(ColorInterpretation.Alpha, warped.GetBand(4).ColorInterpretation);
    }

    [Fact]
    public void Open_RasterWithoutGeoreferencing_FailsSayingSo()
    {
        var path = _data.PathOf("plain.tif");
        using (var ds = GdalDataset.Create("GTiff", path, 32, 32, 1, GdalDataType.Byte))
        {
            ds.Close();
        }

        var ex = Assert.Throws<ArgumentException>(() => WarpedTileSource.Open(path, _data.Directory, lastBandIsAlpha: false));
        Assert.Contains("georeferencing", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertSameTilesWithinTheApproximateTransformer(MemoryTileSink viaCog, MemoryTileSink viaWarp)
    {
        Assert.NotEmpty(viaCog.Tiles);
        Assert.True(viaCog.Tiles.Keys.ToHashSet().SetEquals(viaWarp.Tiles.Keys), $"{viaCog.Tiles.Count} tiles via the COG, {viaWarp.Tiles.Count} via the warped VRT");
        long pixels = 0, alphaDiffer = 0, valueDiffer = 0;
        foreach (var tile in viaCog.Tiles.Keys)
        {
            var a = PyramidTestData.Decode(viaCog.Tiles[tile]);
            var b = PyramidTestData.Decode(viaWarp.Tiles[tile]);
            for (var i = 0; i < a.Length; i += 4)
            {
                pixels++;
                alphaDiffer += a[i + 3] != b[i + 3] ? 1 : 0;
                if (a[i + 3] == 255 && b[i + 3] == 255)
                {
                    // Chunked vs per-tile warps interpolate GDAL's approximate transformer over other spans (≤ 0.125 px).
                    valueDiffer += Math.Abs(a[i] - b[i]) > 4 || Math.Abs(a[i + 1] - b[i + 1]) > 4 || Math.Abs(a[i + 2] - b[i + 2]) > 4 ? 1 : 0;
                }
            }
        }

        Assert.InRange((double)alphaDiffer / pixels, 0, 0.005);
        Assert.InRange((double)valueDiffer / pixels, 0, 0.001);
    }

    /// <summary>A small generated CBERS-4A WFI scene (Int16), its COG through the COG writer and a true-colour renderer of it.</summary>
    private (string Scene, string Cog, int NativeZoom, LayerRenderer Renderer) WfiSceneWithCog()
    {
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = _data.PathOf("archive"), Collection = "CBERS4A-WFI", Scale = 0.05,
        }).Scenes[0];
        var cogPath = _data.PathOf("wfi.tif");
        var native = AlignedCogSource.Write(scene.Directory, cogPath, _data.Directory, false, 2).NativeZoom;
        using var cog = GdalDataset.Open(cogPath);
        return (scene.Directory, cogPath, native, LayerRenderer.Create(cog, LayerDefinition.TrueColor));
    }

    /// <summary>A 300×200 Byte raster in UTM 23S (20 m) with a textured pattern; band 4, when asked for, is opaque.</summary>
    private string Utm(string name, double? nodata, int bands = 3)
    {
        var path = _data.PathOf(name);
        using var ds = GdalDataset.Create("GTiff", path, 300, 200, bands, GdalDataType.Byte);
        ds.GeoTransform = new GeoTransform(500000, 20, 0, 8250000, 0, -20);
        using (var srs = SpatialReference.FromEpsg(32723))
        {
            ds.SetSpatialReference(srs);
        }

        var plane = new byte[300 * 200];
        for (var b = 1; b <= bands; b++)
        {
            for (var i = 0; i < plane.Length; i++)
            {
                plane[i] = b == 4 ? (byte)255 : (byte)(1 + ((i * 7 / 300) + (i % 300 * 3) + (b * 40)) % 250);
            }

            var band = ds.GetBand(b);
            band.Write(0, 0, 300, 200, plane.AsSpan());
            if (nodata is { } value)
            {
                band.NoDataValue = value;
            }
        }

        ds.Close();
        return path;
    }
}
