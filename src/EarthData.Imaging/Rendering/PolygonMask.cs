namespace EarthData.Imaging.Rendering;

/// <summary>
/// Rasterises polygons given in pixel coordinates (x right, y down) row by row: a pixel is inside when its centre is
/// inside a polygon by the even–odd rule over that polygon's rings (so holes cut out), and inside the mask when it is
/// inside any polygon; the same rule as GDAL's rasterizer without ALL_TOUCHED (and so as <c>gdalwarp -cutline</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolygonMask
{
    private readonly (double X0, double Y0, double X1, double Y1)[][] _edges;

    /// <summary>Creates a mask of polygons, each a list of closed or open rings of (x, y) pixel coordinates.</summary>
    public PolygonMask(IReadOnlyList<IReadOnlyList<IReadOnlyList<(double X, double Y)>>> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        _edges = new (double, double, double, double)[polygons.Count][];
        var (minX, minY, maxX, maxY) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        for (var p = 0; p < polygons.Count; p++)
        {
            var edges = new List<(double, double, double, double)>();
            foreach (var ring in polygons[p])
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var a = ring[i];
                    var b = ring[(i + 1) % ring.Count];
                    (minX, minY, maxX, maxY) = (Math.Min(minX, a.X), Math.Min(minY, a.Y), Math.Max(maxX, a.X), Math.Max(maxY, a.Y));
                    if (a.Y != b.Y)
                    {
                        edges.Add((a.X, a.Y, b.X, b.Y));
                    }
                }
            }

            _edges[p] = [.. edges];
        }

        Envelope = (minX, minY, maxX, maxY);
    }

    /// <summary>The smallest box holding every vertex, in pixel coordinates.</summary>
    public (double MinX, double MinY, double MaxX, double MaxY) Envelope { get; }

    /// <summary>Sets <paramref name="mask"/>[i] to 1 where pixel (<paramref name="x0"/> + i, <paramref name="row"/>) is inside, else 0.</summary>
    /// <returns>The number of pixels inside.</returns>
    public int FillRow(int row, int x0, Span<byte> mask)
    {
        mask.Clear();
        var y = row + 0.5;
        var crossings = new List<double>();
        var inside = 0;
        foreach (var edges in _edges)
        {
            crossings.Clear();
            foreach (var (ax, ay, bx, by) in edges)
            {
                if ((ay <= y) != (by <= y))
                {
                    crossings.Add(ax + ((y - ay) * (bx - ax) / (by - ay)));
                }
            }

            crossings.Sort();
            for (var c = 0; c + 1 < crossings.Count; c += 2)
            {
                // Pixel x is inside when its centre x + 0.5 lies in [from, to).
                var first = Math.Max((int)Math.Ceiling(crossings[c] - 0.5) - x0, 0);
                var last = Math.Min((int)Math.Ceiling(crossings[c + 1] - 0.5) - x0, mask.Length);
                for (var i = first; i < last; i++)
                {
                    if (mask[i] == 0)
                    {
                        mask[i] = 1;
                        inside++;
                    }
                }
            }
        }

        return inside;
    }
}
