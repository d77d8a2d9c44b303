using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// Transforms coordinates between two CRSs (PROJ). Axis order is the traditional GIS order of
/// <see cref="SpatialReference"/>: x = longitude/easting, y = latitude/northing. Not thread-safe.
/// </summary>
public sealed class CoordinateTransformation : IDisposable
{
    private readonly CoordinateTransformationHandle _handle;

    private CoordinateTransformation(CoordinateTransformationHandle handle) => _handle = handle;

    /// <summary>Creates a transformation from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <exception cref="GdalException">PROJ cannot build a transformation between them.</exception>
    public static CoordinateTransformation Create(SpatialReference source, SpatialReference target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = new GdalErrorScope();
        var raw = NativeMethods.OCTNewCoordinateTransformation(source.Handle, target.Handle);
        if (raw == 0)
        {
            throw scope.CreateException("Cannot create a coordinate transformation");
        }

        return new CoordinateTransformation(new CoordinateTransformationHandle(raw));
    }

    /// <summary>Transforms one point.</summary>
    /// <exception cref="GdalException">The point cannot be transformed.</exception>
    public (double X, double Y) Transform(double x, double y)
    {
        Span<double> xs = [x];
        Span<double> ys = [y];
        Transform(xs, ys);
        return (xs[0], ys[0]);
    }

    /// <summary>Transforms points in place; <paramref name="xs"/> and <paramref name="ys"/> have equal length.</summary>
    /// <exception cref="GdalException">At least one point cannot be transformed (the message gives the first index).</exception>
    public unsafe void Transform(Span<double> xs, Span<double> ys)
    {
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"xs has {xs.Length} values but ys has {ys.Length}.", nameof(ys));
        }

        if (xs.IsEmpty)
        {
            return;
        }

        var handle = _handle;
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var success = new int[xs.Length];
        using var scope = new GdalErrorScope();
        int result;
        fixed (double* x = xs)
        fixed (double* y = ys)
        fixed (int* ok = success)
        {
            result = NativeMethods.OCTTransformEx(handle, xs.Length, x, y, null, ok);
        }

        var failed = Array.IndexOf(success, 0);
        if (result == 0 || failed >= 0)
        {
            var index = failed >= 0 ? failed : 0;
            throw scope.CreateException($"Point {index} of {xs.Length} could not be transformed");
        }
    }

    /// <summary>Releases the native transformation.</summary>
    public void Dispose() => _handle.Dispose();
}
