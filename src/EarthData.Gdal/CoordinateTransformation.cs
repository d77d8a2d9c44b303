using System.Buffers;
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

    /// <summary>
    /// Transforms points in place; <paramref name="xs"/> and <paramref name="ys"/> have equal length.
    /// All or nothing: when a point fails, the spans are left as they were.
    /// </summary>
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
        var count = xs.Length;

        // PROJ writes results (HUGE_VAL for failures) into the arrays it is given: work on copies.
        var scratch = ArrayPool<double>.Shared.Rent(count * 2);
        var success = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var workX = scratch.AsSpan(0, count);
            var workY = scratch.AsSpan(count, count);
            xs.CopyTo(workX);
            ys.CopyTo(workY);
            using var scope = new GdalErrorScope();
            int result;
            fixed (double* x = workX)
            fixed (double* y = workY)
            fixed (int* ok = success)
            {
                result = NativeMethods.OCTTransformEx(handle, count, x, y, null, ok);
            }

            var failed = success.AsSpan(0, count).IndexOf(0);
            if (result == 0 || failed >= 0)
            {
                var index = failed >= 0 ? failed : 0;
                throw scope.CreateException($"Point {index} of {count} could not be transformed");
            }

            workX.CopyTo(xs);
            workY.CopyTo(ys);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(success);
        }
    }

    /// <summary>Releases the native transformation.</summary>
    public void Dispose() => _handle.Dispose();
}
