using System.Buffers;

namespace EarthData.Imaging.Pyramid;

/// <summary>Bilinear and cubic reduction: separable kernels over the premultiplied 512×512 mosaic of the children.</summary>
public static partial class TileDownsampler
{
    private const int Mosaic = 2 * TileSize;

    // Kernels evaluated at the source pixel centres around an output centre (offsets ±0.5, ±1.5, … source pixels),
    // stretched by the reduction factor 2 and normalised to sum 1.
    private static readonly float[] BilinearTaps = [1f / 8, 3f / 8, 3f / 8, 1f / 8];

    private static readonly float[] CubicTaps =
    [
        -0.0234375f / 2, -0.0703125f / 2, 0.2265625f / 2, 0.8671875f / 2,
        0.8671875f / 2, 0.2265625f / 2, -0.0703125f / 2, -0.0234375f / 2,
    ];

    private static void Convolve(ReadOnlySpan<byte> northWest, ReadOnlySpan<byte> northEast,
        ReadOnlySpan<byte> southWest, ReadOnlySpan<byte> southEast, Span<byte> parent, float[] taps)
    {
        var pool = ArrayPool<float>.Shared;
        var mosaic = pool.Rent(Mosaic * Mosaic * 4);
        var rows = pool.Rent(Mosaic * TileSize * 4);
        try
        {
            Premultiply(northWest, mosaic, 0, 0);
            Premultiply(northEast, mosaic, TileSize, 0);
            Premultiply(southWest, mosaic, 0, TileSize);
            Premultiply(southEast, mosaic, TileSize, TileSize);
            var first = 1 - (taps.Length / 2);

            // Horizontal: 512 rows × 256 output columns.
            for (var y = 0; y < Mosaic; y++)
            {
                var src = mosaic.AsSpan(y * Mosaic * 4, Mosaic * 4);
                var dst = rows.AsSpan(y * TileSize * 4, TileSize * 4);
                for (var x = 0; x < TileSize; x++)
                {
                    float r = 0, g = 0, b = 0, a = 0;
                    for (var k = 0; k < taps.Length; k++)
                    {
                        var s = Math.Clamp((2 * x) + first + k, 0, Mosaic - 1) * 4;
                        var w = taps[k];
                        r += w * src[s];
                        g += w * src[s + 1];
                        b += w * src[s + 2];
                        a += w * src[s + 3];
                    }

                    var d = x * 4;
                    dst[d] = r;
                    dst[d + 1] = g;
                    dst[d + 2] = b;
                    dst[d + 3] = a;
                }
            }

            // Vertical: 256 output rows, unpremultiplied into bytes.
            Span<float> acc = stackalloc float[TileSize * 4];
            for (var y = 0; y < TileSize; y++)
            {
                acc.Clear();
                for (var k = 0; k < taps.Length; k++)
                {
                    var sy = Math.Clamp((2 * y) + first + k, 0, Mosaic - 1);
                    var src = rows.AsSpan(sy * TileSize * 4, TileSize * 4);
                    var w = taps[k];
                    for (var i = 0; i < acc.Length; i++)
                    {
                        acc[i] += w * src[i];
                    }
                }

                Unpremultiply(acc, parent.Slice(y * RowBytes, RowBytes));
            }
        }
        finally
        {
            pool.Return(mosaic);
            pool.Return(rows);
        }
    }

    private static void Premultiply(ReadOnlySpan<byte> child, float[] mosaic, int offsetX, int offsetY)
    {
        for (var y = 0; y < TileSize; y++)
        {
            var dst = mosaic.AsSpan((((offsetY + y) * Mosaic) + offsetX) * 4, TileSize * 4);
            if (child.IsEmpty)
            {
                dst.Clear();
                continue;
            }

            var src = child.Slice(y * RowBytes, RowBytes);
            for (var i = 0; i < src.Length; i += 4)
            {
                float a = src[i + 3];
                dst[i] = src[i] * a;
                dst[i + 1] = src[i + 1] * a;
                dst[i + 2] = src[i + 2] * a;
                dst[i + 3] = a;
            }
        }
    }

    private static void Unpremultiply(ReadOnlySpan<float> premultiplied, Span<byte> output)
    {
        for (var i = 0; i < output.Length; i += 4)
        {
            var a = premultiplied[i + 3];
            var alpha = (int)(Math.Clamp(a, 0f, 255f) + 0.5f);
            if (alpha == 0)
            {
                output.Slice(i, 4).Clear();
                continue;
            }

            var inverse = 1f / a;
            output[i] = ToByte(premultiplied[i] * inverse);
            output[i + 1] = ToByte(premultiplied[i + 1] * inverse);
            output[i + 2] = ToByte(premultiplied[i + 2] * inverse);
            output[i + 3] = (byte)alpha;
        }
    }

    private static byte ToByte(float v) => (byte)(Math.Clamp(v, 0f, 255f) + 0.5f);
}
