using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EarthData.Imaging.Indices;

/// <summary>
/// Per-pixel spectral index kernels over TOA reflectance spans. Nodata-aware: a pixel where any input is 0 (the
/// reflectance nodata) or NaN, or where the denominator is 0, gets <see cref="float.NaN"/> (the index nodata).
/// Each kernel has a <c>Vector256</c> path with a scalar tail and a scalar reference; the public entry points pick the
/// vector path when the hardware accelerates it. Thread-safe (no state).
/// </summary>
public static class IndexKernels
{
    /// <summary>(a − b) / (a + b): NDVI is (nir, red), NDWI (green, nir), MNDWI (green, swir16), NBR (nir, swir22).</summary>
    public static void NormalizedDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result)
    {
        CheckLengths(a.Length, b.Length, result.Length);
        var done = Vector256.IsHardwareAccelerated ? NormalizedDifferenceVector256(a, b, result) : 0;
        NormalizedDifferenceScalar(a[done..], b[done..], result[done..]);
    }

    /// <summary>EVI 2.5 (nir − red) / (nir + 6 red − 7.5 blue + 1).</summary>
    public static void Evi(ReadOnlySpan<float> nir, ReadOnlySpan<float> red, ReadOnlySpan<float> blue, Span<float> result)
    {
        CheckLengths(nir.Length, red.Length, result.Length);
        CheckLengths(nir.Length, blue.Length, result.Length);
        var done = Vector256.IsHardwareAccelerated ? EviVector256(nir, red, blue, result) : 0;
        EviScalar(nir[done..], red[done..], blue[done..], result[done..]);
    }

    /// <summary>SAVI with L = 0.5: 1.5 (nir − red) / (nir + red + 0.5).</summary>
    public static void Savi(ReadOnlySpan<float> nir, ReadOnlySpan<float> red, Span<float> result)
    {
        CheckLengths(nir.Length, red.Length, result.Length);
        var done = Vector256.IsHardwareAccelerated ? SaviVector256(nir, red, result) : 0;
        SaviScalar(nir[done..], red[done..], result[done..]);
    }

    /// <summary>The scalar reference of <see cref="NormalizedDifference"/>.</summary>
    public static void NormalizedDifferenceScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result)
    {
        CheckLengths(a.Length, b.Length, result.Length);
        for (var i = 0; i < result.Length; i++)
        {
            var (x, y) = (a[i], b[i]);
            var sum = x + y;
            result[i] = x == 0 || y == 0 || sum == 0 ? float.NaN : (x - y) / sum;
        }
    }

    /// <summary>The scalar reference of <see cref="Evi"/>.</summary>
    public static void EviScalar(ReadOnlySpan<float> nir, ReadOnlySpan<float> red, ReadOnlySpan<float> blue, Span<float> result)
    {
        CheckLengths(nir.Length, red.Length, result.Length);
        CheckLengths(nir.Length, blue.Length, result.Length);
        for (var i = 0; i < result.Length; i++)
        {
            var (n, r, bl) = (nir[i], red[i], blue[i]);
            var denominator = n + (6 * r) - (7.5f * bl) + 1;
            result[i] = n == 0 || r == 0 || bl == 0 || denominator == 0 ? float.NaN : 2.5f * (n - r) / denominator;
        }
    }

    /// <summary>The scalar reference of <see cref="Savi"/>.</summary>
    public static void SaviScalar(ReadOnlySpan<float> nir, ReadOnlySpan<float> red, Span<float> result)
    {
        CheckLengths(nir.Length, red.Length, result.Length);
        for (var i = 0; i < result.Length; i++)
        {
            var (n, r) = (nir[i], red[i]);
            result[i] = n == 0 || r == 0 ? float.NaN : 1.5f * (n - r) / (n + r + 0.5f);
        }
    }

    /// <summary>
    /// The <c>Vector256</c> path of <see cref="NormalizedDifference"/> over whole vectors; returns how many leading
    /// pixels it wrote (the caller finishes the tail with the scalar kernel). Runs in software where AVX is absent.
    /// </summary>
    public static int NormalizedDifferenceVector256(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result)
    {
        CheckLengths(a.Length, b.Length, result.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rr = ref MemoryMarshal.GetReference(result);
        var nan = Vector256.Create(float.NaN);
        var end = result.Length - Vector256<float>.Count;
        var i = 0;
        for (; i <= end; i += Vector256<float>.Count)
        {
            var x = Vector256.LoadUnsafe(ref ra, (nuint)i);
            var y = Vector256.LoadUnsafe(ref rb, (nuint)i);
            var sum = x + y;
            var invalid = Vector256.Equals(x, Vector256<float>.Zero) | Vector256.Equals(y, Vector256<float>.Zero) | Vector256.Equals(sum, Vector256<float>.Zero);
            Vector256.ConditionalSelect(invalid, nan, (x - y) / sum).StoreUnsafe(ref rr, (nuint)i);
        }

        return i;
    }

    /// <summary>The <c>Vector256</c> path of <see cref="Evi"/>; returns the pixels written.</summary>
    public static int EviVector256(ReadOnlySpan<float> nir, ReadOnlySpan<float> red, ReadOnlySpan<float> blue, Span<float> result)
    {
        CheckLengths(nir.Length, red.Length, result.Length);
        CheckLengths(nir.Length, blue.Length, result.Length);
        ref var rn = ref MemoryMarshal.GetReference(nir);
        ref var rred = ref MemoryMarshal.GetReference(red);
        ref var rb = ref MemoryMarshal.GetReference(blue);
        ref var rr = ref MemoryMarshal.GetReference(result);
        var (nan, one, six, sevenHalf, gain) = (Vector256.Create(float.NaN), Vector256.Create(1f), Vector256.Create(6f), Vector256.Create(7.5f), Vector256.Create(2.5f));
        var end = result.Length - Vector256<float>.Count;
        var i = 0;
        for (; i <= end; i += Vector256<float>.Count)
        {
            var n = Vector256.LoadUnsafe(ref rn, (nuint)i);
            var r = Vector256.LoadUnsafe(ref rred, (nuint)i);
            var bl = Vector256.LoadUnsafe(ref rb, (nuint)i);
            var denominator = n + (six * r) - (sevenHalf * bl) + one;
            var invalid = Vector256.Equals(n, Vector256<float>.Zero) | Vector256.Equals(r, Vector256<float>.Zero)
                | Vector256.Equals(bl, Vector256<float>.Zero) | Vector256.Equals(denominator, Vector256<float>.Zero);
            Vector256.ConditionalSelect(invalid, nan, gain * (n - r) / denominator).StoreUnsafe(ref rr, (nuint)i);
        }

        return i;
    }

    /// <summary>The <c>Vector256</c> path of <see cref="Savi"/>; returns the pixels written.</summary>
    public static int SaviVector256(ReadOnlySpan<float> nir, ReadOnlySpan<float> red, Span<float> result)
    {
        CheckLengths(nir.Length, red.Length, result.Length);
        ref var rn = ref MemoryMarshal.GetReference(nir);
        ref var rred = ref MemoryMarshal.GetReference(red);
        ref var rr = ref MemoryMarshal.GetReference(result);
        var (nan, half, gain) = (Vector256.Create(float.NaN), Vector256.Create(0.5f), Vector256.Create(1.5f));
        var end = result.Length - Vector256<float>.Count;
        var i = 0;
        for (; i <= end; i += Vector256<float>.Count)
        {
            var n = Vector256.LoadUnsafe(ref rn, (nuint)i);
            var r = Vector256.LoadUnsafe(ref rred, (nuint)i);
            var invalid = Vector256.Equals(n, Vector256<float>.Zero) | Vector256.Equals(r, Vector256<float>.Zero);
            Vector256.ConditionalSelect(invalid, nan, gain * (n - r) / (n + r + half)).StoreUnsafe(ref rr, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckLengths(int a, int b, int result)
    {
        if (a != result || b != result)
        {
            ThrowLengths(a, b, result);
        }
    }

    private static void ThrowLengths(int a, int b, int result) =>
        throw new ArgumentException($"The spans differ in length ({a}, {b}, result {result}).");
}
