using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class ColorMapJsonTests
{
    [Fact]
    public void Parse_Gradient_InterpolatesBetweenEntries()
    {
        var map = ColorMapJson.Parse("""{"0": "#000000", "100": [255, 255, 255], "50": "#ff000080"}""");

        Assert.Equal((0, 100), (map.Min, map.Max));
        Assert.Equal(((byte)0, (byte)0, (byte)0, (byte)255), map.Lookup(0));
        var (r, g, b, a) = map.Lookup(50); // 256 levels over 0–100: within one level of the stop
        Assert.Equal(255, r);
        Assert.InRange(g + b, 0, 4);
        Assert.InRange(a, 127, 130);
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), map.Lookup(100));
        Assert.False(map.IsClassMap);
    }

    [Fact]
    public void Parse_Classes_TakesTheColourOfTheLastEntryAtOrBelow()
    {
        var map = ColorMapJson.Parse("""{"type": "classes", "colors": {"0": "#00ff00", "1": "#ff0000", "2": "#0000ff"}}""");

        Assert.True(map.IsClassMap);
        Assert.Equal(((byte)0, (byte)255, (byte)0, (byte)255), map.Lookup(0.4f));
        Assert.Equal(((byte)255, (byte)0, (byte)0, (byte)255), map.Lookup(1.2f));
        Assert.Equal(((byte)0, (byte)0, (byte)255, (byte)255), map.Lookup(2));
    }

    [Theory]
    [InlineData("{broken", "not valid JSON")]
    [InlineData("[1, 2]", "an object from values to colours")]
    [InlineData("""{"a": "#000000", "1": "#ffffff"}""", "key 'a' is not a number")]
    [InlineData("""{"0": "red", "1": "#ffffff"}""", "neither")]
    [InlineData("""{"0": [0, 0, 300], "1": "#ffffff"}""", "integers from 0 to 255")]
    [InlineData("""{"0": "#000000"}""", "at least two entries")]
    [InlineData("""{"0": "#000000", "0.0": "#ffffff"}""", "appears twice")]
    [InlineData("""{"0": {"0": {"0": {"0": {"0": {"0": 1}}}}}}""", "not valid JSON")]
    public void Parse_RejectsBadMaps_SayingWhy(string json, string message)
    {
        Assert.Contains(message, Assert.Throws<FormatException>(() => ColorMapJson.Parse(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsHugeText()
    {
        Assert.Throws<FormatException>(() => ColorMapJson.Parse(new string(' ', 9000)));
    }
}
