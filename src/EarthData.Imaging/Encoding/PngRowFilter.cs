using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EarthData.Imaging.Encoding;

/// <summary>The five PNG row filters (PNG spec §9) and the minimum-sum-of-absolute-differences heuristic.</summary>
internal static class PngRowFilter
{
    /// <summary>Writes the filtered row for <paramref name="type"/> (0–4) into <paramref name="output"/> (same length as the row).</summary>
    public static void Apply(int type, ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        switch (type)
        {
            case 0: current.CopyTo(output); break;
            case 1: Sub(current, bpp, output); break;
            case 2: Up(current, previous, output); break;
            case 3: Average(current, previous, bpp, output); break;
            default: Paeth(current, previous, bpp, output); break;
        }
    }

    /// <summary>Sum of the filtered bytes read as signed values, |−128…127| — libpng's cost estimate.</summary>
    public static long Cost(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(filtered);
            var acc = Vector256<ushort>.Zero;
            var steps = 0;
            for (; i <= filtered.Length - 32; i += 32)
            {
                // |x| of a signed byte fits a byte when read unsigned (|−128| = 128).
                var v = Vector256.Abs(Vector256.LoadUnsafe(ref src, (nuint)i).AsSByte()).AsByte();
                var (lo, hi) = Vector256.Widen(v);
                acc += lo + hi;
                if (++steps == 255)
                {
                    sum += Total(acc); // flush before the 16-bit lanes can overflow (each step adds ≤ 2 × 128)
                    steps = 0;
                    acc = Vector256<ushort>.Zero;
                }
            }

            sum += Total(acc);
        }

        for (; i < filtered.Length; i++)
        {
            sum += Math.Abs((int)(sbyte)filtered[i]);
        }

        return sum;
    }

    public static void Sub(ReadOnlySpan<byte> current, int bpp, Span<byte> output)
    {
        var n = Math.Min(bpp, current.Length);
        current[..n].CopyTo(output);
        var i = bpp;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var cur = ref MemoryMarshal.GetReference(current);
            ref var dst = ref MemoryMarshal.GetReference(output);
            for (; i <= current.Length - 32; i += 32)
            {
                var d = Vector256.LoadUnsafe(ref cur, (nuint)i) - Vector256.LoadUnsafe(ref cur, (nuint)(i - bpp));
                d.StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < current.Length; i++)
        {
            output[i] = (byte)(current[i] - current[i - bpp]);
        }
    }

    public static void Up(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, Span<byte> output)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var cur = ref MemoryMarshal.GetReference(current);
            ref var prev = ref MemoryMarshal.GetReference(previous);
            ref var dst = ref MemoryMarshal.GetReference(output);
            for (; i <= current.Length - 32; i += 32)
            {
                (Vector256.LoadUnsafe(ref cur, (nuint)i) - Vector256.LoadUnsafe(ref prev, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < current.Length; i++)
        {
            output[i] = (byte)(current[i] - previous[i]);
        }
    }

    public static void Average(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        var head = Math.Min(bpp, current.Length);
        AverageScalar(current[..head], previous[..head], bpp, output);
        var i = bpp;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var cur = ref MemoryMarshal.GetReference(current);
            ref var prev = ref MemoryMarshal.GetReference(previous);
            ref var dst = ref MemoryMarshal.GetReference(output);
            for (; i <= current.Length - 32; i += 32)
            {
                var left = Vector256.LoadUnsafe(ref cur, (nuint)(i - bpp));
                var up = Vector256.LoadUnsafe(ref prev, (nuint)i);
                var mean = (left & up) + ((left ^ up) >> 1); // floor((left + up) / 2) without overflow
                (Vector256.LoadUnsafe(ref cur, (nuint)i) - mean).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < current.Length; i++)
        {
            output[i] = (byte)(current[i] - ((current[i - bpp] + previous[i]) >> 1));
        }
    }

    public static void Paeth(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        var head = Math.Min(bpp, current.Length);
        PaethScalar(current[..head], previous[..head], bpp, output);
        var i = bpp;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var cur = ref MemoryMarshal.GetReference(current);
            ref var prev = ref MemoryMarshal.GetReference(previous);
            ref var dst = ref MemoryMarshal.GetReference(output);
            for (; i <= current.Length - 16; i += 16)
            {
                var (aLo, aHi) = Vector128.Widen(Vector128.LoadUnsafe(ref cur, (nuint)(i - bpp)));
                var (bLo, bHi) = Vector128.Widen(Vector128.LoadUnsafe(ref prev, (nuint)i));
                var (cLo, cHi) = Vector128.Widen(Vector128.LoadUnsafe(ref prev, (nuint)(i - bpp)));
                var predicted = Vector128.Narrow(
                    PaethLanes(aLo.AsInt16(), bLo.AsInt16(), cLo.AsInt16()),
                    PaethLanes(aHi.AsInt16(), bHi.AsInt16(), cHi.AsInt16()));
                (Vector128.LoadUnsafe(ref cur, (nuint)i) - predicted.AsByte()).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < current.Length; i++)
        {
            output[i] = (byte)(current[i] - Predict(current[i - bpp], previous[i], previous[i - bpp]));
        }
    }

    /// <summary>Scalar reference of <see cref="Average"/>.</summary>
    internal static void AverageScalar(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        for (var i = 0; i < current.Length; i++)
        {
            var left = i >= bpp ? current[i - bpp] : 0;
            output[i] = (byte)(current[i] - ((left + previous[i]) >> 1));
        }
    }

    /// <summary>Scalar reference of <see cref="Paeth"/>.</summary>
    internal static void PaethScalar(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        for (var i = 0; i < current.Length; i++)
        {
            int a = i >= bpp ? current[i - bpp] : 0, c = i >= bpp ? previous[i - bpp] : 0;
            output[i] = (byte)(current[i] - Predict(a, previous[i], c));
        }
    }

    /// <summary>The Paeth predictor (PNG spec §9.4), ties broken left, then up, then upper-left.</summary>
    public static int Predict(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Paeth predictor on 16-bit lanes: pa = |b − c|, pb = |a − c|, pc = |a + b − 2c|.</summary>
    private static Vector128<short> PaethLanes(Vector128<short> a, Vector128<short> b, Vector128<short> c)
    {
        var pa = Vector128.Abs(b - c);
        var pb = Vector128.Abs(a - c);
        var pc = Vector128.Abs(a + b - c - c);
        var pickA = Vector128.LessThanOrEqual(pa, pb) & Vector128.LessThanOrEqual(pa, pc);
        var pickB = Vector128.LessThanOrEqual(pb, pc);
        return Vector128.ConditionalSelect(pickA, a, Vector128.ConditionalSelect(pickB, b, c));
    }

    private static long Total(Vector256<ushort> acc)
    {
        var (lo, hi) = Vector256.Widen(acc);
        return Vector256.Sum(lo + hi);
    }
}
