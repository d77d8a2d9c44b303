namespace EarthData.Core.Geometry;

/// <summary>
/// A simple polygon without holes in geographic degrees: one closed ring (first point repeated last),
/// counter-clockwise as RFC 7946 (GeoJSON) asks for exterior rings. Immutable.
/// </summary>
public sealed class Polygon
{
    private readonly GeoPoint[] _ring;

    /// <summary>Creates a polygon from a ring; the ring is closed if needed and reoriented counter-clockwise.</summary>
    /// <param name="points">At least three distinct vertices, open or closed.</param>
    /// <exception cref="ArgumentException">Fewer than three vertices, or a degenerate (zero-area) ring.</exception>
    public Polygon(IEnumerable<GeoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        if (list.Count > 1 && list[0] == list[^1])
        {
            list.RemoveAt(list.Count - 1);
        }

        if (list.Count < 3)
        {
            throw new ArgumentException($"A polygon needs at least 3 distinct vertices, got {list.Count}.", nameof(points));
        }

        var area = SignedArea(list);
        if (area == 0)
        {
            throw new ArgumentException("The ring has zero area.", nameof(points));
        }

        if (area < 0)
        {
            list.Reverse();
        }

        list.Add(list[0]);
        _ring = [.. list];
    }

    /// <summary>The closed, counter-clockwise ring (first point repeated last).</summary>
    public IReadOnlyList<GeoPoint> Ring => _ring;

    /// <summary>Planar area in square degrees (always positive); a relative measure, not a ground area.</summary>
    public double Area => Math.Abs(SignedArea(_ring));

    /// <summary>The smallest box holding the ring.</summary>
    public BoundingBox Envelope => BoundingBox.FromPoints(_ring);

    /// <summary>
    /// Planar signed area (shoelace formula) of a ring, open or closed: positive when counter-clockwise,
    /// negative when clockwise.
    /// </summary>
    public static double SignedArea(IReadOnlyList<GeoPoint> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % ring.Count];
            sum += (a.Lon * b.Lat) - (b.Lon * a.Lat);
        }

        return sum / 2;
    }

    /// <summary>Whether a ring (open or closed) runs counter-clockwise.</summary>
    public static bool IsCounterClockwise(IReadOnlyList<GeoPoint> ring) => SignedArea(ring) > 0;

    /// <summary>The convex hull of <paramref name="points"/> (Andrew's monotone chain).</summary>
    /// <exception cref="ArgumentException">The points are fewer than three or collinear.</exception>
    public static Polygon ConvexHull(IEnumerable<GeoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.Distinct().OrderBy(p => p.Lon).ThenBy(p => p.Lat).ToArray();
        if (sorted.Length < 3)
        {
            throw new ArgumentException("A hull needs at least 3 distinct points.", nameof(points));
        }

        var hull = new GeoPoint[2 * sorted.Length];
        var k = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0)
            {
                k--;
            }

            hull[k++] = sorted[i];
        }

        for (int i = sorted.Length - 2, lower = k + 1; i >= 0; i--)
        {
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0)
            {
                k--;
            }

            hull[k++] = sorted[i];
        }

        return new Polygon(hull.Take(k - 1));
    }

    /// <summary>Whether <paramref name="point"/> lies inside the polygon (even-odd rule; edges are not guaranteed).</summary>
    public bool Contains(GeoPoint point)
    {
        var inside = false;
        for (int i = 0, j = _ring.Length - 2; i < _ring.Length - 1; j = i++)
        {
            var a = _ring[i];
            var b = _ring[j];
            if ((a.Lat > point.Lat) != (b.Lat > point.Lat) &&
                point.Lon < ((b.Lon - a.Lon) * (point.Lat - a.Lat) / (b.Lat - a.Lat)) + a.Lon)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static double Cross(GeoPoint o, GeoPoint a, GeoPoint b) =>
        ((a.Lon - o.Lon) * (b.Lat - o.Lat)) - ((a.Lat - o.Lat) * (b.Lon - o.Lon));
}
