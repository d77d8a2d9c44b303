using EarthData.Imaging.Pyramid;
using EarthData.Imaging.Tests.Encoding;

namespace EarthData.Imaging.Tests.Pyramid;

public class TileDownsamplerTests
{
    private const int Size = TileDownsampler.TileSize;

    public static TheoryData<int> OutputPixels => [1, 3, 4, 5, 7, 128, 1001];

    [Theory]
    [MemberData(nameof(OutputPixels))]
    public void AverageRow_MatchesScalar_OnMixedAlpha(int pixels)
    {
        var rng = new Random(pixels);
        var row0 = TestImages.Random(2 * pixels, 1, pixels);
        var row1 = TestImages.Random(2 * pixels, 1, pixels + 1);
        for (var i = 3; i < row0.Length; i += 4)
        {
            // Mostly opaque runs (SIMD path) with some transparent and translucent pixels (scalar fallback).
            row0[i] = rng.Next(10) switch { 0 => 0, 1 => (byte)rng.Next(256), _ => 255 };
            row1[i] = rng.Next(10) switch { 0 => 0, 1 => (byte)rng.Next(256), _ => 255 };
        }

        var simd = new byte[pixels * 4];
        var scalar = new byte[pixels * 4];
        TileDownsampler.AverageRow(row0, row1, simd);
        TileDownsampler.AverageRowScalar(row0, row1, scalar);
        Assert.Equal(scalar, simd);
    }

    [Fact]
    public void Average_IgnoresTransparentPixels_AndAveragesAlpha()
    {
        byte[] row0 = [100, 10, 0, 255, 200, 20, 0, 255];
        byte[] row1 = [50, 30, 0, 255, 9, 9, 9, 0];
        var output = new byte[4];
        TileDownsampler.AverageRow(row0, row1, output);
        Assert.Equal(new byte[] { 117, 20, 0, 191 }, output); // (100+200+50)/3, (10+20+30)/3, alpha 765/4
    }

    [Fact]
    public void Average_WeighsByAlpha_AndClearsInvisibleBlocks()
    {
        byte[] row0 = [0, 0, 0, 255, 255, 255, 255, 85];
        byte[] row1 = [0, 0, 0, 0, 0, 0, 0, 0];
        var output = new byte[4];
        TileDownsampler.AverageRow(row0, row1, output);
        Assert.Equal(new byte[] { 64, 64, 64, 85 }, output); // 255·85/340 = 63.75
        byte[] faint = [200, 200, 200, 1, 0, 0, 0, 0];
        TileDownsampler.AverageRow(faint, new byte[8], output);
        Assert.Equal(new byte[4], output);
    }

    [Fact]
    public void Downsample_Average_MatchesBlockReference_OnWholeTile()
    {
        var children = new[] { Child(1), Child(2), Array.Empty<byte>(), Child(4) };
        var parent = new byte[TileDownsampler.TileBytes];
        TileDownsampler.Downsample(children[0], children[1], children[2], children[3], parent);
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var child = children[((y / 128) * 2) + (x / 128)];
                var expected = child.Length == 0 ? new byte[4] : ReferenceAverage(child, 2 * (x % 128), 2 * (y % 128));
                Assert.Equal(expected, parent.AsSpan(((y * Size) + x) * 4, 4).ToArray());
            }
        }
    }

    [Fact]
    public void Downsample_AbsentChildren_GiveTransparentQuadrants()
    {
        var parent = new byte[TileDownsampler.TileBytes];
        new Random(1).NextBytes(parent);
        foreach (var mode in Enum.GetValues<PyramidResampling>())
        {
            TileDownsampler.Downsample([], [], [], [], parent, mode);
            Assert.True(EarthData.Imaging.Rendering.RgbaComposer.IsFullyTransparent(parent), mode.ToString());
            Assert.All(parent, b => Assert.Equal(0, b));
        }
    }

    [Theory]
    [InlineData(PyramidResampling.Average)]
    [InlineData(PyramidResampling.Near)]
    [InlineData(PyramidResampling.Bilinear)]
    [InlineData(PyramidResampling.Cubic)]
    [InlineData(PyramidResampling.Mode)]
    public void Downsample_KeepsUniformOpaqueColour(PyramidResampling mode)
    {
        var child = Uniform(30, 140, 220, 255);
        var parent = new byte[TileDownsampler.TileBytes];
        TileDownsampler.Downsample(child, child, child, child, parent, mode);
        Assert.Equal(Uniform(30, 140, 220, 255), parent);
    }

    [Fact]
    public void Downsample_Near_TakesTopLeftPixel()
    {
        var nw = Child(7);
        var parent = new byte[TileDownsampler.TileBytes];
        TileDownsampler.Downsample(nw, [], [], [], parent, PyramidResampling.Near);
        Assert.Equal(nw.AsSpan(((10 * Size) + 6) * 4, 4).ToArray(), parent.AsSpan(((5 * Size) + 3) * 4, 4).ToArray());
    }

    [Fact]
    public void Downsample_Mode_PicksMostFrequentVisibleColour()
    {
        var nw = new byte[TileDownsampler.TileBytes];
        SetPixel(nw, 0, 0, 1, 2, 3, 255);
        SetPixel(nw, 1, 0, 9, 9, 9, 255);
        SetPixel(nw, 0, 1, 9, 9, 9, 255);
        SetPixel(nw, 1, 1, 1, 2, 3, 0);   // same colour but invisible: not counted
        SetPixel(nw, 2, 0, 4, 4, 4, 255); // block (1, 0): all different → first in scan order
        SetPixel(nw, 3, 0, 5, 5, 5, 255);
        SetPixel(nw, 2, 1, 6, 6, 6, 255);
        var parent = new byte[TileDownsampler.TileBytes];
        TileDownsampler.Downsample(nw, [], [], [], parent, PyramidResampling.Mode);
        Assert.Equal(new byte[] { 9, 9, 9, 255 }, parent.AsSpan(0, 4).ToArray());
        Assert.Equal(new byte[] { 4, 4, 4, 255 }, parent.AsSpan(4, 4).ToArray());
        Assert.Equal(new byte[4], parent.AsSpan(8, 4).ToArray());
    }

    [Theory]
    [InlineData(PyramidResampling.Bilinear)]
    [InlineData(PyramidResampling.Cubic)]
    public void Downsample_Kernel_MatchesDirect2DReference(PyramidResampling mode)
    {
        var children = new[] { Child(11), Child(12), Child(13), Array.Empty<byte>() };
        var parent = new byte[TileDownsampler.TileBytes];
        TileDownsampler.Downsample(children[0], children[1], children[2], children[3], parent, mode);
        var taps = mode == PyramidResampling.Cubic ? CubicWeights() : new[] { 1 / 8.0, 3 / 8.0, 3 / 8.0, 1 / 8.0 };
        foreach (var (x, y) in new[] { (0, 0), (127, 127), (128, 5), (200, 100), (255, 255), (60, 200), (127, 128), (128, 128) })
        {
            var expected = Reference2D(children, x, y, taps);
            var actual = parent.AsSpan(((y * Size) + x) * 4, 4).ToArray();
            for (var c = 0; c < 4; c++)
            {
                Assert.True(Math.Abs(expected[c] - actual[c]) <= 1, $"({x},{y}) channel {c}: expected {expected[c]}, got {actual[c]}");
            }
        }
    }

    [Theory]
    [InlineData(PyramidResampling.Average)]
    [InlineData(PyramidResampling.Bilinear)]
    [InlineData(PyramidResampling.Cubic)]
    public void Downsample_DoesNotDarkenEdgesNextToTransparency(PyramidResampling mode)
    {
        var red = Uniform(200, 20, 10, 255);
        var parent = new byte[TileDownsampler.TileBytes];
        TileDownsampler.Downsample(red, [], [], [], parent, mode);
        var fringe = 0;
        for (var i = 0; i < parent.Length; i += 4)
        {
            if (parent[i + 3] == 0)
            {
                continue;
            }

            fringe += parent[i + 3] < 255 ? 1 : 0;
            Assert.InRange(parent[i], 199, 201);
            Assert.InRange(parent[i + 1], 19, 21);
            Assert.InRange(parent[i + 2], 9, 11);
        }

        Assert.Equal(mode != PyramidResampling.Average, fringe > 0); // kernels read across the border, average does not
    }

    [Fact]
    public void Downsample_Throws_WhenSizesOrModeInvalid()
    {
        var ok = new byte[TileDownsampler.TileBytes];
        Assert.Throws<ArgumentException>(() => TileDownsampler.Downsample(new byte[10], [], [], [], ok));
        Assert.Throws<ArgumentException>(() => TileDownsampler.Downsample([], [], [], [], new byte[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileDownsampler.Downsample(ok, [], [], [], new byte[TileDownsampler.TileBytes], (PyramidResampling)99));
    }

    private static byte[] Child(int seed)
    {
        var rgba = TestImages.Imagery(Size, Size, seed);
        var rng = new Random(seed);
        for (var i = 3; i < rgba.Length; i += 4)
        {
            if (rgba[i] != 0 && rng.Next(20) == 0)
            {
                rgba[i] = (byte)rng.Next(256);
            }
        }

        return rgba;
    }

    private static byte[] Uniform(byte r, byte g, byte b, byte a)
    {
        var rgba = new byte[TileDownsampler.TileBytes];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (r, g, b, a);
        }

        return rgba;
    }

    private static void SetPixel(byte[] rgba, int x, int y, byte r, byte g, byte b, byte a)
    {
        var o = ((y * Size) + x) * 4;
        (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = (r, g, b, a);
    }

    private static byte[] ReferenceAverage(byte[] child, int x, int y)
    {
        double sumA = 0;
        var sumC = new double[3];
        foreach (var (dx, dy) in new[] { (0, 0), (1, 0), (0, 1), (1, 1) })
        {
            var o = (((y + dy) * Size) + x + dx) * 4;
            double a = child[o + 3];
            sumA += a;
            for (var c = 0; c < 3; c++)
            {
                sumC[c] += child[o + c] * a;
            }
        }

        var alpha = (int)Math.Floor((sumA / 4) + 0.5);
        if (alpha == 0)
        {
            return new byte[4];
        }

        return [(byte)Math.Floor((sumC[0] / sumA) + 0.5), (byte)Math.Floor((sumC[1] / sumA) + 0.5), (byte)Math.Floor((sumC[2] / sumA) + 0.5), (byte)alpha];
    }

    private static double[] CubicWeights()
    {
        static double Keys(double x)
        {
            x = Math.Abs(x);
            return x <= 1 ? (1.5 * x * x * x) - (2.5 * x * x) + 1 : x < 2 ? (-0.5 * x * x * x) + (2.5 * x * x) - (4 * x) + 2 : 0;
        }

        var w = new double[8];
        for (var k = 0; k < 8; k++)
        {
            w[k] = Keys((k - 3.5) / 2) / 2;
        }

        return w;
    }

    private static double[] Reference2D(byte[][] children, int x, int y, double[] taps)
    {
        var first = 1 - (taps.Length / 2);
        var sum = new double[4];
        for (var ky = 0; ky < taps.Length; ky++)
        {
            for (var kx = 0; kx < taps.Length; kx++)
            {
                var sx = Math.Clamp((2 * x) + first + kx, 0, 511);
                var sy = Math.Clamp((2 * y) + first + ky, 0, 511);
                var child = children[((sy / 256) * 2) + (sx / 256)];
                if (child.Length == 0)
                {
                    continue;
                }

                var o = (((sy % 256) * Size) + (sx % 256)) * 4;
                var w = taps[kx] * taps[ky];
                double a = child[o + 3];
                for (var c = 0; c < 3; c++)
                {
                    sum[c] += w * child[o + c] * a;
                }

                sum[3] += w * a;
            }
        }

        var alpha = Math.Round(Math.Clamp(sum[3], 0, 255), MidpointRounding.AwayFromZero);
        if (alpha == 0)
        {
            return new double[4];
        }

        return [Math.Clamp(sum[0] / sum[3], 0, 255), Math.Clamp(sum[1] / sum[3], 0, 255), Math.Clamp(sum[2] / sum[3], 0, 255), alpha];
    }
}
