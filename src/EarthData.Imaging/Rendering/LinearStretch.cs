using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EarthData.Imaging.Rendering;

/// <summary>
/// Maps band samples linearly from [low, high] to bytes 0–255 (clamping outside, NaN → 0), with an optional gamma:
/// out = 255 · t^(1/γ) where t = (v − low)/(high − low), so γ &gt; 1 brightens mid-tones.
/// </summary>
/// <remarks>
/// Immutable and thread-safe once built; build one per band and reuse it for every tile.
/// Arithmetic is single precision; with γ = 1 the result is round(255·t), otherwise t is quantised to
/// 4096 levels and looked up in a gamma table. Byte input always goes through a 256-entry table.
/// The float/short/ushort paths use <see cref="Vector256"/> when accelerated and agree bit-for-bit with the scalar path.
/// </remarks>
public sealed class LinearStretch
{
    private const int GammaLevels = 4095;

    private readonly float _low;
    private readonly float _scale;
    private readonly float _levels;
    private readonly byte[]? _gammaTable;
    private readonly byte[] _byteTable = new byte[256];

    /// <summary>Creates a stretch.</summary>
    /// <param name="low">Sample value mapped to 0.</param>
    /// <param name="high">Sample value mapped to 255; must be greater than <paramref name="low"/>.</param>
    /// <param name="gamma">Gamma, &gt; 0; 1 means linear.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or not finite, or gamma is not positive.</exception>
    public LinearStretch(double low, double high, double gamma = 1.0)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low))
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"Stretch range must be finite with high > low, got [{low}, {high}].");
        }

        if (!double.IsFinite(gamma) || gamma <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "Gamma must be a positive number.");
        }

        Low = low;
        High = high;
        Gamma = gamma;
        _low = (float)low;
        if (gamma != 1.0)
        {
            _levels = GammaLevels;
            _gammaTable = new byte[GammaLevels + 1];
            for (var i = 0; i <= GammaLevels; i++)
            {
                _gammaTable[i] = (byte)Math.Round(255.0 * Math.Pow(i / (double)GammaLevels, 1.0 / gamma));
            }
        }
        else
        {
            _levels = 255f;
        }

        _scale = (float)(_levels / (high - low));
        for (var v = 0; v < 256; v++)
        {
            _byteTable[v] = Map(v);
        }
    }

    /// <summary>Sample value mapped to 0.</summary>
    public double Low { get; }

    /// <summary>Sample value mapped to 255.</summary>
    public double High { get; }

    /// <summary>Gamma exponent (1 = linear).</summary>
    public double Gamma { get; }

    /// <summary>Stretches 8-bit samples.</summary>
    /// <param name="source">Samples.</param>
    /// <param name="destination">Output bytes, at least as long as <paramref name="source"/>.</param>
    public void Apply(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CheckLengths(source.Length, destination.Length);
        var table = _byteTable;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    /// <summary>Stretches signed 16-bit samples.</summary>
    /// <param name="source">Samples.</param>
    /// <param name="destination">Output bytes, at least as long as <paramref name="source"/>.</param>
    public void Apply(ReadOnlySpan<short> source, Span<byte> destination)
    {
        CheckLengths(source.Length, destination.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(source);
            for (; i <= source.Length - 32; i += 32)
            {
                var (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)i));
                var (c, d) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)i + 16));
                Store(Vector256.ConvertToSingle(a), Vector256.ConvertToSingle(b),
                    Vector256.ConvertToSingle(c), Vector256.ConvertToSingle(d), destination.Slice(i, 32));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = Map(source[i]);
        }
    }

    /// <summary>Stretches unsigned 16-bit samples (the CBERS DN type).</summary>
    /// <param name="source">Samples.</param>
    /// <param name="destination">Output bytes, at least as long as <paramref name="source"/>.</param>
    public void Apply(ReadOnlySpan<ushort> source, Span<byte> destination)
    {
        CheckLengths(source.Length, destination.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(source);
            for (; i <= source.Length - 32; i += 32)
            {
                var (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)i));
                var (c, d) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)i + 16));
                Store(Vector256.ConvertToSingle(a.AsInt32()), Vector256.ConvertToSingle(b.AsInt32()),
                    Vector256.ConvertToSingle(c.AsInt32()), Vector256.ConvertToSingle(d.AsInt32()), destination.Slice(i, 32));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = Map(source[i]);
        }
    }

    /// <summary>Stretches 32-bit float samples (reflectance, indices); NaN maps to 0.</summary>
    /// <param name="source">Samples.</param>
    /// <param name="destination">Output bytes, at least as long as <paramref name="source"/>.</param>
    public void Apply(ReadOnlySpan<float> source, Span<byte> destination)
    {
        CheckLengths(source.Length, destination.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(source);
            for (; i <= source.Length - 32; i += 32)
            {
                Store(Vector256.LoadUnsafe(ref src, (nuint)i), Vector256.LoadUnsafe(ref src, (nuint)i + 8),
                    Vector256.LoadUnsafe(ref src, (nuint)i + 16), Vector256.LoadUnsafe(ref src, (nuint)i + 24), destination.Slice(i, 32));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = Map(source[i]);
        }
    }

    /// <summary>The scalar reference for one sample; SIMD paths must agree with it exactly.</summary>
    internal byte Map(float value)
    {
        var x = (value - _low) * _scale;
        if (!(x >= 0f))
        {
            x = 0f; // negative or NaN
        }
        else if (x > _levels)
        {
            x = _levels;
        }

        var index = (int)(x + 0.5f);
        return _gammaTable is null ? (byte)index : _gammaTable[index];
    }

    /// <summary>Scalar reference over a span, for tests and benchmarks.</summary>
    internal void ApplyScalar(ReadOnlySpan<float> source, Span<byte> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Map(source[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<int> Index(Vector256<float> v)
    {
        var x = (v - Vector256.Create(_low)) * Vector256.Create(_scale);
        x = Vector256.ConditionalSelect(Vector256.Equals(x, x), x, Vector256<float>.Zero);
        x = Vector256.MinNative(Vector256.MaxNative(x, Vector256<float>.Zero), Vector256.Create(_levels));
        return Vector256.ConvertToInt32(x + Vector256.Create(0.5f));
    }

    private void Store(Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d, Span<byte> destination)
    {
        var ia = Index(a);
        var ib = Index(b);
        var ic = Index(c);
        var id = Index(d);
        if (_gammaTable is null)
        {
            var bytes = Vector256.Narrow(Vector256.Narrow(ia, ib), Vector256.Narrow(ic, id));
            bytes.AsByte().StoreUnsafe(ref MemoryMarshal.GetReference(destination));
            return;
        }

        Span<int> indices = stackalloc int[32];
        ia.StoreUnsafe(ref MemoryMarshal.GetReference(indices));
        ib.StoreUnsafe(ref MemoryMarshal.GetReference(indices), 8);
        ic.StoreUnsafe(ref MemoryMarshal.GetReference(indices), 16);
        id.StoreUnsafe(ref MemoryMarshal.GetReference(indices), 24);
        var table = _gammaTable;
        for (var k = 0; k < 32; k++)
        {
            destination[k] = table[indices[k]];
        }
    }

    private static void CheckLengths(int source, int destination)
    {
        if (destination < source)
        {
            throw new ArgumentException($"Destination holds {destination} bytes but the source has {source} samples.", nameof(destination));
        }
    }
}
