using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// Builds a parent tile of an XYZ pyramid from its four children: 256×256 RGBA (straight alpha) each, children in
/// <c>TileAddress.Children</c> order (north-west, north-east, south-west, south-east). An empty span stands for an
/// absent child, i.e. a fully transparent quadrant.
/// </summary>
/// <remarks>
/// <para><see cref="PyramidResampling.Average"/> follows GDAL's average with an alpha mask: colour = Σ(c·a)/Σa over the
/// 2×2 block, alpha = mean alpha (both rounded to nearest); a block whose alpha rounds to 0 becomes 0,0,0,0.
/// Its all-opaque blocks take a <see cref="Vector128"/> path that agrees exactly with the scalar reference.</para>
/// <para>Bilinear and cubic filter the 512×512 mosaic of the children (edges replicated) in premultiplied alpha, so
/// they also read across child borders.</para>
/// <para>Stateless and thread-safe; scratch buffers come from the shared array pool.</para>
/// </remarks>
public static partial class TileDownsampler
{
    /// <summary>Tile width and height in pixels.</summary>
    public const int TileSize = 256;

    /// <summary>Bytes in one RGBA tile.</summary>
    public const int TileBytes = TileSize * TileSize * 4;

    private const int Half = TileSize / 2;
    private const int RowBytes = TileSize * 4;

    /// <summary>Writes the parent tile of four children.</summary>
    /// <param name="northWest">Child (2x, 2y), or empty when absent.</param>
    /// <param name="northEast">Child (2x + 1, 2y), or empty.</param>
    /// <param name="southWest">Child (2x, 2y + 1), or empty.</param>
    /// <param name="southEast">Child (2x + 1, 2y + 1), or empty.</param>
    /// <param name="parent">Output tile, <see cref="TileBytes"/> long; fully overwritten.</param>
    /// <param name="resampling">The reduction.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public static void Downsample(ReadOnlySpan<byte> northWest, ReadOnlySpan<byte> northEast,
        ReadOnlySpan<byte> southWest, ReadOnlySpan<byte> southEast, Span<byte> parent,
        PyramidResampling resampling = PyramidResampling.Average)
    {
        CheckChild(northWest, nameof(northWest));
        CheckChild(northEast, nameof(northEast));
        CheckChild(southWest, nameof(southWest));
        CheckChild(southEast, nameof(southEast));
        if (parent.Length != TileBytes)
        {
            throw new ArgumentException($"The parent tile must be {TileBytes} bytes, got {parent.Length}.", nameof(parent));
        }

        switch (resampling)
        {
            case PyramidResampling.Bilinear:
            case PyramidResampling.Cubic:
                Convolve(northWest, northEast, southWest, southEast, parent, resampling == PyramidResampling.Cubic ? CubicTaps : BilinearTaps);
                return;
            case PyramidResampling.Average:
            case PyramidResampling.Near:
            case PyramidResampling.Mode:
                Quadrant(northWest, parent, 0, 0, resampling);
                Quadrant(northEast, parent, Half, 0, resampling);
                Quadrant(southWest, parent, 0, Half, resampling);
                Quadrant(southEast, parent, Half, Half, resampling);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(resampling), resampling, "Unknown pyramid resampling.");
        }
    }

    /// <summary>Reduces two source rows (2n pixels each) to one output row of n pixels with the alpha-weighted mean.</summary>
    internal static void AverageRow(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, Span<byte> output)
    {
        var outPixels = output.Length / 4;
        var p = 0;
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            var alphaLanes = Vector128.Create(0xFF000000u).AsByte();
            var low = Vector128.Create(ulong.MaxValue, 0UL);
            var two = Vector128.Create((ushort)2);
            ref var s0 = ref MemoryMarshal.GetReference(row0);
            ref var s1 = ref MemoryMarshal.GetReference(row1);
            ref var dst = ref MemoryMarshal.GetReference(output);
            for (; p <= outPixels - 4; p += 4)
            {
                var o = (nuint)(p * 8);
                var a0 = Vector128.LoadUnsafe(ref s0, o);
                var b0 = Vector128.LoadUnsafe(ref s0, o + 16);
                var a1 = Vector128.LoadUnsafe(ref s1, o);
                var b1 = Vector128.LoadUnsafe(ref s1, o + 16);
                if ((a0 & b0 & a1 & b1 & alphaLanes) != alphaLanes)
                {
                    AverageRowScalar(row0.Slice(p * 8, 32), row1.Slice(p * 8, 32), output.Slice(p * 4, 16));
                    continue;
                }

                var sumA = PairSums(a0, a1, low);
                var sumB = PairSums(b0, b1, low);
                var bytes = Vector128.Narrow((sumA + two) >> 2, (sumB + two) >> 2);
                bytes.StoreUnsafe(ref dst, (nuint)(p * 4));
            }
        }

        AverageRowScalar(row0[(p * 8)..], row1[(p * 8)..], output[(p * 4)..]);
    }

    /// <summary>Scalar reference of <see cref="AverageRow"/>.</summary>
    internal static void AverageRowScalar(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, Span<byte> output)
    {
        for (int d = 0, s = 0; d < output.Length; d += 4, s += 8)
        {
            int a0 = row0[s + 3], a1 = row0[s + 7], a2 = row1[s + 3], a3 = row1[s + 7];
            var sum = a0 + a1 + a2 + a3;
            var alpha = (sum + 2) >> 2;
            if (alpha == 0)
            {
                output.Slice(d, 4).Clear();
                continue;
            }

            for (var c = 0; c < 3; c++)
            {
                var weighted = (row0[s + c] * a0) + (row0[s + 4 + c] * a1) + (row1[s + c] * a2) + (row1[s + 4 + c] * a3);
                output[d + c] = (byte)((weighted + (sum >> 1)) / sum);
            }

            output[d + 3] = (byte)alpha;
        }
    }

    /// <summary>Channel sums of the 2×2 blocks in 4 source pixels of two rows: 2 output pixels as 8 ushorts.</summary>
    private static Vector128<ushort> PairSums(Vector128<byte> top, Vector128<byte> bottom, Vector128<ulong> low)
    {
        var (topLo, topHi) = Vector128.Widen(top);
        var (botLo, botHi) = Vector128.Widen(bottom);
        var first = (topLo + botLo).AsUInt64();   // [P0, P1]: vertical sums of source pixels 0 and 1
        var second = (topHi + botHi).AsUInt64();  // [P2, P3]
        var swap = Vector128.Create(1UL, 0UL);
        var lefts = Vector128.ConditionalSelect(low, first, Vector128.Shuffle(second, swap));   // [P0, P2]
        var rights = Vector128.ConditionalSelect(low, Vector128.Shuffle(first, swap), second);  // [P1, P3]
        return (lefts.AsUInt16() + rights.AsUInt16());
    }

    private static void Quadrant(ReadOnlySpan<byte> child, Span<byte> parent, int offsetX, int offsetY, PyramidResampling resampling)
    {
        for (var y = 0; y < Half; y++)
        {
            var output = parent.Slice(((offsetY + y) * RowBytes) + (offsetX * 4), Half * 4);
            if (child.IsEmpty)
            {
                output.Clear();
                continue;
            }

            var row0 = child.Slice(2 * y * RowBytes, RowBytes);
            var row1 = child.Slice(((2 * y) + 1) * RowBytes, RowBytes);
            switch (resampling)
            {
                case PyramidResampling.Near:
                    NearRow(row0, output);
                    break;
                case PyramidResampling.Mode:
                    ModeRow(row0, row1, output);
                    break;
                default:
                    AverageRow(row0, row1, output);
                    break;
            }
        }
    }

    private static void NearRow(ReadOnlySpan<byte> row0, Span<byte> output)
    {
        var src = MemoryMarshal.Cast<byte, uint>(row0);
        var dst = MemoryMarshal.Cast<byte, uint>(output);
        for (var x = 0; x < dst.Length; x++)
        {
            dst[x] = src[2 * x];
        }
    }

    private static void ModeRow(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, Span<byte> output)
    {
        var top = MemoryMarshal.Cast<byte, uint>(row0);
        var bottom = MemoryMarshal.Cast<byte, uint>(row1);
        var dst = MemoryMarshal.Cast<byte, uint>(output);
        Span<uint> block = stackalloc uint[4];
        for (var x = 0; x < dst.Length; x++)
        {
            block[0] = top[2 * x];
            block[1] = top[(2 * x) + 1];
            block[2] = bottom[2 * x];
            block[3] = bottom[(2 * x) + 1];
            dst[x] = Mode(block);
        }
    }

    /// <summary>Most frequent visible (alpha ≠ 0) pixel; ties go to the first in scan order; none visible → 0.</summary>
    private static uint Mode(ReadOnlySpan<uint> block)
    {
        uint best = 0;
        var bestCount = 0;
        for (var i = 0; i < block.Length; i++)
        {
            var candidate = block[i];
            if (!IsVisible(candidate))
            {
                continue;
            }

            var count = 1;
            for (var j = i + 1; j < block.Length; j++)
            {
                count += block[j] == candidate ? 1 : 0;
            }

            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }

    private static bool IsVisible(uint pixel) => BitConverter.IsLittleEndian ? (pixel >> 24) != 0 : (pixel & 0xFF) != 0;

    private static void CheckChild(ReadOnlySpan<byte> child, string name)
    {
        if (!child.IsEmpty && child.Length != TileBytes)
        {
            throw new ArgumentException($"A child tile must be {TileBytes} bytes (256×256 RGBA) or empty, got {child.Length}.", name);
        }
    }
}
