namespace EarthData.Core.Stac;

/// <summary>Multihash text for STAC <c>file:checksum</c> (lowercase hex of code, length and digest).</summary>
public static class Multihash
{
    /// <summary>The multihash of a SHA2-256 digest: <c>1220</c> followed by the 32 digest bytes in hex.</summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    public static string Sha256(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException($"A SHA2-256 digest has 32 bytes, got {digest.Length}.", nameof(digest));
        }

        return "1220" + Convert.ToHexStringLower(digest);
    }
}
