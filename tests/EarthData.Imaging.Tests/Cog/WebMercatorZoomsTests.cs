using EarthData.Core.Scenes;
using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Tests.Cog;

public class WebMercatorZoomsTests
{
    [Theory]
    [InlineData(20, 13)] // MUX
    [InlineData(21.3, 13)] // MUX near 20° S, in EPSG:3857 metres
    [InlineData(19.109257071294063, 13)] // exactly zoom 13
    [InlineData(19.1, 14)]
    [InlineData(64, 12)] // AWFI
    [InlineData(2, 17)] // WPM pan
    [InlineData(200000, 0)]
    public void NativeZoom_IsTheFirstZoomAtLeastAsFineAsThePixel(double pixelSize, int zoom) =>
        Assert.Equal(zoom, WebMercatorZooms.NativeZoom(pixelSize));

    [Theory]
    [InlineData(13, 256 * 19.109257071294063, 13)]
    [InlineData(13, 257 * 19.109257071294063, 12)]
    [InlineData(13, 120000, 8)]
    public void MinZoom_IsTheDeepestZoomWhereTheExtentFitsOneTileWidth(int native, double extent, int expected) =>
        Assert.Equal(expected, WebMercatorZooms.MinZoom(native, extent, extent / 2));

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
