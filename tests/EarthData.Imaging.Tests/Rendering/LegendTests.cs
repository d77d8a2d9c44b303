using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class LegendTests
{
    [Fact]
    public void Of_Gradient_ListsTheStopsInDataValues_SpreadOverTheRange()
    {
        var ndvi = ColorMap.Get("ndvi");

        var legend = Legend.Of(ndvi, (-0.5, 0.5));

        Assert.Equal(LegendKind.Gradient, legend.Kind);
        Assert.Equal((-0.5, 0.5), (legend.Min, legend.Max));
        Assert.Equal([-0.5, 0.0, 0.1, 0.25, 0.5], legend.Entries.Select(e => Math.Round(e.Value!.Value, 9)));
        Assert.Equal(["-0.5", "0", "0.1", "0.25", "0.5"], legend.Entries.Select(e => e.Label));
        Assert.Equal("#784614", legend.Entries[0].Hex);
        Assert.Equal("#006400", legend.Entries[^1].Hex);
    }

    [Fact]
    public void Of_ClassBreaks_GivesOneClassMoreThanLimits_ColouredAsTheClassNumber()
    {
        var hazard = ColorMap.Get("hazard");

        var legend = Legend.Of(hazard, null, [0.0, 0.15, 0.3, 0.45]);

        Assert.Equal(LegendKind.Classes, legend.Kind);
        Assert.Equal(["< 0", "0 – 0.15", "0.15 – 0.3", "0.3 – 0.45", "≥ 0.45"], legend.Entries.Select(e => e.Label));
        Assert.Equal([null, 0.0, 0.15, 0.3, 0.45], legend.Entries.Select(e => e.From));
        for (var k = 0; k < 5; k++)
        {
            var (r, g, b, a) = hazard.Lookup(k);
            Assert.Equal((r, g, b, a), (legend.Entries[k].R, legend.Entries[k].G, legend.Entries[k].B, legend.Entries[k].A));
        }

        Assert.Equal("#1a9850", legend.Entries[0].Hex);
    }

    [Fact]
    public void Of_ClassMapWithoutLimits_MakesEachStopAClassFromItsValue()
    {
        var map = ColorMapJson.Parse("""{"type":"classes","colors":{"0":"#000000","10":[255,0,0,128],"20":"#00ff00"}}""");

        var legend = Legend.Of(map);

        Assert.Equal(["0 – 10", "10 – 20", "≥ 20"], legend.Entries.Select(e => e.Label));
        Assert.Equal("#ff000080", legend.Entries[1].Hex);
        Assert.Equal((0.0, 20.0), (legend.Min, legend.Max));
    }

    [Fact]
    public void Composite_LabelsEachChannelWithItsBandAndStretch()
    {
        var legend = Legend.Composite([("band 3 (red)", new LinearStretch(100, 900)), ("band 2", new LinearStretch(50, 800)), ("band 1", new LinearStretch(10, 700))]);

        Assert.Equal(LegendKind.Composite, legend.Kind);
        Assert.Equal("red: band 3 (red) 100 – 900", legend.Entries[0].Label);
        Assert.Equal((10.0, 900.0), (legend.Min, legend.Max));
        Assert.Throws<ArgumentException>(() => Legend.Composite([("a", new LinearStretch(0, 1)), ("b", new LinearStretch(0, 1))]));
    }

    [Fact]
    public void Draw_Gradient_RampsFromTheFirstToTheLastColour()
    {
        var viridis = ColorMap.Get("viridis");

        var rgba = Legend.Of(viridis).Draw(out var width, out var height);

        Assert.Equal((Legend.RampWidth, Legend.RowHeight), (width, height));
        Assert.Equal(viridis.Lookup(0f), Pixel(rgba, width, 0, height - 1));
        Assert.Equal(viridis.Lookup(1f), Pixel(rgba, width, width - 1, 0));
        Assert.Equal(viridis.Lookup(0.5f), Pixel(rgba, width, 128, 3));
    }

    [Fact]
    public void Draw_Classes_PutsOneSwatchPerClass()
    {
        var legend = Legend.Of(ColorMap.Get("hazard"), null, [0.0, 0.5]);

        var rgba = legend.Draw(out var width, out var height);

        Assert.Equal((3 * Legend.SwatchWidth, Legend.RowHeight), (width, height));
        for (var k = 0; k < 3; k++)
        {
            var e = legend.Entries[k];
            Assert.Equal((e.R, e.G, e.B, e.A), Pixel(rgba, width, (k * Legend.SwatchWidth) + 5, 7));
        }
    }

    [Fact]
    public void Draw_Composite_StacksOneRampPerChannel()
    {
        var legend = Legend.Composite([("r", new LinearStretch(0, 1)), ("g", new LinearStretch(0, 1)), ("b", new LinearStretch(0, 1))]);

        var rgba = legend.Draw(out var width, out var height);

        Assert.Equal((Legend.RampWidth, 3 * Legend.RowHeight), (width, height));
        Assert.Equal(((byte)255, (byte)0, (byte)0, (byte)255), Pixel(rgba, width, 255, 0));
        Assert.Equal(((byte)0, (byte)255, (byte)0, (byte)255), Pixel(rgba, width, 255, Legend.RowHeight));
        Assert.Equal(((byte)0, (byte)0, (byte)0, (byte)255), Pixel(rgba, width, 0, 2 * Legend.RowHeight));
    }

    private static (byte, byte, byte, byte) Pixel(byte[] rgba, int width, int x, int y)
    {
        var i = ((y * width) + x) * 4;
        return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }
}
