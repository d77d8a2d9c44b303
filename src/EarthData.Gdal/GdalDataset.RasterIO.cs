using System.Runtime.CompilerServices;
using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public sealed partial class GdalDataset
{
    /// <summary>
    /// Reads a window of several bands into <paramref name="buffer"/>, band-sequential (all of band 1, then band 2…),
    /// resampling when the buffer size differs from the window size.
    /// </summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Destination; at least bufferWidth × bufferHeight × band count values.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="bandMap">1-based band numbers to read; empty reads all bands.</param>
    /// <param name="resampling">Resampling used when the buffer size differs from the window.</param>
    public void Read<T>(
        int x, int y, int width, int height, Span<T> buffer, int bufferWidth, int bufferHeight,
        ReadOnlySpan<int> bandMap = default, ResampleAlgorithm resampling = ResampleAlgorithm.NearestNeighbour)
        where T : unmanaged
    {
        var bands = bandMap.IsEmpty ? BandCount : bandMap.Length;
        var size = Unsafe.SizeOf<T>();
        RasterIO(false, x, y, width, height, buffer, bufferWidth, bufferHeight, bandMap,
            size, (long)bufferWidth * size, (long)bufferWidth * bufferHeight * size, resampling, bands);
    }

    /// <summary>Reads a window of several bands with explicit byte spacings (e.g. pixel-interleaved RGBRGB…).</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Destination buffer.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="bandMap">1-based band numbers to read; empty reads all bands.</param>
    /// <param name="pixelSpace">Bytes from one pixel to the next in a line.</param>
    /// <param name="lineSpace">Bytes from one line to the next.</param>
    /// <param name="bandSpace">Bytes from one band to the next.</param>
    /// <param name="resampling">Resampling used when the buffer size differs from the window.</param>
    public void Read<T>(
        int x, int y, int width, int height, Span<T> buffer, int bufferWidth, int bufferHeight,
        ReadOnlySpan<int> bandMap, long pixelSpace, long lineSpace, long bandSpace,
        ResampleAlgorithm resampling = ResampleAlgorithm.NearestNeighbour)
        where T : unmanaged
    {
        var bands = bandMap.IsEmpty ? BandCount : bandMap.Length;
        RasterIO(false, x, y, width, height, buffer, bufferWidth, bufferHeight, bandMap, pixelSpace, lineSpace, bandSpace, resampling, bands);
    }

    /// <summary>Reads a window of several bands pixel-interleaved (value of band 1, band 2… for each pixel).</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Destination; at least bufferWidth × bufferHeight × band count values.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="bandMap">1-based band numbers to read; empty reads all bands.</param>
    /// <param name="resampling">Resampling used when the buffer size differs from the window.</param>
    public void ReadPixelInterleaved<T>(
        int x, int y, int width, int height, Span<T> buffer, int bufferWidth, int bufferHeight,
        ReadOnlySpan<int> bandMap = default, ResampleAlgorithm resampling = ResampleAlgorithm.NearestNeighbour)
        where T : unmanaged
    {
        var bands = bandMap.IsEmpty ? BandCount : bandMap.Length;
        var size = Unsafe.SizeOf<T>();
        RasterIO(false, x, y, width, height, buffer, bufferWidth, bufferHeight, bandMap,
            (long)size * bands, (long)size * bands * bufferWidth, size, resampling, bands);
    }

    /// <summary>Writes a band-sequential buffer into a window of several bands (dataset opened for update or created).</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Source; at least bufferWidth × bufferHeight × band count values.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="bandMap">1-based band numbers to write; empty writes all bands.</param>
    public void Write<T>(
        int x, int y, int width, int height, ReadOnlySpan<T> buffer, int bufferWidth, int bufferHeight,
        ReadOnlySpan<int> bandMap = default)
        where T : unmanaged
    {
        var bands = bandMap.IsEmpty ? BandCount : bandMap.Length;
        var size = Unsafe.SizeOf<T>();
        RasterIO(true, x, y, width, height, buffer, bufferWidth, bufferHeight, bandMap,
            size, (long)bufferWidth * size, (long)bufferWidth * bufferHeight * size, ResampleAlgorithm.NearestNeighbour, bands);
    }

    /// <summary>Writes a buffer with explicit byte spacings (e.g. pixel-interleaved) into a window of several bands.</summary>
    /// <param name="x">Left pixel of the window.</param>
    /// <param name="y">Top line of the window.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in lines.</param>
    /// <param name="buffer">Source buffer.</param>
    /// <param name="bufferWidth">Width of the buffer image.</param>
    /// <param name="bufferHeight">Height of the buffer image.</param>
    /// <param name="bandMap">1-based band numbers to write; empty writes all bands.</param>
    /// <param name="pixelSpace">Bytes from one pixel to the next in a line.</param>
    /// <param name="lineSpace">Bytes from one line to the next.</param>
    /// <param name="bandSpace">Bytes from one band to the next.</param>
    public void Write<T>(
        int x, int y, int width, int height, ReadOnlySpan<T> buffer, int bufferWidth, int bufferHeight,
        ReadOnlySpan<int> bandMap, long pixelSpace, long lineSpace, long bandSpace)
        where T : unmanaged
    {
        var bands = bandMap.IsEmpty ? BandCount : bandMap.Length;
        RasterIO(true, x, y, width, height, buffer, bufferWidth, bufferHeight, bandMap,
            pixelSpace, lineSpace, bandSpace, ResampleAlgorithm.NearestNeighbour, bands);
    }

    private unsafe void RasterIO<T>(
        bool write, int x, int y, int width, int height, ReadOnlySpan<T> buffer, int bufferWidth, int bufferHeight,
        ReadOnlySpan<int> bandMap, long pixelSpace, long lineSpace, long bandSpace, ResampleAlgorithm resampling, int bandCount)
        where T : unmanaged
    {
        var type = GdalDataTypes.Of<T>();
        var handle = Handle;
        RasterIOValidation.CheckWindow(x, y, width, height, Width, Height, bufferWidth, bufferHeight);
        var datasetBands = BandCount;
        ArgumentOutOfRangeException.ThrowIfZero(bandCount, nameof(bandMap));
        foreach (var band in bandMap)
        {
            if (band < 1 || band > datasetBands)
            {
                throw new ArgumentOutOfRangeException(nameof(bandMap), band, $"Band numbers go from 1 to {datasetBands}.");
            }
        }

        var size = Unsafe.SizeOf<T>();
        RasterIOValidation.CheckBuffer((long)buffer.Length * size, size, bufferWidth, bufferHeight, bandCount, pixelSpace, lineSpace, bandSpace);

        var extra = RasterIOExtraArg.Create(resampling);
        using var scope = new GdalErrorScope();
        int result;
        fixed (T* data = buffer)
        fixed (int* map = bandMap)
        {
            result = NativeMethods.GDALDatasetRasterIOEx(
                handle, write ? 1 : 0, x, y, width, height, data, bufferWidth, bufferHeight, type,
                bandCount, map, pixelSpace, lineSpace, bandSpace, &extra);
        }

        scope.ThrowIfFailed(result != 0, $"{(write ? "Writing" : "Reading")} window ({x}, {y}, {width}×{height}) of '{Path}'");
        if (!write)
        {
            GdalReadMetrics.Record(Path, derived: false, width, height, bufferWidth, bufferHeight, bandCount);
        }
    }
}
