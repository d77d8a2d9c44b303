using System.Buffers;
using System.IO.Compression;
using EarthData.Imaging.Encoding;

namespace EarthData.Imaging.Tests.Encoding;

public class PngTileEncoderTests
{
    public static TheoryData<int, int> Sizes => new() { { 1, 1 }, { 255, 3 }, { 3, 255 }, { 256, 256 }, { 17, 9 } };

    private static readonly PngFilterStrategy[] Strategies =
        [PngFilterStrategy.Adaptive, PngFilterStrategy.None, PngFilterStrategy.Sub, PngFilterStrategy.Up, PngFilterStrategy.Average, PngFilterStrategy.Paeth];

    [Fact]
    public void Properties_DescribePng()
    {
        var e = new PngTileEncoder();
        Assert.Equal("png", e.Format);
        Assert.Equal("image/png", e.MediaType);
        Assert.Equal("png", e.FileExtension);
        Assert.Equal(CompressionLevel.Fastest, e.CompressionLevel);
        Assert.Equal(PngFilterStrategy.Adaptive, e.Filter);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Encode_RoundTripsRandomPixels_ForEveryFilter(int width, int height)
    {
        var rgba = TestImages.Random(width, height, width * 31 + height);
        foreach (var strategy in Strategies)
        {
            var png = Encode(new PngTileEncoder(filter: strategy), rgba, width, height);
            var image = PngTestDecoder.Decode(png);
            Assert.Equal(width, image.Width);
            Assert.Equal(height, image.Height);
            Assert.Equal(6, image.ColorType);
            Assert.Equal(rgba, image.Rgba);
            if (strategy != PngFilterStrategy.Adaptive)
            {
                Assert.All(image.RowFilters, f => Assert.Equal((int)strategy - 1, f));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Encode_WritesRgb_WhenOpaque(int width, int height)
    {
        var rgba = TestImages.Gradient(width, height);
        var image = PngTestDecoder.Decode(Encode(new PngTileEncoder(), rgba, width, height));
        Assert.Equal(width == 1 && height == 1 ? 0 : 2, image.ColorType); // a 1×1 gradient pixel is black: grey
        Assert.Equal(rgba, image.Rgba);
    }

    [Fact]
    public void Encode_WritesGreyAlpha_WhenGreyWithTransparency()
    {
        var rgba = TestImages.Gradient(64, 64, opaque: false);
        for (var i = 0; i < rgba.Length; i += 4)
        {
            rgba[i + 1] = rgba[i + 2] = rgba[i];
        }

        var image = PngTestDecoder.Decode(Encode(new PngTileEncoder(), rgba, 64, 64));
        Assert.Equal(4, image.ColorType);
        Assert.Equal(rgba, image.Rgba);
    }

    [Fact]
    public void Encode_WritesGrey_WhenGreyAndOpaque()
    {
        var rgba = new byte[40 * 30 * 4];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            rgba[i] = rgba[i + 1] = rgba[i + 2] = (byte)(i / 7);
            rgba[i + 3] = 255;
        }

        var image = PngTestDecoder.Decode(Encode(new PngTileEncoder(), rgba, 40, 30));
        Assert.Equal(0, image.ColorType);
        Assert.Equal(rgba, image.Rgba);
    }

    [Fact]
    public void Encode_KeepsRgba_WhenReductionDisabled()
    {
        var rgba = TestImages.Gradient(20, 20);
        var image = PngTestDecoder.Decode(Encode(new PngTileEncoder(reduceColorType: false), rgba, 20, 20));
        Assert.Equal(6, image.ColorType);
        Assert.Equal(rgba, image.Rgba);
    }

    [Fact]
    public void Encode_FullyTransparentTile_IsTinyAndExact()
    {
        var rgba = new byte[256 * 256 * 4];
        var png = Encode(new PngTileEncoder(), rgba, 256, 256);
        Assert.True(png.Length < rgba.Length / 100, $"transparent tile took {png.Length} bytes"); // < 1 % of raw
        Assert.Equal(rgba, PngTestDecoder.Decode(png).Rgba);
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression)]
    [InlineData(CompressionLevel.Fastest)]
    [InlineData(CompressionLevel.Optimal)]
    [InlineData(CompressionLevel.SmallestSize)]
    public void Encode_RoundTripsImagery_AtEveryLevel(CompressionLevel level)
    {
        var rgba = TestImages.Imagery(256, 256, 5);
        var image = PngTestDecoder.Decode(Encode(new PngTileEncoder(level), rgba, 256, 256));
        Assert.Equal(rgba, image.Rgba);
    }

    [Fact]
    public void Encode_SplitsLargeDataIntoSeveralIdatChunks()
    {
        var rgba = TestImages.Random(300, 300, 1); // ~360 KB of incompressible data
        var image = PngTestDecoder.Decode(Encode(new PngTileEncoder(), rgba, 300, 300));
        Assert.True(image.Chunks.Count(c => c == "IDAT") > 1);
        Assert.Equal(rgba, image.Rgba);
    }

    [Fact]
    public void Encode_ReturnsBytesAppended_AndStartsWithSignature()
    {
        var writer = new ArrayBufferWriter<byte>();
        writer.Write(new byte[] { 1, 2, 3 });
        var n = new PngTileEncoder().Encode(TestImages.Gradient(8, 8), 8, 8, writer);
        Assert.Equal(writer.WrittenCount - 3, n);
        Assert.Equal(PngTestDecoder.Signature, writer.WrittenSpan.Slice(3, 8).ToArray());
    }

    [Fact]
    public void Encode_AdaptiveIsNoLargerThanNone_OnImagery()
    {
        var rgba = TestImages.Imagery(256, 256, 9);
        var adaptive = Encode(new PngTileEncoder(), rgba, 256, 256).Length;
        var none = Encode(new PngTileEncoder(filter: PngFilterStrategy.None), rgba, 256, 256).Length;
        Assert.True(adaptive < none, $"adaptive {adaptive} B, none {none} B");
    }

    [Fact]
    public void Encode_Throws_WhenArgumentsInvalid()
    {
        var e = new PngTileEncoder();
        var w = new ArrayBufferWriter<byte>();
        Assert.Throws<ArgumentOutOfRangeException>(() => e.Encode(new byte[4], 0, 1, w));
        Assert.Throws<ArgumentOutOfRangeException>(() => e.Encode(new byte[4], 1, -1, w));
        Assert.Throws<ArgumentException>(() => e.Encode(new byte[12], 2, 2, w));
        Assert.Throws<ArgumentNullException>(() => e.Encode(new byte[4], 1, 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PngTileEncoder(filter: (PngFilterStrategy)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PngTileEncoder((CompressionLevel)42));
    }

    private static byte[] Encode(PngTileEncoder encoder, byte[] rgba, int width, int height)
    {
        var writer = new ArrayBufferWriter<byte>();
        var n = encoder.Encode(rgba, width, height, writer);
        Assert.Equal(writer.WrittenCount, n);
        return writer.WrittenSpan.ToArray();
    }
}
