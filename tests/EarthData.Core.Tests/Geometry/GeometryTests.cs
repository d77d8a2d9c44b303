using EarthData.Core.Geometry;

namespace EarthData.Core.Tests.Geometry;

public class GeometryTests
{
    private static readonly GeoPoint[] ClockwiseSquare = [new(0, 0), new(0, 1), new(1, 1), new(1, 0)];

    [Fact]
    public void Polygon_ClosesAndOrientsCounterClockwise_WhenGivenClockwiseOpenRing()
    {
        var polygon = new Polygon(ClockwiseSquare);

        Assert.Equal(5, polygon.Ring.Count);
        Assert.Equal(polygon.Ring[0], polygon.Ring[^1]);
        Assert.True(Polygon.IsCounterClockwise(polygon.Ring));
        Assert.Equal(1.0, polygon.Area, 12);
        Assert.Equal(new BoundingBox(0, 0, 1, 1), polygon.Envelope);
    }

    [Fact]
    public void Polygon_Throws_WhenRingIsDegenerate()
    {
        Assert.Throws<ArgumentException>(() => new Polygon([new(0, 0), new(1, 1)]));
        Assert.Throws<ArgumentException>(() => new Polygon([new(0, 0), new(1, 1), new(2, 2)]));
    }

    [Fact]
    public void ConvexHull_DropsInteriorPoints()
    {
        var hull = Polygon.ConvexHull([.. ClockwiseSquare, new(0.5, 0.5), new(0.2, 0.7)]);

        Assert.Equal(5, hull.Ring.Count);
        Assert.Equal(1.0, hull.Area, 12);
        Assert.True(hull.Contains(new GeoPoint(0.5, 0.5)));
        Assert.False(hull.Contains(new GeoPoint(1.5, 0.5)));
    }

    [Fact]
    public void BoundingBox_UnionIntersectsContains_BehaveAsBoxes()
    {
        var a = new BoundingBox(0, 0, 2, 2);
        var b = new BoundingBox(1, 1, 3, 3);
        var c = new BoundingBox(5, 5, 6, 6);

        Assert.Equal(new BoundingBox(0, 0, 3, 3), a.Union(b));
        Assert.True(a.Intersects(b));
        Assert.False(a.Intersects(c));
        Assert.True(a.Contains(new GeoPoint(2, 2)));
        Assert.False(a.Contains(new GeoPoint(2.1, 2)));
        Assert.True(a.Union(b).Contains(b));
        Assert.Equal([0.0, 0.0, 2.0, 2.0], a.ToArray());
    }
}
