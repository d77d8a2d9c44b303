using EarthData.Imaging.Encoding;

namespace EarthData.Imaging.Tests.Encoding;

public class Crc32Tests
{
    [Fact]
    public void Compute_MatchesCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Append_InPieces_EqualsWhole()
    {
        var data = new byte[1000];
        new Random(3).NextBytes(data);
        var register = Crc32.Append(Crc32.Initial, data.AsSpan(0, 333));
        register = Crc32.Append(register, data.AsSpan(333));
        Assert.Equal(Crc32.Compute(data), Crc32.Finish(register));
        Assert.Equal(PngTestDecoder.BitwiseCrc(data), Crc32.Compute(data));
    }

    [Fact]
    public void Compute_OfIend_IsWellKnown()
    {
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
    }
}
