namespace EarthData.Core.Geometry;

/// <summary>
/// An axis-aligned box. For geographic boxes X is longitude and Y latitude in degrees, and the STAC
/// order <c>[MinX, MinY, MaxX, MaxY]</c> applies. Boxes crossing the antimeridian are not supported.
/// </summary>
/// <param name="MinX">Western (minimum X) edge.</param>
/// <param name="MinY">Southern (minimum Y) edge.</param>
/// <param name="MaxX">Eastern (maximum X) edge.</param>
/// <param name="MaxY">Northern (maximum Y) edge.</param>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>Extent along X.</summary>
    public double Width => MaxX - MinX;

    /// <summary>Extent along Y.</summary>
    public double Height => MaxY - MinY;

    /// <summary>The smallest box holding all <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentException">No points were given.</exception>
    public static BoundingBox FromPoints(IEnumerable<GeoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        var any = false;
        foreach (var p in points)
        {
            any = true;
            minX = Math.Min(minX, p.Lon);
            minY = Math.Min(minY, p.Lat);
            maxX = Math.Max(maxX, p.Lon);
            maxY = Math.Max(maxY, p.Lat);
        }

        return any ? new BoundingBox(minX, minY, maxX, maxY) : throw new ArgumentException("At least one point is needed.", nameof(points));
    }

    /// <summary>The smallest box holding this box and <paramref name="other"/>.</summary>
    public BoundingBox Union(BoundingBox other) => new(
        Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    /// <summary>Whether the boxes share at least one point (touching edges count).</summary>
    public bool Intersects(BoundingBox other) =>
        MinX <= other.MaxX && other.MinX <= MaxX && MinY <= other.MaxY && other.MinY <= MaxY;

    /// <summary>Whether <paramref name="point"/> lies inside or on the edge of this box.</summary>
    public bool Contains(GeoPoint point) =>
        point.Lon >= MinX && point.Lon <= MaxX && point.Lat >= MinY && point.Lat <= MaxY;

    /// <summary>Whether <paramref name="other"/> lies entirely inside this box (edges included).</summary>
    public bool Contains(BoundingBox other) =>
        other.MinX >= MinX && other.MaxX <= MaxX && other.MinY >= MinY && other.MaxY <= MaxY;

    /// <summary>The box as a STAC/GeoJSON array <c>[MinX, MinY, MaxX, MaxY]</c>.</summary>
    public double[] ToArray() => [MinX, MinY, MaxX, MaxY];
}
