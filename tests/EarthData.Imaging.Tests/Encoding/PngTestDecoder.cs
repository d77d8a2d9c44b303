using System.Buffers.Binary;
using System.IO.Compression;

namespace EarthData.Imaging.Tests.Encoding;

/// <summary>A deliberately small, independent PNG reader (8-bit, non-interlaced) to check the encoder's output.</summary>
internal static class PngTestDecoder
{
    public static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public sealed record Image(int Width, int Height, int ColorType, byte[] Rgba, IReadOnlyList<string> Chunks, IReadOnlyList<int> RowFilters);

    public static Image Decode(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "PNG signature");
        var chunks = new List<string>();
        using var idat = new MemoryStream();
        int width = 0, height = 0, colorType = -1;
        var pos = 8;
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            Assert.Equal(BitwiseCrc(png.AsSpan(pos + 4, 4 + length)), crc);
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    Assert.Equal(13, length);
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    colorType = data[9];
                    Assert.Equal(0, data[10]);
                    Assert.Equal(0, data[11]);
                    Assert.Equal(0, data[12]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            pos += 12 + length;
        }

        Assert.Equal(png.Length, pos);
        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);
        var bpp = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"colour type {colorType}") };
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * bpp;
        Assert.Equal(height * (stride + 1), bytes.Length);

        var filters = new List<int>();
        var prev = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            filters.Add(filter);
            var row = bytes.AsSpan((y * (stride + 1)) + 1, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                row[i] = (byte)(row[i] + predictor);
            }

            for (var x = 0; x < width; x++)
            {
                var p = row.Slice(x * bpp, bpp);
                var o = ((y * width) + x) * 4;
                (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = colorType switch
                {
                    0 => (p[0], p[0], p[0], (byte)255),
                    2 => (p[0], p[1], p[2], (byte)255),
                    4 => (p[0], p[0], p[0], p[1]),
                    _ => (p[0], p[1], p[2], p[3]),
                };
            }

            row.CopyTo(prev);
        }

        return new Image(width, height, colorType, rgba, chunks, filters);
    }

    public static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var d in data)
        {
            crc ^= d;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }
}
