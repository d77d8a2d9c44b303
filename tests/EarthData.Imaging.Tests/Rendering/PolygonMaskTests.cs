using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class PolygonMaskTests
{
    private static readonly (double X, double Y)[] Square = [(1, 1), (4, 1), (4, 4), (1, 4), (1, 1)];

    [Fact]
    public void FillRow_TakesPixelsWhoseCentreIsInside()
    {
        var mask = new PolygonMask([[[(0.6, 0.2), (2.6, 0.2), (2.6, 2.6), (0.6, 2.6)]]]);
        var row = new byte[5];

        Assert.Equal(2, mask.FillRow(1, 0, row));
        Assert.Equal([0, 1, 1, 0, 0], row);
        Assert.Equal(0, mask.FillRow(3, 0, row)); // centre y 3.5 is below the polygon
        Assert.Equal((0.6, 0.2, 2.6, 2.6), mask.Envelope);
    }

    [Fact]
    public void FillRow_CutsHoles_AndJoinsOverlappingPolygons()
    {
        var withHole = new PolygonMask([[Square, [(2, 2), (3, 2), (3, 3), (2, 3), (2, 2)]]]);
        var row = new byte[6];

        Assert.Equal(2, withHole.FillRow(2, 0, row));
        Assert.Equal([0, 1, 0, 1, 0, 0], row);

        var overlapping = new PolygonMask([[Square], [[(3, 1), (5, 1), (5, 4), (3, 4), (3, 1)]]]);
        Assert.Equal(4, overlapping.FillRow(2, 0, row));
        Assert.Equal([0, 1, 1, 1, 1, 0], row);
    }

    [Fact]
    public void FillRow_OffsetsByTheWindowStart()
    {
        var mask = new PolygonMask([[Square]]);
        var row = new byte[2];

        Assert.Equal(1, mask.FillRow(2, 3, row));
        Assert.Equal([1, 0], row);
    }
}
