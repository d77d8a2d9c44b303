using EarthData.Imaging.Indices;

namespace EarthData.Imaging.Tests.Indices;

public class IndexKernelsTests
{
    // 37 pixels: four whole vectors and a 5-pixel tail, with nodata (0), NaN and a zero denominator mixed in.
    private static (float[] Nir, float[] Red, float[] Blue) Inputs()
    {
        var random = new Random(5);
        var nir = new float[37];
        var red = new float[37];
        var blue = new float[37];
        for (var i = 0; i < nir.Length; i++)
        {
            nir[i] = (float)(0.02 + (random.NextDouble() * 0.6));
            red[i] = (float)(0.02 + (random.NextDouble() * 0.3));
            blue[i] = (float)(0.02 + (random.NextDouble() * 0.2));
        }

        (nir[3], red[9], blue[17], nir[33]) = (0, 0, 0, float.NaN);
        (nir[20], red[20]) = (0.5f, -0.5f);
        return (nir, red, blue);
    }

    [Fact]
    public void NormalizedDifferenceVector256_MatchesTheScalarReference()
    {
        var (nir, red, _) = Inputs();
        var vector = new float[nir.Length];
        var scalar = new float[nir.Length];

        var done = IndexKernels.NormalizedDifferenceVector256(nir, red, vector);
        IndexKernels.NormalizedDifferenceScalar(nir.AsSpan(done), red.AsSpan(done), vector.AsSpan(done));
        IndexKernels.NormalizedDifferenceScalar(nir, red, scalar);

        Assert.Equal(32, done);
        AssertSame(scalar, vector);
    }

    [Fact]
    public void EviVector256_MatchesTheScalarReference()
    {
        var (nir, red, blue) = Inputs();
        var vector = new float[nir.Length];
        var scalar = new float[nir.Length];

        var done = IndexKernels.EviVector256(nir, red, blue, vector);
        IndexKernels.EviScalar(nir.AsSpan(done), red.AsSpan(done), blue.AsSpan(done), vector.AsSpan(done));
        IndexKernels.EviScalar(nir, red, blue, scalar);

        AssertSame(scalar, vector);
    }

    [Fact]
    public void SaviVector256_MatchesTheScalarReference()
    {
        var (nir, red, _) = Inputs();
        var vector = new float[nir.Length];
        var scalar = new float[nir.Length];

        var done = IndexKernels.SaviVector256(nir, red, vector);
        IndexKernels.SaviScalar(nir.AsSpan(done), red.AsSpan(done), vector.AsSpan(done));
        IndexKernels.SaviScalar(nir, red, scalar);

        AssertSame(scalar, vector);
    }

    [Fact]
    public void Kernels_GiveTextbookValues_ForVegetation()
    {
        float[] nir = [0.40f], red = [0.05f], blue = [0.06f];
        var result = new float[1];

        IndexKernels.NormalizedDifference(nir, red, result);
        Assert.Equal(0.35f / 0.45f, result[0], 5);
        IndexKernels.Evi(nir, red, blue, result);
        Assert.Equal(2.5f * 0.35f / (0.40f + 0.30f - 0.45f + 1), result[0], 5);
        IndexKernels.Savi(nir, red, result);
        Assert.Equal(1.5f * 0.35f / 0.95f, result[0], 5);
    }

    [Fact]
    public void NormalizedDifference_GivesNaN_ForNodataAndZeroDenominator()
    {
        var (nir, red, _) = Inputs();
        var result = new float[nir.Length];

        IndexKernels.NormalizedDifference(nir, red, result);

        Assert.True(float.IsNaN(result[3]) && float.IsNaN(result[9]) && float.IsNaN(result[20]) && float.IsNaN(result[33]));
        Assert.Equal(33, result.Count(v => !float.IsNaN(v)));
    }

    [Fact]
    public void NormalizedDifference_Throws_WhenLengthsDiffer() =>
        Assert.Throws<ArgumentException>(() => IndexKernels.NormalizedDifference(new float[8], new float[8], new float[7]));

    private static void AssertSame(float[] expected, float[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            if (float.IsNaN(expected[i]))
            {
                Assert.True(float.IsNaN(actual[i]), $"pixel {i}: expected NaN, got {actual[i]}");
            }
            else
            {
                Assert.Equal(expected[i], actual[i], 6);
            }
        }
    }
}
