using BenchmarkDotNet.Attributes;
using EarthData.Imaging.Indices;

namespace EarthData.Benchmarks;

/// <summary>
/// NDVI over in-memory 256×256 reflectance blocks (one COG block each, ~12 % nodata): a plain scalar loop (baseline),
/// our scalar reference, the explicit <c>Vector256</c> kernel, and the dispatching entry point. One operation is one
/// block of 65 536 pixels, so Mpixel/s = 65 536 / (ns per op) × 1000.
/// </summary>
public class NdviBenchmarks
{
    public const int Pixels = 256 * 256;
    private const int Blocks = 16;

    private float[][] _nir = [];
    private float[][] _red = [];
    private float[] _result = new float[Pixels];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _nir = new float[Blocks][];
        _red = new float[Blocks][];
        for (var b = 0; b < Blocks; b++)
        {
            _nir[b] = new float[Pixels];
            _red[b] = new float[Pixels];
            for (var i = 0; i < Pixels; i++)
            {
                var nodata = random.NextDouble() < 0.12;
                _nir[b][i] = nodata ? 0 : (float)(0.05 + (random.NextDouble() * 0.5));
                _red[b][i] = nodata ? 0 : (float)(0.02 + (random.NextDouble() * 0.25));
            }
        }

        _result = new float[Pixels];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Blocks)]
    public float PlainScalarLoop()
    {
        for (var b = 0; b < Blocks; b++)
        {
            float[] nir = _nir[b], red = _red[b], result = _result;
            for (var i = 0; i < result.Length; i++)
            {
                var n = nir[i];
                var r = red[i];
                result[i] = n == 0 || r == 0 ? float.NaN : (n - r) / (n + r);
            }
        }

        return _result[0];
    }

    [Benchmark(OperationsPerInvoke = Blocks)]
    public float ScalarReference()
    {
        for (var b = 0; b < Blocks; b++)
        {
            IndexKernels.NormalizedDifferenceScalar(_nir[b], _red[b], _result);
        }

        return _result[0];
    }

    [Benchmark(OperationsPerInvoke = Blocks)]
    public float Vector256Kernel()
    {
        for (var b = 0; b < Blocks; b++)
        {
            var done = IndexKernels.NormalizedDifferenceVector256(_nir[b], _red[b], _result);
            IndexKernels.NormalizedDifferenceScalar(_nir[b].AsSpan(done), _red[b].AsSpan(done), _result.AsSpan(done));
        }

        return _result[0];
    }

    [Benchmark(OperationsPerInvoke = Blocks)]
    public float Dispatching()
    {
        for (var b = 0; b < Blocks; b++)
        {
            IndexKernels.NormalizedDifference(_nir[b], _red[b], _result);
        }

        return _result[0];
    }
}
