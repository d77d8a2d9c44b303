using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EarthData.Imaging.Rendering;

/// <summary>
/// Interleaves stretched byte planes and an alpha plane into RGBA pixels (4 bytes per pixel, R first),
/// and answers cheap questions about finished tiles.
/// </summary>
/// <remarks>
/// Pixels whose alpha is 0 are written as 0,0,0,0 so empty areas are identical byte-for-byte
/// (smaller PNGs, stable hashes). Build the alpha plane with <see cref="AlphaMask"/>.
/// The interleave uses <see cref="Vector128"/> widening (16 pixels per step) and agrees exactly with the scalar path.
/// </remarks>
public static class RgbaComposer
{
    /// <summary>Composes a grey image: R = G = B = <paramref name="grey"/>.</summary>
    /// <param name="grey">Stretched samples.</param>
    /// <param name="alpha">Alpha plane of the same length, or empty for fully opaque.</param>
    /// <param name="rgba">Output, exactly 4 × the pixel count.</param>
    public static void Compose(ReadOnlySpan<byte> grey, ReadOnlySpan<byte> alpha, Span<byte> rgba) =>
        Compose(grey, grey, grey, alpha, rgba);

    /// <summary>Composes a colour image from three planes.</summary>
    /// <param name="red">Red plane.</param>
    /// <param name="green">Green plane, same length.</param>
    /// <param name="blue">Blue plane, same length.</param>
    /// <param name="alpha">Alpha plane of the same length, or empty for fully opaque.</param>
    /// <param name="rgba">Output, exactly 4 × the pixel count.</param>
    public static void Compose(ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue,
        ReadOnlySpan<byte> alpha, Span<byte> rgba)
    {
        var n = red.Length;
        if (green.Length != n || blue.Length != n || (!alpha.IsEmpty && alpha.Length != n))
        {
            throw new ArgumentException($"Planes differ in length (R {n}, G {green.Length}, B {blue.Length}, A {alpha.Length}).", nameof(green));
        }

        if (rgba.Length != n * 4)
        {
            throw new ArgumentException($"RGBA output must hold {n * 4} bytes, got {rgba.Length}.", nameof(rgba));
        }

        var opaque = alpha.IsEmpty;
        var i = 0;
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            ref var r = ref MemoryMarshal.GetReference(red);
            ref var g = ref MemoryMarshal.GetReference(green);
            ref var b = ref MemoryMarshal.GetReference(blue);
            ref var a = ref MemoryMarshal.GetReference(alpha);
            ref var dst = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, uint>(rgba));
            for (; i <= n - 16; i += 16)
            {
                var vr = Vector128.LoadUnsafe(ref r, (nuint)i);
                var vg = Vector128.LoadUnsafe(ref g, (nuint)i);
                var vb = Vector128.LoadUnsafe(ref b, (nuint)i);
                var va = Vector128<byte>.AllBitsSet;
                if (!opaque)
                {
                    va = Vector128.LoadUnsafe(ref a, (nuint)i);
                    var keep = ~Vector128.Equals(va, Vector128<byte>.Zero);
                    vr &= keep;
                    vg &= keep;
                    vb &= keep;
                }

                var (rLo, rHi) = Vector128.Widen(vr);
                var (gLo, gHi) = Vector128.Widen(vg);
                var (bLo, bHi) = Vector128.Widen(vb);
                var (aLo, aHi) = Vector128.Widen(va);
                var rgLo = rLo | (gLo << 8);
                var rgHi = rHi | (gHi << 8);
                var baLo = bLo | (aLo << 8);
                var baHi = bHi | (aHi << 8);
                StorePixels(rgLo, baLo, ref dst, (nuint)i);
                StorePixels(rgHi, baHi, ref dst, (nuint)i + 8);
            }
        }

        for (; i < n; i++)
        {
            var av = opaque ? (byte)255 : alpha[i];
            var o = i * 4;
            if (av == 0)
            {
                rgba.Slice(o, 4).Clear();
                continue;
            }

            rgba[o] = red[i];
            rgba[o + 1] = green[i];
            rgba[o + 2] = blue[i];
            rgba[o + 3] = av;
        }
    }

    /// <summary>True when every pixel's alpha is 0, i.e. the tile need not be written.</summary>
    /// <param name="rgba">RGBA pixels (length a multiple of 4).</param>
    /// <returns>True for an empty span too.</returns>
    public static bool IsFullyTransparent(ReadOnlySpan<byte> rgba) => AllAlpha(rgba, 0x00);

    /// <summary>True when every pixel's alpha is 255 (the tile can be stored without alpha).</summary>
    /// <param name="rgba">RGBA pixels (length a multiple of 4).</param>
    /// <returns>True for an empty span too.</returns>
    public static bool IsFullyOpaque(ReadOnlySpan<byte> rgba) => AllAlpha(rgba, 0xFF);

    private static bool AllAlpha(ReadOnlySpan<byte> rgba, byte value)
    {
        if ((rgba.Length & 3) != 0)
        {
            throw new ArgumentException($"RGBA length {rgba.Length} is not a multiple of 4.", nameof(rgba));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            // Alpha is byte 3 of each pixel: compare (pixel & 0xFF000000) against value << 24 via byte lanes.
            var alphaLanes = Vector256.Create(0xFF000000u).AsByte();
            var expected = Vector256.Create((uint)value << 24).AsByte();
            ref var src = ref MemoryMarshal.GetReference(rgba);
            for (; i <= rgba.Length - 128; i += 128)
            {
                var d0 = (Vector256.LoadUnsafe(ref src, (nuint)i) & alphaLanes) ^ expected;
                var d1 = (Vector256.LoadUnsafe(ref src, (nuint)i + 32) & alphaLanes) ^ expected;
                var d2 = (Vector256.LoadUnsafe(ref src, (nuint)i + 64) & alphaLanes) ^ expected;
                var d3 = (Vector256.LoadUnsafe(ref src, (nuint)i + 96) & alphaLanes) ^ expected;
                if ((d0 | d1 | d2 | d3) != Vector256<byte>.Zero)
                {
                    return false;
                }
            }
        }

        for (i += 3; i < rgba.Length; i += 4)
        {
            if (rgba[i] != value)
            {
                return false;
            }
        }

        return true;
    }

    private static void StorePixels(Vector128<ushort> rg, Vector128<ushort> ba, ref uint dst, nuint pixel)
    {
        var (rgLo, rgHi) = Vector128.Widen(rg);
        var (baLo, baHi) = Vector128.Widen(ba);
        (rgLo | (baLo << 16)).StoreUnsafe(ref dst, pixel);
        (rgHi | (baHi << 16)).StoreUnsafe(ref dst, pixel + 4);
    }
}
