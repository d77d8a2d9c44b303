using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class ColorMapTests
{
    [Fact]
    public void Names_ListBuiltInRamps()
    {
        Assert.Equal(["greys", "hazard", "ndvi", "rdylgn", "viridis", "water"], ColorMap.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ndvi_GoesBrownToYellowToGreen()
    {
        var ndvi = ColorMap.Get("NDVI");
        Assert.Equal(((byte)120, (byte)70, (byte)20, (byte)255), ndvi.Lookup(-1f));
        Assert.Equal(((byte)0, (byte)100, (byte)0, (byte)255), ndvi.Lookup(1f));
        var (r, g, b, _) = ndvi.Lookup(0.2f);
        Assert.True(r > 200 && g > 200 && b < 120, "0.2 should be yellowish");
        Assert.Equal(ndvi.Lookup(-1f), ndvi.Lookup(-7f));
        Assert.Equal(ndvi.Lookup(1f), ndvi.Lookup(3f));
    }

    [Fact]
    public void Water_GoesWhiteToBlue()
    {
        var water = ColorMap.Get("water");
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), water.Lookup(0f));
        Assert.Equal(((byte)8, (byte)48, (byte)107, (byte)255), water.Lookup(1f));
    }

    [Theory]
    [InlineData(0f, 26, 152, 80)]
    [InlineData(1f, 255, 221, 0)]
    [InlineData(2f, 253, 141, 60)]
    [InlineData(3f, 215, 25, 28)]
    [InlineData(4f, 122, 1, 119)]
    [InlineData(2.4f, 253, 141, 60)]
    public void Hazard_MapsEachClassToItsColour(float value, int r, int g, int b)
    {
        Assert.Equal(((byte)r, (byte)g, (byte)b, (byte)255), ColorMap.Get("hazard").Lookup(value));
    }

    [Fact]
    public void Apply_MakesNaNAndNodataTransparent()
    {
        var map = ColorMap.Get("greys");
        var rgba = new byte[16];
        map.Apply([float.NaN, 0f, 1f, -9999f], -9999f, rgba);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0 }, rgba);
        map.Apply([float.NaN, 0.5f, 1f, -9999f], rgba);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 128, 128, 128, 255, 255, 255, 255, 255, 0, 0, 0, 255 }, rgba);
    }

    [Fact]
    public void Apply_MatchesLookup_ForEveryValue()
    {
        var map = ColorMap.Get("ndvi");
        var values = new float[401];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -1.5f + (i * 0.0075f);
        }

        var rgba = new byte[values.Length * 4];
        map.Apply(values, rgba);
        for (var i = 0; i < values.Length; i++)
        {
            var (r, g, b, a) = map.Lookup(values[i]);
            Assert.Equal(new[] { r, g, b, a }, rgba.AsSpan(i * 4, 4).ToArray());
        }
    }

    [Fact]
    public void Get_Throws_WithKnownNames_WhenUnknown()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColorMap.Get("plasma"));
        Assert.Contains("ndvi", ex.Message, StringComparison.Ordinal);
        Assert.False(ColorMap.TryGet("plasma", out _));
    }

    [Fact]
    public void Constructor_Throws_WhenStopsInvalid()
    {
        Assert.Throws<ArgumentException>(() => new ColorMap("x", 0, 1, [new(0, 0, 0, 0)]));
        Assert.Throws<ArgumentException>(() => new ColorMap("x", 0, 1, [new(0.5, 0, 0, 0), new(0.5, 1, 1, 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColorMap("x", 1, 0, [new(0, 0, 0, 0), new(1, 1, 1, 1)]));
        Assert.Throws<ArgumentException>(() => new ColorMap(" ", 0, 1, [new(0, 0, 0, 0), new(1, 1, 1, 1)]));
    }

    [Fact]
    public void Apply_Throws_WhenOutputSizeWrong()
    {
        Assert.Throws<ArgumentException>(() => ColorMap.Get("ndvi").Apply(new float[2], new byte[7]));
    }
}
