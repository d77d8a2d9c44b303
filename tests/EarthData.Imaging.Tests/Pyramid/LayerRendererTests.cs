using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Pyramid;

namespace EarthData.Imaging.Tests.Pyramid;

public sealed class LayerRendererTests : IDisposable
{
    private readonly PyramidTestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void TrueColor_OfFourBandBlueGreenRedNirScene_IsOpaqueAndUsesTheRedBand()
    {
        // gdal2tiles would take band 4 (NIR) as alpha here; we pick bands by name.
        var path = _data.Aligned("bgrn.tif", 256, 256, bands: 4, descriptions: ["blue", "green", "red", "nir"]);
        using var ds = GdalDataset.Open(path);

        var renderer = LayerRenderer.Create(ds, LayerDefinition.TrueColor);
        var rgba = new byte[TileDownsampler.TileBytes];
        var visible = renderer.Render(ds, new TileWindow(0, 0, 256, 256, 0, 0, 256, 256, ResampleAlgorithm.Average), rgba);

        Assert.True(visible);
        Assert.Equal([3, 2, 1], renderer.Bands);
        for (var i = 3; i < rgba.Length; i += 4)
        {
            Assert.Equal(255, rgba[i]);
        }
    }

    [Fact]
    public void Remapped_ToTheBandsItReads_RenumbersThemAndRefusesToDropOne()
    {
        var path = _data.Aligned("fc-remap.tif", 64, 64, bands: 4, descriptions: ["blue", "green", "red", "nir"]);
        using var ds = GdalDataset.Open(path);
        var falseColor = LayerRenderer.Create(ds, LayerDefinition.FalseColor);

        var remapped = falseColor.Remapped(falseColor.ReadBands);

        Assert.Equal([2, 3, 4], falseColor.ReadBands);
        Assert.Equal([3, 2, 1], remapped.Bands);
        Assert.Equal(falseColor.Stretches, remapped.Stretches);
        Assert.Throws<ArgumentException>(() => falseColor.Remapped([2, 3]));
    }

    [Fact]
    public void FalseColor_PicksNirRedGreen()
    {
        var path = _data.Aligned("fc.tif", 64, 64, bands: 4, descriptions: ["blue", "green", "red", "nir"]);
        using var ds = GdalDataset.Open(path);

        Assert.Equal([4, 3, 2], LayerRenderer.Create(ds, LayerDefinition.FalseColor).Bands);
    }

    [Fact]
    public void TrueColor_WithoutBandNames_FailsNamingWhatIsMissing()
    {
        var path = _data.Aligned("plain.tif", 64, 64);
        using var ds = GdalDataset.Open(path);

        var ex = Assert.Throws<InvalidOperationException>(() => LayerRenderer.Create(ds, LayerDefinition.TrueColor));
        Assert.Contains("'red'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrueColor_FromCameraCatalogue_WhenTheCollectionIsKnown()
    {
        var path = _data.Aligned("mux.tif", 64, 64, bands: 4);
        using var ds = GdalDataset.Open(path);

        // CBERS-4 MUX bands 5, 6, 7, 8 = blue, green, red, nir.
        Assert.Equal([3, 2, 1], LayerRenderer.Create(ds, LayerDefinition.TrueColor, "CBERS4-MUX").Bands);
    }

    [Fact]
    public void Raw_OfInt16Raster_IsRejected()
    {
        var path = _data.Aligned("i16.tif", 64, 64, type: GdalDataType.Int16);
        using var ds = GdalDataset.Open(path);

        var ex = Assert.Throws<InvalidOperationException>(() => LayerRenderer.Create(ds, LayerDefinition.Raw));
        Assert.Contains("Byte", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Band_OfInt16Raster_StretchesTwoToNinetyEightPercent()
    {
        var path = _data.Aligned("i16b.tif", 256, 256, type: GdalDataType.Int16, hole: (x, y) => x < 16);
        using var ds = GdalDataset.Open(path);

        var renderer = LayerRenderer.Create(ds, LayerDefinition.Parse("band:1"));
        var rgba = new byte[TileDownsampler.TileBytes];
        renderer.Render(ds, new TileWindow(0, 0, 256, 256, 0, 0, 256, 256, ResampleAlgorithm.Average), rgba);

        int low = 0, high = 0, valid = 0;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i + 3] == 0)
            {
                continue;
            }

            valid++;
            low += rgba[i] == 0 ? 1 : 0;
            high += rgba[i] == 255 ? 1 : 0;
        }

        Assert.Equal(240 * 256, valid); // nodata column strip is transparent
        Assert.InRange(low / (double)valid, 0.01, 0.04);
        Assert.InRange(high / (double)valid, 0.01, 0.04);
        Assert.Equal(0, rgba[3]);
    }

    [Theory]
    [InlineData("raw", LayerKind.Raw, 0)]
    [InlineData("true-color", LayerKind.TrueColor, 0)]
    [InlineData("FALSE-COLOR", LayerKind.FalseColor, 0)]
    [InlineData("band:3", LayerKind.Band, 3)]
    public void Parse_KnownLayers(string text, LayerKind kind, int band)
    {
        var layer = LayerDefinition.Parse(text);
        Assert.Equal(kind, layer.Kind);
        Assert.Equal(band, layer.BandNumber);
    }

    [Theory]
    [InlineData("ndvi")]
    [InlineData("band:0")]
    [InlineData("band:x")]
    public void Parse_Unknown_Throws(string text) => Assert.Throws<FormatException>(() => LayerDefinition.Parse(text));

    [Fact]
    public void AlignedCogSource_WarpsUtmRasterToAlignedCogWithTheCogWriter()
    {
        var utm = _data.PathOf("utm.tif");
        using (var ds = GdalDataset.Create("GTiff", utm, 300, 200, 3, GdalDataType.Byte))
        {
            ds.GeoTransform = new GeoTransform(500000, 20, 0, 8250000, 0, -20);
            using var srs = SpatialReference.FromEpsg(32723);
            ds.SetSpatialReference(srs);
            for (var b = 1; b <= 3; b++)
            {
                ds.GetBand(b).Fill(100 + b);
            }

            ds.Close();
        }

        var cog = _data.PathOf("cog.tif");
        var written = AlignedCogSource.Write(utm, cog, _data.Directory, false, 1);
        var zoom = written.NativeZoom;

        using var result = GdalDataset.Open(cog);
        Assert.Equal(13, zoom); // 20 m at ~15.8° S ≈ 20.8 m in EPSG:3857 → z13 (19.1 m) is the first zoom at least as fine
        Assert.True(AlignedCogSource.IsAligned(result));
        Assert.Equal(WebMercatorQuad.Resolution(zoom), result.GeoTransform!.Value.PixelWidth, 6);
    }
}
