using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Rendering;

public class RgbaComposerTests
{
    public static TheoryData<int> OddLengths => [0, 1, 15, 16, 17, 63, 1000, 65536 + 5];

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Compose_Rgb_MatchesReference_OnRandomData(int n)
    {
        var rng = new Random(n);
        byte[] r = new byte[n], g = new byte[n], b = new byte[n], a = new byte[n];
        rng.NextBytes(r);
        rng.NextBytes(g);
        rng.NextBytes(b);
        for (var i = 0; i < n; i++)
        {
            a[i] = rng.Next(4) switch { 0 => 0, 1 => (byte)rng.Next(256), _ => 255 };
        }

        var rgba = new byte[n * 4];
        RgbaComposer.Compose(r, g, b, a, rgba);
        for (var i = 0; i < n; i++)
        {
            var expected = a[i] == 0 ? new byte[4] : new[] { r[i], g[i], b[i], a[i] };
            Assert.Equal(expected, rgba.AsSpan(i * 4, 4).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Compose_Grey_IsOpaque_WhenNoAlpha(int n)
    {
        var grey = new byte[n];
        new Random(n).NextBytes(grey);
        var rgba = new byte[n * 4];
        RgbaComposer.Compose(grey, ReadOnlySpan<byte>.Empty, rgba);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(new[] { grey[i], grey[i], grey[i], (byte)255 }, rgba.AsSpan(i * 4, 4).ToArray());
        }

        Assert.True(RgbaComposer.IsFullyOpaque(rgba));
        Assert.Equal(n == 0, RgbaComposer.IsFullyTransparent(rgba));
    }

    [Fact]
    public void Compose_Throws_WhenLengthsDiffer()
    {
        Assert.Throws<ArgumentException>(() => RgbaComposer.Compose(new byte[4], new byte[4], new byte[3], [], new byte[16]));
        Assert.Throws<ArgumentException>(() => RgbaComposer.Compose(new byte[4], new byte[3], new byte[15]));
        Assert.Throws<ArgumentException>(() => RgbaComposer.Compose(new byte[4], [], new byte[15]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(65536)]
    public void IsFullyTransparent_DetectsOneVisiblePixelAnywhere(int pixels)
    {
        var rgba = new byte[pixels * 4];
        Assert.True(RgbaComposer.IsFullyTransparent(rgba));
        foreach (var p in new[] { 0, pixels / 2, pixels - 1 })
        {
            rgba[(p * 4) + 3] = 1;
            Assert.False(RgbaComposer.IsFullyTransparent(rgba));
            rgba[(p * 4) + 3] = 0;
            rgba[p * 4] = 255; // colour without alpha stays invisible
            Assert.True(RgbaComposer.IsFullyTransparent(rgba));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(33)]
    [InlineData(65536)]
    public void IsFullyOpaque_DetectsOneTranslucentPixelAnywhere(int pixels)
    {
        var rgba = new byte[pixels * 4];
        for (var p = 0; p < pixels; p++)
        {
            rgba[(p * 4) + 3] = 255;
        }

        Assert.True(RgbaComposer.IsFullyOpaque(rgba));
        rgba[((pixels - 1) * 4) + 3] = 254;
        Assert.False(RgbaComposer.IsFullyOpaque(rgba));
    }

    [Fact]
    public void IsFullyTransparent_Throws_WhenNotWholePixels()
    {
        Assert.Throws<ArgumentException>(() => RgbaComposer.IsFullyTransparent(new byte[6]));
    }
}
