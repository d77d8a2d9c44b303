namespace EarthData.Samples.Synthesis;

/// <summary>
/// The imaged area of a synthetic scene inside its north-up grid: a rectangle rotated by the
/// orbit's orientation angle, centred in the grid and sized so a chosen share of the grid is nodata —
/// the shape real CBERS L2/L4 products have.
/// </summary>
public sealed class SceneFootprint
{
    private readonly double _cos;
    private readonly double _sin;
    private readonly double _centreX;
    private readonly double _centreY;

    private SceneFootprint(int width, int height, double rotationDegrees, double footprintWidth, double footprintHeight)
    {
        Width = width;
        Height = height;
        RotationDegrees = rotationDegrees;
        FootprintWidth = footprintWidth;
        FootprintHeight = footprintHeight;
        var theta = rotationDegrees * Math.PI / 180;
        _cos = Math.Cos(theta);
        _sin = Math.Sin(theta);
        _centreX = width / 2.0;
        _centreY = height / 2.0;
    }

    /// <summary>Grid width in pixels.</summary>
    public int Width { get; }

    /// <summary>Grid height in pixels.</summary>
    public int Height { get; }

    /// <summary>Clockwise rotation of the footprint relative to grid north, in degrees.</summary>
    public double RotationDegrees { get; }

    /// <summary>Footprint width (across track) in pixels, before rotation.</summary>
    public double FootprintWidth { get; }

    /// <summary>Footprint height (along track) in pixels, before rotation.</summary>
    public double FootprintHeight { get; }

    /// <summary>Share of the grid outside the footprint, 0–1.</summary>
    public double NoDataFraction => 1 - (FootprintWidth * FootprintHeight / ((double)Width * Height));

    /// <summary>
    /// Sizes a footprint rotated by <paramref name="rotationDegrees"/> (0–30°) so about
    /// <paramref name="noDataFraction"/> of a <paramref name="width"/> × <paramref name="height"/> grid is left empty.
    /// Fractions too small for the rotation are raised to the least the rotation allows.
    /// </summary>
    public static SceneFootprint Create(int width, int height, double rotationDegrees, double noDataFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegative(rotationDegrees);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rotationDegrees, 30);
        ArgumentOutOfRangeException.ThrowIfNegative(noDataFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(noDataFraction, 1);

        var theta = rotationDegrees * Math.PI / 180;
        var (c, s) = (Math.Cos(theta), Math.Sin(theta));
        var cos2 = Math.Cos(2 * theta);
        // The rotated rectangle's bounding box is (w c + h s) × (w s + h c); fill a share k of the grid with it.
        double Footprint(double k, out double w, out double h)
        {
            var bw = k * width;
            var bh = k * height;
            w = ((bw * c) - (bh * s)) / cos2;
            h = ((bh * c) - (bw * s)) / cos2;
            return w * h;
        }

        var full = Footprint(1, out _, out _);
        var wanted = (1 - noDataFraction) * width * height;
        var k = Math.Min(1, Math.Sqrt(wanted / full));
        Footprint(k, out var fw, out var fh);
        return new SceneFootprint(width, height, rotationDegrees, fw, fh);
    }

    /// <summary>Whether the centre of pixel (<paramref name="column"/>, <paramref name="row"/>) is imaged.</summary>
    public bool Contains(int column, int row)
    {
        var (u, v) = ToLocal(column + 0.5, row + 0.5);
        return Math.Abs(u) <= FootprintWidth / 2 && Math.Abs(v) <= FootprintHeight / 2;
    }

    /// <summary>
    /// The columns of <paramref name="row"/> whose centres are imaged, as a half-open range
    /// [<c>Start</c>, <c>End</c>); empty when the row misses the footprint.
    /// </summary>
    public (int Start, int End) RowSpan(int row)
    {
        // Intersect the horizontal line through the pixel centres with the four half-planes.
        var y = row + 0.5 - _centreY;
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        // u = x c + y s ; v = -x s + y c   (x relative to centre)
        Clip(_cos, y * _sin, FootprintWidth / 2, ref lo, ref hi);
        Clip(-_sin, y * _cos, FootprintHeight / 2, ref lo, ref hi);
        if (lo > hi)
        {
            return (0, 0);
        }

        var start = Math.Max(0, (int)Math.Ceiling(lo + _centreX - 0.5));
        var end = Math.Min(Width, (int)Math.Floor(hi + _centreX - 0.5) + 1);
        return start < end ? (start, end) : (0, 0);
    }

    /// <summary>
    /// Footprint corners in pixel coordinates (column, row), in image order:
    /// upper-left, upper-right, lower-right, lower-left of the imaged strip.
    /// </summary>
    public IReadOnlyList<(double Column, double Row)> Corners()
    {
        var hw = FootprintWidth / 2;
        var hh = FootprintHeight / 2;
        return [ToGrid(-hw, -hh), ToGrid(hw, -hh), ToGrid(hw, hh), ToGrid(-hw, hh)];
    }

    private (double U, double V) ToLocal(double column, double row)
    {
        var x = column - _centreX;
        var y = row - _centreY;
        return ((x * _cos) + (y * _sin), (-x * _sin) + (y * _cos));
    }

    private (double Column, double Row) ToGrid(double u, double v) =>
        (_centreX + (u * _cos) - (v * _sin), _centreY + (u * _sin) + (v * _cos));

    // Narrows [lo, hi] to the x with |a x + b| <= half.
    private static void Clip(double a, double b, double half, ref double lo, ref double hi)
    {
        if (Math.Abs(a) < 1e-12)
        {
            if (Math.Abs(b) > half)
            {
                lo = double.PositiveInfinity;
                hi = double.NegativeInfinity;
            }

            return;
        }

        var x1 = (-half - b) / a;
        var x2 = (half - b) / a;
        lo = Math.Max(lo, Math.Min(x1, x2));
        hi = Math.Min(hi, Math.Max(x1, x2));
    }
}
