using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EarthData.Imaging.Rendering;

/// <summary>
/// Builds the alpha plane of a rendered tile: start from 255 (<see cref="Span{T}.Fill"/>), then clear it
/// wherever any input band holds nodata (<see cref="MaskNodata{T}"/>, once per band) or a validity mask says so
/// (<see cref="ApplyMask"/>).
/// </summary>
public static class AlphaMask
{
    /// <summary>Sets alpha to 0 where the band equals nodata; NaN samples are always treated as nodata.</summary>
    /// <typeparam name="T">Sample type (byte, short, ushort, int, float, double).</typeparam>
    /// <param name="band">The band's samples.</param>
    /// <param name="nodata">The band's nodata value (NaN for float bands whose nodata is NaN).</param>
    /// <param name="alpha">Alpha plane, same length as <paramref name="band"/>; only ever lowered to 0.</param>
    public static void MaskNodata<T>(ReadOnlySpan<T> band, T nodata, Span<byte> alpha)
        where T : unmanaged, INumber<T>
    {
        if (alpha.Length != band.Length)
        {
            throw new ArgumentException($"Alpha has {alpha.Length} pixels but the band has {band.Length}.", nameof(alpha));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var count = Vector256<T>.Count;
            var nd = Vector256.Create(nodata);
            ref var src = ref MemoryMarshal.GetReference(band);
            for (; i <= band.Length - count; i += count)
            {
                var v = Vector256.LoadUnsafe(ref src, (nuint)i);

                // ~(v == v) is all-ones only for NaN lanes, and never for integer types.
                var hit = Vector256.Equals(v, nd) | ~Vector256.Equals(v, v);
                if (hit == Vector256<T>.Zero)
                {
                    continue;
                }

                if (hit == Vector256<T>.AllBitsSet)
                {
                    alpha.Slice(i, count).Clear();
                    continue;
                }

                MaskNodataScalar(band.Slice(i, count), nodata, alpha.Slice(i, count));
            }
        }

        MaskNodataScalar(band[i..], nodata, alpha[i..]);
    }

    /// <summary>Sets alpha to 0 where a validity mask is 0 (GDAL mask convention: 0 invalid, non-zero valid).</summary>
    /// <param name="mask">Mask bytes, same length as <paramref name="alpha"/>.</param>
    /// <param name="alpha">Alpha plane; only ever lowered to 0.</param>
    public static void ApplyMask(ReadOnlySpan<byte> mask, Span<byte> alpha)
    {
        if (alpha.Length != mask.Length)
        {
            throw new ArgumentException($"Alpha has {alpha.Length} pixels but the mask has {mask.Length}.", nameof(alpha));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var m = ref MemoryMarshal.GetReference(mask);
            ref var a = ref MemoryMarshal.GetReference(alpha);
            for (; i <= mask.Length - 32; i += 32)
            {
                var invalid = Vector256.Equals(Vector256.LoadUnsafe(ref m, (nuint)i), Vector256<byte>.Zero);
                Vector256.AndNot(Vector256.LoadUnsafe(ref a, (nuint)i), invalid).StoreUnsafe(ref a, (nuint)i);
            }
        }

        for (; i < mask.Length; i++)
        {
            if (mask[i] == 0)
            {
                alpha[i] = 0;
            }
        }
    }

    /// <summary>Scalar reference of <see cref="MaskNodata{T}"/>.</summary>
    internal static void MaskNodataScalar<T>(ReadOnlySpan<T> band, T nodata, Span<byte> alpha)
        where T : unmanaged, INumber<T>
    {
        for (var i = 0; i < band.Length; i++)
        {
            var v = band[i];
            if (v == nodata || T.IsNaN(v))
            {
                alpha[i] = 0;
            }
        }
    }
}
