using System.Buffers;
using EarthData.Imaging.Encoding;
using EarthData.Imaging.Tests.Pyramid;

namespace EarthData.Imaging.Tests.Encoding;

public sealed class GdalTileEncoderTests
{
    [Fact]
    public void Webp_Lossless_RoundTripsExactlyThroughGdal()
    {
        var rgba = TestImages.Imagery(256, 256, 3);
        var output = new ArrayBufferWriter<byte>();

        var written = new WebpTileEncoder().Encode(rgba, 256, 256, output);

        Assert.Equal(output.WrittenCount, written);
        Assert.Equal("RIFF"u8.ToArray(), output.WrittenSpan[..4].ToArray());
        var decoded = PyramidTestData.Decode(output.WrittenSpan);
        // libwebp lossless may change the colour of fully transparent pixels; compare visible ones.
        for (var i = 0; i < rgba.Length; i += 4)
        {
            Assert.Equal(rgba[i + 3], decoded[i + 3]);
            if (rgba[i + 3] != 0)
            {
                Assert.Equal(rgba.AsSpan(i, 3).ToArray(), decoded.AsSpan(i, 3).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(75, null)]
    [InlineData(75, 0)]
    public void Webp_Lossy_DecodesCloseToTheInput(int quality, int? method)
    {
        var rgba = TestImages.Imagery(256, 256, 4, withEdge: false);
        var output = new ArrayBufferWriter<byte>();

        new WebpTileEncoder(quality, method).Encode(rgba, 256, 256, output);

        Assert.InRange(MeanAbsoluteDifference(rgba, PyramidTestData.Decode(output.WrittenSpan)), 0, 6);
    }

    [Fact]
    public void Jpeg_DecodesCloseToTheInput()
    {
        var rgba = TestImages.Imagery(256, 256, 5, withEdge: false);
        var output = new ArrayBufferWriter<byte>();

        new JpegTileEncoder(90).Encode(rgba, 256, 256, output);

        Assert.Equal(0xFF, output.WrittenSpan[0]);
        Assert.InRange(MeanAbsoluteDifference(rgba, PyramidTestData.Decode(output.WrittenSpan)), 0, 6);
    }

    [Fact]
    public void Png_DecodesExactlyThroughGdal()
    {
        var rgba = TestImages.Imagery(256, 256, 6);
        var output = new ArrayBufferWriter<byte>();

        new PngTileEncoder().Encode(rgba, 256, 256, output);

        Assert.Equal(rgba, PyramidTestData.Decode(output.WrittenSpan));
    }

    private static double MeanAbsoluteDifference(byte[] a, byte[] b)
    {
        long sum = 0;
        var n = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((i & 3) != 3)
            {
                sum += Math.Abs(a[i] - b[i]);
                n++;
            }
        }

        return (double)sum / n;
    }
}
