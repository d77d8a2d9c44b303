using EarthData.Imaging.Encoding;

namespace EarthData.Imaging.Tests.Encoding;

public class PngRowFilterTests
{
    public static TheoryData<int, int> Rows => new() { { 1, 1 }, { 3, 3 }, { 33, 4 }, { 767, 3 }, { 1024, 4 }, { 99, 2 }, { 70000, 4 } };

    [Theory]
    [MemberData(nameof(Rows))]
    public void SubAndUp_MatchScalarDefinition(int length, int bpp)
    {
        var rng = new Random(length);
        byte[] cur = new byte[length], prev = new byte[length], sub = new byte[length], up = new byte[length];
        rng.NextBytes(cur);
        rng.NextBytes(prev);
        PngRowFilter.Sub(cur, bpp, sub);
        PngRowFilter.Up(cur, prev, up);
        for (var i = 0; i < length; i++)
        {
            Assert.Equal((byte)(cur[i] - (i >= bpp ? cur[i - bpp] : 0)), sub[i]);
            Assert.Equal((byte)(cur[i] - prev[i]), up[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void AverageAndPaeth_MatchScalarReference(int length, int bpp)
    {
        var rng = new Random(length + bpp);
        byte[] cur = new byte[length], prev = new byte[length];
        rng.NextBytes(cur);
        rng.NextBytes(prev);
        byte[] simd = new byte[length], scalar = new byte[length];
        PngRowFilter.Average(cur, prev, bpp, simd);
        PngRowFilter.AverageScalar(cur, prev, bpp, scalar);
        Assert.Equal(scalar, simd);
        PngRowFilter.Paeth(cur, prev, bpp, simd);
        PngRowFilter.PaethScalar(cur, prev, bpp, scalar);
        Assert.Equal(scalar, simd);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Cost_MatchesScalarSumOfSignedMagnitudes(int length, int bpp)
    {
        _ = bpp;
        var data = new byte[length];
        new Random(length + 1).NextBytes(data);
        long expected = 0;
        foreach (var b in data)
        {
            expected += Math.Abs((int)(sbyte)b);
        }

        Assert.Equal(expected, PngRowFilter.Cost(data));
    }

    [Fact]
    public void Cost_DoesNotOverflow_OnLongRowsOfMinusOneTwentyEight()
    {
        var data = new byte[100_003];
        Array.Fill(data, (byte)0x80);
        Assert.Equal(100_003L * 128, PngRowFilter.Cost(data));
    }

    [Theory]
    [InlineData(10, 20, 15, 15)] // p = 15: upper-left closest
    [InlineData(10, 20, 10, 20)] // p = 20: up
    [InlineData(10, 20, 20, 10)] // p = 10: left
    [InlineData(5, 5, 5, 5)]     // tie → left
    public void Predict_FollowsPngSpec(int a, int b, int c, int expected)
    {
        Assert.Equal(expected, PngRowFilter.Predict(a, b, c));
    }
}
