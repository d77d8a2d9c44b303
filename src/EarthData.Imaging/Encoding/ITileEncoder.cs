using System.Buffers;

namespace EarthData.Imaging.Encoding;

/// <summary>Encodes a rendered RGBA tile into an image format served to map clients.</summary>
/// <remarks>Implementations are immutable and safe to share between threads.</remarks>
public interface ITileEncoder
{
    /// <summary>Short format name used in layer definitions, e.g. <c>png</c>.</summary>
    string Format { get; }

    /// <summary>The IANA media type, e.g. <c>image/png</c>.</summary>
    string MediaType { get; }

    /// <summary>File extension without the dot, used in <c>{z}/{x}/{y}.{ext}</c> keys.</summary>
    string FileExtension { get; }

    /// <summary>Encodes one image.</summary>
    /// <param name="rgba">Pixels, 4 bytes each (R, G, B, A, straight alpha), row-major from the top, no padding.</param>
    /// <param name="width">Width in pixels, &gt; 0.</param>
    /// <param name="height">Height in pixels, &gt; 0.</param>
    /// <param name="output">Receives the encoded file; bytes are appended, nothing is read back.</param>
    /// <returns>The number of bytes appended to <paramref name="output"/>.</returns>
    int Encode(ReadOnlySpan<byte> rgba, int width, int height, IBufferWriter<byte> output);
}
