namespace EarthData.Imaging.Encoding;

/// <summary>CRC-32 (ISO-HDLC, polynomial 0xEDB88320) as used by PNG chunks; table-driven, one byte per step.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Starting register value for <see cref="Append"/>.</summary>
    public const uint Initial = 0xFFFFFFFFu;

    /// <summary>Feeds bytes into a running register (start with <see cref="Initial"/>, finish with <see cref="Finish"/>).</summary>
    public static uint Append(uint register, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            register = table[(register ^ b) & 0xFF] ^ (register >> 8);
        }

        return register;
    }

    /// <summary>The CRC value of a finished register.</summary>
    public static uint Finish(uint register) => ~register;

    /// <summary>The CRC of one buffer.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
