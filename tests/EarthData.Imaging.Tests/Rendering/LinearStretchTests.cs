using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class LinearStretchTests
{
    public static TheoryData<int> OddLengths => [0, 1, 7, 31, 33, 65, 1001, 65536 + 13];

    [Fact]
    public void Map_HitsEndsAndMiddle()
    {
        var s = new LinearStretch(100, 200);
        Assert.Equal(0, s.Map(100));
        Assert.Equal(255, s.Map(200));
        Assert.Equal(128, s.Map(150));
        Assert.Equal(0, s.Map(-5));
        Assert.Equal(255, s.Map(5000));
        Assert.Equal(0, s.Map(float.NaN));
        Assert.Equal(255, s.Map(float.PositiveInfinity));
        Assert.Equal(0, s.Map(float.NegativeInfinity));
    }

    [Fact]
    public void Gamma_BrightensMidTones_WhenAboveOne()
    {
        var linear = new LinearStretch(0, 1);
        var gamma = new LinearStretch(0, 1, 2.0);
        Assert.Equal(128, linear.Map(0.5f));
        Assert.Equal((byte)Math.Round(255 * Math.Sqrt(0.5)), gamma.Map(0.5f));
        Assert.Equal(0, gamma.Map(0f));
        Assert.Equal(255, gamma.Map(1f));
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Apply_Float_MatchesScalar_OnRandomData(int length)
    {
        foreach (var gamma in new[] { 1.0, 0.7, 1.8 })
        {
            var rng = new Random(length + (int)(gamma * 10));
            var src = new float[length];
            for (var i = 0; i < length; i++)
            {
                src[i] = (float)((rng.NextDouble() * 1.4) - 0.2);
            }

            if (length > 5)
            {
                src[3] = float.NaN;
                src[4] = float.PositiveInfinity;
                src[5] = float.NegativeInfinity;
            }

            var s = new LinearStretch(0.02, 0.95, gamma);
            var simd = new byte[length];
            var scalar = new byte[length];
            s.Apply(src, simd);
            s.ApplyScalar(src, scalar);
            Assert.Equal(scalar, simd);
        }
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Apply_UShort_MatchesScalar_OnRandomData(int length)
    {
        var rng = new Random(length);
        var src = new ushort[length];
        var asFloat = new float[length];
        for (var i = 0; i < length; i++)
        {
            src[i] = (ushort)rng.Next(0, 65536);
            asFloat[i] = src[i];
        }

        foreach (var gamma in new[] { 1.0, 1.5 })
        {
            var s = new LinearStretch(1200, 41000, gamma);
            var simd = new byte[length];
            var scalar = new byte[length];
            s.Apply(src, simd);
            s.ApplyScalar(asFloat, scalar);
            Assert.Equal(scalar, simd);
        }
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Apply_Short_MatchesScalar_OnRandomData(int length)
    {
        var rng = new Random(length + 1);
        var src = new short[length];
        var asFloat = new float[length];
        for (var i = 0; i < length; i++)
        {
            src[i] = (short)rng.Next(short.MinValue, short.MaxValue + 1);
            asFloat[i] = src[i];
        }

        var s = new LinearStretch(-2000, 9000);
        var simd = new byte[length];
        var scalar = new byte[length];
        s.Apply(src, simd);
        s.ApplyScalar(asFloat, scalar);
        Assert.Equal(scalar, simd);
    }

    [Fact]
    public void Apply_Byte_MatchesScalar_ForEveryValue()
    {
        var src = new byte[256];
        var asFloat = new float[256];
        for (var i = 0; i < 256; i++)
        {
            src[i] = (byte)i;
            asFloat[i] = i;
        }

        var s = new LinearStretch(20, 180, 1.3);
        var lut = new byte[256];
        var scalar = new byte[256];
        s.Apply(src, lut);
        s.ApplyScalar(asFloat, scalar);
        Assert.Equal(scalar, lut);
        Assert.Equal(0, lut[20]);
        Assert.Equal(255, lut[180]);
    }

    [Fact]
    public void Apply_Throws_WhenDestinationTooShort()
    {
        var s = new LinearStretch(0, 1);
        Assert.Throws<ArgumentException>(() => s.Apply(new float[10], new byte[9]));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(0, double.NaN, 1)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 1, -1)]
    public void Constructor_Throws_WhenArgumentsInvalid(double low, double high, double gamma)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearStretch(low, high, gamma));
    }
}
