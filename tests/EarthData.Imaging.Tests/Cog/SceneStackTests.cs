using EarthData.Core.Scenes;
using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Tests.Cog;

public class SceneStackTests
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
}
