using System.Buffers.Binary;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;
using EarthData.Gdal;

namespace EarthData.Jobs.Alerts;

/// <summary>
/// Geometry between a scene's UTM grid and WGS 84: rasterizing an area of interest onto the grid, and turning a mask of
/// affected pixels into simplified lon/lat polygons (GDALPolygonize, 8-connected; Douglas–Peucker with a one-pixel
/// tolerance). Not thread-safe (it owns GDAL transformations).
/// </summary>
public sealed class SceneGrid : IDisposable
{
    private readonly SpatialReference _utm;
    private readonly SpatialReference _wgs84;
    private readonly CoordinateTransformation _toWgs84;

    /// <summary>A grid of <paramref name="width"/> × <paramref name="height"/> pixels in EPSG <paramref name="epsg"/>.</summary>
    public SceneGrid(int width, int height, GeoTransform transform, int epsg)
    {
        (Width, Height, Transform) = (width, height, transform);
        _utm = SpatialReference.FromEpsg(epsg);
        _wgs84 = SpatialReference.FromEpsg(4326);
        _toWgs84 = CoordinateTransformation.Create(_utm, _wgs84);
    }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>The grid's geotransform.</summary>
    public GeoTransform Transform { get; }

    /// <summary>Ground area of one pixel, km².</summary>
    public double PixelAreaKm2 => Math.Abs(Transform.PixelWidth * Transform.PixelHeight) / 1e6;

    /// <inheritdoc />
    public void Dispose()
    {
        _toWgs84.Dispose();
        _wgs84.Dispose();
        _utm.Dispose();
    }

    /// <summary>1 for the pixels whose centre lies inside the area (even-odd rule over all rings), 0 elsewhere.</summary>
    public byte[] Rasterize(IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>> area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var mask = new byte[Width * Height];
        var xs = new double[Width];
        var ys = new double[Width];
        var envelope = BoundingBox.FromPoints(area.SelectMany(p => p).SelectMany(r => r));
        for (var row = 0; row < Height; row++)
        {
            for (var col = 0; col < Width; col++)
            {
                (xs[col], ys[col]) = Transform.PixelToWorld(col + 0.5, row + 0.5);
            }

            _toWgs84.Transform(xs, ys);
            for (var col = 0; col < Width; col++)
            {
                var point = new GeoPoint(xs[col], ys[col]);
                if (point.Lon >= envelope.MinX && point.Lon <= envelope.MaxX && point.Lat >= envelope.MinY && point.Lat <= envelope.MaxY
                    && area.Any(polygon => Inside(polygon, point)))
                {
                    mask[(row * Width) + col] = 1;
                }
            }
        }

        return mask;
    }

    /// <summary>The affected pixels of <paramref name="mask"/> (non-zero) as lon/lat polygons with the given area.</summary>
    public AffectedArea Polygonize(byte[] mask, double areaKm2, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mask);
        using var dataset = GdalDataset.Create("MEM", "", Width, Height, 1, GdalDataType.Byte);
        dataset.GeoTransform = Transform;
        dataset.SetSpatialReference(_utm);
        var band = dataset.GetBand(1);
        band.Write<byte>(0, 0, Width, Height, mask);
        var features = GdalPolygonizer.Polygonize(band, band, eightConnected: true, cancellationToken);
        var tolerance = Math.Abs(Transform.PixelWidth);
        var polygons = new List<IReadOnlyList<IReadOnlyList<GeoPoint>>>();
        foreach (var feature in features)
        {
            if (feature.Value == 0)
            {
                continue;
            }

            var rings = ReadPolygonWkb(feature.Wkb).Select(r => ToWgs84(Simplify(r, tolerance))).Where(r => r.Count >= 4).ToList();
            if (rings.Count > 0)
            {
                polygons.Add(rings);
            }
        }

        return new AffectedArea(polygons, areaKm2);
    }

    private static bool Inside(IReadOnlyList<IReadOnlyList<GeoPoint>> polygon, GeoPoint p)
    {
        var inside = false;
        foreach (var ring in polygon)
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (a, b) = (ring[i], ring[j]);
                if ((a.Lat > p.Lat) != (b.Lat > p.Lat) && p.Lon < ((b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat)) + a.Lon)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    private static List<List<(double X, double Y)>> ReadPolygonWkb(byte[] wkb)
    {
        // NDR WKB Polygon: byte order, type 3, ring count, then per ring a point count and x/y doubles.
        var span = wkb.AsSpan();
        var rings = new List<List<(double, double)>>();
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[5..]);
        var offset = 9;
        for (var r = 0; r < count; r++)
        {
            var points = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
            offset += 4;
            var ring = new List<(double, double)>(points);
            for (var p = 0; p < points; p++, offset += 16)
            {
                ring.Add((BinaryPrimitives.ReadDoubleLittleEndian(span[offset..]), BinaryPrimitives.ReadDoubleLittleEndian(span[(offset + 8)..])));
            }

            rings.Add(ring);
        }

        return rings;
    }

    private static List<(double X, double Y)> Simplify(List<(double X, double Y)> ring, double tolerance)
    {
        if (ring.Count <= 4)
        {
            return ring;
        }

        var keep = new bool[ring.Count];
        keep[0] = keep[^1] = true;
        // A closed ring: split at the vertex farthest from the first so the chord is never degenerate.
        var far = 0;
        var best = -1.0;
        for (var i = 1; i < ring.Count - 1; i++)
        {
            var d = Math.Pow(ring[i].X - ring[0].X, 2) + Math.Pow(ring[i].Y - ring[0].Y, 2);
            if (d > best)
            {
                (best, far) = (d, i);
            }
        }

        keep[far] = true;
        var stack = new Stack<(int, int)>([(0, far), (far, ring.Count - 1)]);
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            var (index, distance) = (-1, tolerance);
            for (var i = a + 1; i < b; i++)
            {
                var d = SegmentDistance(ring[i], ring[a], ring[b]);
                if (d > distance)
                {
                    (index, distance) = (i, d);
                }
            }

            if (index >= 0)
            {
                keep[index] = true;
                stack.Push((a, index));
                stack.Push((index, b));
            }
        }

        var result = ring.Where((_, i) => keep[i]).ToList();
        return result.Count >= 4 ? result : ring;
    }

    private static double SegmentDistance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = (dx * dx) + (dy * dy);
        var t = length == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / length, 0, 1);
        var (cx, cy) = (a.X + (t * dx), a.Y + (t * dy));
        return Math.Sqrt(Math.Pow(p.X - cx, 2) + Math.Pow(p.Y - cy, 2));
    }

    private List<GeoPoint> ToWgs84(List<(double X, double Y)> ring)
    {
        var xs = ring.Select(p => p.X).ToArray();
        var ys = ring.Select(p => p.Y).ToArray();
        _toWgs84.Transform(xs, ys);
        return [.. xs.Select((x, i) => new GeoPoint(x, ys[i]))];
    }
}
