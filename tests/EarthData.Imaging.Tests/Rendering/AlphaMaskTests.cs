using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class AlphaMaskTests
{
    public static TheoryData<int> OddLengths => [0, 1, 15, 33, 100, 4097];

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void MaskNodata_UShort_MatchesScalar(int length)
    {
        var rng = new Random(length);
        var band = new ushort[length];
        for (var i = 0; i < length; i++)
        {
            band[i] = rng.Next(4) == 0 ? (ushort)0 : (ushort)rng.Next(1, 4000);
        }

        // A long nodata run exercises the all-lanes-hit path.
        band.AsSpan(0, Math.Min(length, 40)).Clear();
        AssertMatchesScalar<ushort>(band, 0);
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void MaskNodata_Float_MatchesScalar_AndMasksNaN(int length)
    {
        var rng = new Random(length + 3);
        var band = new float[length];
        for (var i = 0; i < length; i++)
        {
            band[i] = rng.Next(5) switch { 0 => float.NaN, 1 => -9999f, _ => (float)rng.NextDouble() };
        }

        AssertMatchesScalar<float>(band, -9999f);
        AssertMatchesScalar<float>(band, float.NaN);
        var alpha = Opaque(length);
        AlphaMask.MaskNodata<float>(band, -9999f, alpha);
        for (var i = 0; i < length; i++)
        {
            Assert.Equal(float.IsNaN(band[i]) || band[i] == -9999f ? 0 : 255, alpha[i]);
        }
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void MaskNodata_ByteAndShort_MatchScalar(int length)
    {
        var rng = new Random(length + 5);
        var bytes = new byte[length];
        var shorts = new short[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)rng.Next(0, 4);
            shorts[i] = (short)rng.Next(-3, 3);
        }

        AssertMatchesScalar<byte>(bytes, 0);
        AssertMatchesScalar<short>(shorts, -1);
    }

    [Fact]
    public void MaskNodata_NeverRaisesAlpha()
    {
        var alpha = new byte[] { 0, 0, 255, 7 };
        AlphaMask.MaskNodata<ushort>([5, 5, 5, 5], 0, alpha);
        Assert.Equal(new byte[] { 0, 0, 255, 7 }, alpha);
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void ApplyMask_ClearsWhereMaskZero(int length)
    {
        var rng = new Random(length + 9);
        var mask = new byte[length];
        var alpha = new byte[length];
        rng.NextBytes(alpha);
        for (var i = 0; i < length; i++)
        {
            mask[i] = rng.Next(3) == 0 ? (byte)0 : (byte)255;
        }

        var expected = (byte[])alpha.Clone();
        for (var i = 0; i < length; i++)
        {
            if (mask[i] == 0)
            {
                expected[i] = 0;
            }
        }

        AlphaMask.ApplyMask(mask, alpha);
        Assert.Equal(expected, alpha);
    }

    [Fact]
    public void Methods_Throw_WhenLengthsDiffer()
    {
        Assert.Throws<ArgumentException>(() => AlphaMask.MaskNodata<ushort>(new ushort[4], 0, new byte[3]));
        Assert.Throws<ArgumentException>(() => AlphaMask.ApplyMask(new byte[4], new byte[5]));
    }

    private static void AssertMatchesScalar<T>(T[] band, T nodata)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        var simd = Opaque(band.Length);
        var scalar = Opaque(band.Length);
        AlphaMask.MaskNodata<T>(band, nodata, simd);
        AlphaMask.MaskNodataScalar<T>(band, nodata, scalar);
        Assert.Equal(scalar, simd);
    }

    private static byte[] Opaque(int length)
    {
        var a = new byte[length];
        Array.Fill(a, (byte)255);
        return a;
    }
}
