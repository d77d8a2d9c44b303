using System.Buffers;
using EarthData.Core.Indices;
using EarthData.Gdal;

namespace EarthData.Imaging.Indices;

/// <summary>
/// Computes a spectral index over a reflectance raster block row by block row (pooled buffers, one strip of the
/// source's block height at a time), applying each band's scale and offset (Int16 × 10 000 reflectance reads as 0–1)
/// and treating the source nodata as missing. The target band gets Float32 values with nodata NaN. GDAL datasets are not
/// thread-safe: call from one thread per pair of datasets.
/// </summary>
public static class IndexRaster
{
    /// <summary>Writes <paramref name="index"/> of <paramref name="source"/> into band 1 of <paramref name="target"/>.</summary>
    /// <param name="source">Reflectance raster.</param>
    /// <param name="bandNumbers">1-based source band of each band the index reads, in <see cref="IndexDefinition.Bands"/> order.</param>
    /// <param name="index">The index (not one needing SWIR unless the source has it).</param>
    /// <param name="target">A Float32 raster of the source's size.</param>
    /// <param name="cancellationToken">Checked between strips.</param>
    public static void Compute(GdalDataset source, IReadOnlyList<int> bandNumbers, SpectralIndex index, GdalDataset target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(bandNumbers);
        ArgumentNullException.ThrowIfNull(target);
        var definition = IndexDefinition.Of(index);
        ArgumentOutOfRangeException.ThrowIfNotEqual(bandNumbers.Count, definition.Bands.Count, nameof(bandNumbers));
        var (width, height) = (source.Width, source.Height);
        if (target.Width != width || target.Height != height)
        {
            throw new ArgumentException($"The target is {target.Width}x{target.Height}, the source {width}x{height}.", nameof(target));
        }

        var bands = bandNumbers.Select(source.GetBand).ToArray();
        var stripRows = Math.Max(1, bands[0].BlockSize.Height);
        var output = target.GetBand(1);
        output.NoDataValue = double.NaN;
        var length = width * stripRows;
        var inputs = bands.Select(_ => ArrayPool<float>.Shared.Rent(length)).ToArray();
        var result = ArrayPool<float>.Shared.Rent(length);
        try
        {
            for (var y = 0; y < height; y += stripRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Math.Min(stripRows, height - y);
                var n = width * rows;
                for (var b = 0; b < bands.Length; b++)
                {
                    ReadReflectance(bands[b], y, rows, inputs[b].AsSpan(0, n));
                }

                Apply(index, inputs, n, result.AsSpan(0, n));
                output.Write<float>(0, y, width, rows, result.AsSpan(0, n));
            }
        }
        finally
        {
            foreach (var buffer in inputs)
            {
                ArrayPool<float>.Shared.Return(buffer);
            }

            ArrayPool<float>.Shared.Return(result);
        }
    }

    /// <summary>The kernel of <paramref name="index"/> over the first <paramref name="n"/> values of <paramref name="inputs"/> (in <see cref="IndexDefinition.Bands"/> order).</summary>
    internal static void Apply(SpectralIndex index, float[][] inputs, int n, Span<float> result)
    {
        switch (index)
        {
            case SpectralIndex.Evi:
                IndexKernels.Evi(inputs[0].AsSpan(0, n), inputs[1].AsSpan(0, n), inputs[2].AsSpan(0, n), result);
                break;
            case SpectralIndex.Savi:
                IndexKernels.Savi(inputs[0].AsSpan(0, n), inputs[1].AsSpan(0, n), result);
                break;
            default:
                IndexKernels.NormalizedDifference(inputs[0].AsSpan(0, n), inputs[1].AsSpan(0, n), result);
                break;
        }
    }

    private static void ReadReflectance(GdalBand band, int y, int rows, Span<float> buffer)
    {
        band.Read<float>(0, y, band.Width, rows, buffer);
        var noData = band.NoDataValue;
        var (scale, offset) = ((float)band.Scale, (float)band.Offset);
        var scaled = scale != 1 || offset != 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            var v = buffer[i];
            // 0 is the kernels' missing value; a source nodata other than 0 is mapped onto it.
            buffer[i] = (noData is { } nd && v == nd) || float.IsNaN(v) ? 0 : scaled ? (v * scale) + offset : v;
        }
    }
}
