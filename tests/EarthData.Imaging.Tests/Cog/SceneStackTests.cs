using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Tests.Cog;

public class SceneStackTests(CogScenesFixture scenes) : IClassFixture<CogScenesFixture>
{
    [Fact]
    public void SelectBands_DefaultsToTheCoarsestBands_AndRejectsMixedResolutions()
    {
        var wpm = CameraCatalog.Get(CbersSatellite.Cbers4A, CbersCamera.Wpm);
        Assert.Equal([1, 2, 3, 4], SceneStack.SelectBands(wpm, null).Select(b => b.Number));
        Assert.Equal([0], SceneStack.SelectBands(wpm, [0]).Select(b => b.Number));
        Assert.Throws<ArgumentException>(() => SceneStack.SelectBands(wpm, [0, 1]));
        Assert.Throws<ArgumentException>(() => SceneStack.SelectBands(wpm, [9]));
        Assert.Throws<ArgumentException>(() => SceneStack.SelectBands(wpm, [1, 1]));
        var mux = CameraCatalog.Get(CbersSatellite.Cbers4, CbersCamera.Mux);
        Assert.Equal([5, 6, 7, 8], SceneStack.SelectBands(mux, null).Select(b => b.Number));
    }

    [Theory]
    [InlineData("mux")]
    [InlineData("wfi")]
    public void Open_StacksBandsAsSimpleSources_ThatReadExactlyAsTheBandFilesWithTheirNodata(string camera)
    {
        using var stack = SceneStack.Open(camera == "mux" ? scenes.Mux : scenes.Wfi);
        var bands = stack.LoadVrt().Root!.Elements("VRTRasterBand").ToList();
        Assert.All(bands, band =>
        {
            Assert.Empty(band.Elements("ComplexSource"));
            Assert.Null(Assert.Single(band.Elements("SimpleSource")).Element("NODATA"));
        });

        using var dataset = stack.OpenDataset();
        for (var i = 0; i < stack.Bands.Count; i++)
        {
            using var file = GdalDataset.Open(stack.Files.Band(stack.Bands[i].Number).TiffPath);
            var expected = file.GetBand(1);
            var actual = dataset.GetBand(i + 1);
            Assert.Equal(expected.NoDataValue, actual.NoDataValue);
            Assert.Equal(MaskFlags.NoData, actual.MaskFlags);
            var (width, height) = (file.Width, file.Height);
            var a = new double[width * height];
            var b = new double[width * height];
            expected.Read<double>(0, 0, width, height, a);
            actual.Read<double>(0, 0, width, height, b);
            Assert.Contains(expected.NoDataValue!.Value, a);
            Assert.Equal(a, b);
        }
    }
}
