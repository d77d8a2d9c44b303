using EarthData.Core.Scenes;

namespace EarthData.Core.Tests.Scenes;

public class CameraCatalogTests
{
    [Theory]
    [InlineData("CBERS4-MUX", new[] { 5, 6, 7, 8 }, 20.0, SampleType.Byte, 255)]
    [InlineData("CBERS4-AWFI", new[] { 13, 14, 15, 16 }, 64.0, SampleType.Int16, 1023)]
    [InlineData("CBERS4-PAN5M", new[] { 1 }, 5.0, SampleType.Byte, 255)]
    [InlineData("CBERS4-PAN10M", new[] { 2, 3, 4 }, 10.0, SampleType.Byte, 255)]
    [InlineData("CBERS4A-MUX", new[] { 5, 6, 7, 8 }, 16.5, SampleType.Byte, 255)]
    [InlineData("CBERS4A-WFI", new[] { 13, 14, 15, 16 }, 55.0, SampleType.Int16, 1023)]
    [InlineData("CBERS4A-WPM", new[] { 0, 1, 2, 3, 4 }, 2.0, SampleType.Int16, 1023)]
    public void ForCollection_ReturnsBandsAndResolution_ForEveryCollection(string collection, int[] bands, double gsd, SampleType type, int maxValue)
    {
        var spec = CameraCatalog.ForCollection(collection);

        Assert.Equal(collection, spec.CollectionId);
        Assert.Equal(bands, spec.Bands.Select(b => b.Number));
        Assert.Equal(gsd, spec.Gsd);
        Assert.All(spec.Bands, b => Assert.Equal(type, b.SampleType));
        Assert.All(spec.Bands, b => Assert.Equal(maxValue, b.MaxValue));
        Assert.All(spec.Bands, b => Assert.Equal(0, b.NoData));
        Assert.Same(spec, CameraCatalog.Get(spec.Satellite, spec.Camera));
    }

    [Fact]
    public void All_HoldsTheSevenArchiveCollections()
    {
        Assert.Equal(
            ["CBERS4-MUX", "CBERS4-AWFI", "CBERS4-PAN5M", "CBERS4-PAN10M", "CBERS4A-MUX", "CBERS4A-WFI", "CBERS4A-WPM"],
            CameraCatalog.CollectionIds);
    }

    [Fact]
    public void Wpm_HasTwoMetrePanAndEightMetreMultispectralBands()
    {
        var wpm = CameraCatalog.Get(CbersSatellite.Cbers4A, CbersCamera.Wpm);

        Assert.Equal(2.0, wpm.Band(0).Gsd);
        Assert.Equal("pan", wpm.Band(0).CommonName);
        Assert.All(wpm.Bands.Skip(1), b => Assert.Equal(8.0, b.Gsd));
    }

    [Fact]
    public void BandSpec_DerivesCentreAndWidth_FromSpectralRange()
    {
        var red = CameraCatalog.ForCollection("CBERS4-MUX").Band(7);

        Assert.Equal("B7", red.Name);
        Assert.Equal("red", red.CommonName);
        Assert.Equal(0.66, red.CenterWavelength, 6);
        Assert.Equal(0.06, red.FullWidthHalfMax, 6);
    }

    [Fact]
    public void Get_Throws_WhenSatelliteLacksCamera()
    {
        Assert.Throws<ArgumentException>(() => CameraCatalog.Get(CbersSatellite.Cbers4, CbersCamera.Wpm));
        Assert.Throws<ArgumentException>(() => CameraCatalog.ForCollection("CBERS4-WFI"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraCatalog.ForCollection("CBERS4-MUX").Band(13));
    }
}
