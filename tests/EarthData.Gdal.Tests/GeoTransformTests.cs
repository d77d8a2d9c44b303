namespace EarthData.Gdal.Tests;

public sealed class GeoTransformTests
{
    private static readonly GeoTransform Utm = new(300000, 30, 0, 7460000, 0, -30);

    [Fact]
    public void PixelToWorld_AppliesOriginAndPixelSize()
    {
        Assert.Equal((300300.0, 7459400.0), Utm.PixelToWorld(10, 20));
    }

    [Fact]
    public void WorldToPixel_InvertsPixelToWorld_WhenRotated()
    {
        var rotated = new GeoTransform(1000, 2, 0.5, 5000, 0.25, -3);
        var (x, y) = rotated.PixelToWorld(7.5, 3.25);

        var (col, row) = rotated.WorldToPixel(x, y);

        Assert.Equal(7.5, col, 9);
        Assert.Equal(3.25, row, 9);
    }

    [Fact]
    public void TryInvert_ReturnsFalse_WhenDegenerate()
    {
        var degenerate = new GeoTransform(0, 0, 0, 0, 0, 0);

        Assert.False(degenerate.TryInvert(out _));
        Assert.Throws<InvalidOperationException>(() => degenerate.WorldToPixel(1, 1));
    }

    [Fact]
    public void IsNorthUp_IsFalse_WhenRotatedOrSouthUp()
    {
        Assert.True(Utm.IsNorthUp);
        Assert.False((Utm with { RowRotation = 0.1 }).IsNorthUp);
        Assert.False(GeoTransform.Identity.IsNorthUp);
    }

    [Fact]
    public void ToArray_FromArray_RoundTrip_InGdalOrder()
    {
        var array = Utm.ToArray();

        Assert.Equal([300000, 30, 0, 7460000, 0, -30], array);
        Assert.Equal(Utm, GeoTransform.FromArray(array));
        Assert.Throws<ArgumentException>(() => GeoTransform.FromSpan([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => Utm.CopyTo(new double[5]));
    }
}
