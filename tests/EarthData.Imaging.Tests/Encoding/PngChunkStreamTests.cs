using System.Buffers;
using System.Buffers.Binary;
using EarthData.Imaging.Encoding;

namespace EarthData.Imaging.Tests.Encoding;

public class PngChunkStreamTests
{
    [Fact]
    public void WriteChunk_OfIend_CarriesTheWellKnownCrc()
    {
        var output = new ArrayBufferWriter<byte>();

        var written = PngChunkStream.WriteChunk(output, "IEND"u8, []);

        Assert.Equal(12, written);
        Assert.Equal(0xAE426082u, BinaryPrimitives.ReadUInt32BigEndian(output.WrittenSpan[8..]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(65_536)]
    public void WriteChunk_CrcCoversTypeAndData_AsTheBitwiseReferenceComputesIt(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        var output = new ArrayBufferWriter<byte>();

        PngChunkStream.WriteChunk(output, "IDAT"u8, data);

        var chunk = output.WrittenSpan;
        Assert.Equal((uint)length, BinaryPrimitives.ReadUInt32BigEndian(chunk));
        Assert.Equal(PngTestDecoder.BitwiseCrc(chunk.Slice(4, 4 + length)), BinaryPrimitives.ReadUInt32BigEndian(chunk[(8 + length)..]));
    }
}
