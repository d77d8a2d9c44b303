using System.Runtime.CompilerServices;
using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public sealed partial class GdalBand
{
    /// <summary>Reads a window into a buffer of exactly the window size (row-major).</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Destination; at least width × height values.</param>
    public void Read<T>(int x, int y, int width, int height, Span<T> buffer)
        where T : unmanaged => Read(x, y, width, height, buffer, width, height);

    /// <summary>Reads a window into a row-major buffer, resampling when the buffer size differs from the window.</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Destination; at least bufferWidth × bufferHeight values.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="resampling">Resampling used when the buffer size differs from the window.</param>
    public void Read<T>(
        int x, int y, int width, int height, Span<T> buffer, int bufferWidth, int bufferHeight,
        ResampleAlgorithm resampling = ResampleAlgorithm.NearestNeighbour)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        RasterIO(false, x, y, width, height, buffer, bufferWidth, bufferHeight, size, (long)bufferWidth * size, resampling);
    }

    /// <summary>Reads a window with explicit byte spacings between pixels and lines (e.g. into an interleaved buffer).</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Destination buffer.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="pixelSpace">Bytes from one pixel to the next.</param>
    /// <param name="lineSpace">Bytes from one line to the next.</param>
    /// <param name="resampling">Resampling used when the buffer size differs from the window.</param>
    public void Read<T>(
        int x, int y, int width, int height, Span<T> buffer, int bufferWidth, int bufferHeight,
        long pixelSpace, long lineSpace, ResampleAlgorithm resampling = ResampleAlgorithm.NearestNeighbour)
        where T : unmanaged =>
        RasterIO(false, x, y, width, height, buffer, bufferWidth, bufferHeight, pixelSpace, lineSpace, resampling);

    /// <summary>Writes a row-major buffer of exactly the window size.</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Source; at least width × height values.</param>
    public void Write<T>(int x, int y, int width, int height, ReadOnlySpan<T> buffer)
        where T : unmanaged => Write(x, y, width, height, buffer, width, height);

    /// <summary>Writes a row-major buffer into a window (GDAL resamples with nearest neighbour when sizes differ).</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Source; at least bufferWidth × bufferHeight values.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    public void Write<T>(int x, int y, int width, int height, ReadOnlySpan<T> buffer, int bufferWidth, int bufferHeight)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        RasterIO(true, x, y, width, height, buffer, bufferWidth, bufferHeight, size, (long)bufferWidth * size, ResampleAlgorithm.NearestNeighbour);
    }

    /// <summary>Writes a buffer with explicit byte spacings between pixels and lines.</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Source buffer.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="pixelSpace">Bytes from one pixel to the next.</param>
    /// <param name="lineSpace">Bytes from one line to the next.</param>
    public void Write<T>(
        int x, int y, int width, int height, ReadOnlySpan<T> buffer, int bufferWidth, int bufferHeight,
        long pixelSpace, long lineSpace)
        where T : unmanaged =>
        RasterIO(true, x, y, width, height, buffer, bufferWidth, bufferHeight, pixelSpace, lineSpace, ResampleAlgorithm.NearestNeighbour);

    /// <summary>Sets every pixel to <paramref name="value"/>.</summary>
    public void Fill(double value)
    {
        using var lease = Lease();
        using var scope = new GdalErrorScope();
        var result = NativeMethods.GDALFillRaster(_band, value, 0);
        scope.ThrowIfFailed(result != 0, Context("Filling"));
    }

    private unsafe void RasterIO<T>(
        bool write, int x, int y, int width, int height, ReadOnlySpan<T> buffer, int bufferWidth, int bufferHeight,
        long pixelSpace, long lineSpace, ResampleAlgorithm resampling)
        where T : unmanaged
    {
        var type = GdalDataTypes.Of<T>();
        using var lease = Lease();
        RasterIOValidation.CheckWindow(
            x, y, width, height, NativeMethods.GDALGetRasterBandXSize(_band), NativeMethods.GDALGetRasterBandYSize(_band), bufferWidth, bufferHeight);
        var size = Unsafe.SizeOf<T>();
        RasterIOValidation.CheckBuffer((long)buffer.Length * size, size, bufferWidth, bufferHeight, 1, pixelSpace, lineSpace, 0);

        var extra = RasterIOExtraArg.Create(resampling);
        using var scope = new GdalErrorScope();
        int result;
        fixed (T* data = buffer)
        {
            result = NativeMethods.GDALRasterIOEx(_band, write ? 1 : 0, x, y, width, height, data, bufferWidth, bufferHeight, type, pixelSpace, lineSpace, &extra);
        }

        scope.ThrowIfFailed(result != 0, Context($"{(write ? "Writing" : "Reading")} window ({x}, {y}, {width}×{height})"));
        if (!write)
        {
            GdalReadMetrics.Record(_dataset.Path, _overviewGeneration is not null, width, height, bufferWidth, bufferHeight, 1);
        }
    }

    /// <summary>
    /// What the driver knows about the stored data of a window without reading it (GTiff: whether its blocks are
    /// sparse); <see cref="DataCoverage.Unimplemented"/> when the driver cannot tell.
    /// </summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    public unsafe DataCoverage GetDataCoverage(int x, int y, int width, int height)
    {
        using var lease = Lease();
        RasterIOValidation.CheckWindow(
            x, y, width, height, NativeMethods.GDALGetRasterBandXSize(_band), NativeMethods.GDALGetRasterBandYSize(_band), width, height);
        using var scope = new GdalErrorScope();
        var status = NativeMethods.GDALGetDataCoverageStatus(_band, x, y, width, height, 0, null);
        scope.ThrowIfFailed(false, Context($"Querying the data coverage of window ({x}, {y}, {width}×{height})"));
        return (DataCoverage)status;
    }
}
