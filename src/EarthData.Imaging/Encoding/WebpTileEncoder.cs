using System.Buffers;
using System.Globalization;

namespace EarthData.Imaging.Encoding;

/// <summary>
/// WEBP tiles through GDAL's WEBP driver (libwebp): lossless, or lossy with a quality and libwebp's speed/size
/// trade-off (<c>METHOD</c> 0 = fastest … 6 = smallest).
/// </summary>
/// <remarks>Immutable and thread-safe (each call uses its own MEM dataset and <c>/vsimem</c> file).</remarks>
public sealed class WebpTileEncoder : ITileEncoder
{
    private readonly string[] _options;

    /// <summary>Creates an encoder.</summary>
    /// <param name="quality">Lossy quality 1–100, or null for lossless.</param>
    /// <param name="method">libwebp effort 0 (fastest) to 6; null = libwebp's default (4).</param>
    public WebpTileEncoder(int? quality = null, int? method = null)
    {
        if (quality is { } q)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(q, 1, nameof(quality));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 100, nameof(quality));
        }

        if (method is { } m)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(m, nameof(method));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(m, 6, nameof(method));
        }

        Quality = quality;
        Method = method;
        var options = new List<string> { quality is null ? "LOSSLESS=TRUE" : string.Create(CultureInfo.InvariantCulture, $"QUALITY={quality}") };
        if (method is not null)
        {
            options.Add(string.Create(CultureInfo.InvariantCulture, $"METHOD={method}"));
        }

        _options = [.. options];
    }

    /// <summary>Lossy quality, or null for lossless.</summary>
    public int? Quality { get; }

    /// <summary>libwebp method (effort), or null for its default.</summary>
    public int? Method { get; }

    /// <inheritdoc />
    public string Format => "webp";

    /// <inheritdoc />
    public string MediaType => "image/webp";

    /// <inheritdoc />
    public string FileExtension => "webp";

    /// <inheritdoc />
    public int Encode(ReadOnlySpan<byte> rgba, int width, int height, IBufferWriter<byte> output) =>
        GdalImageEncoding.Encode("WEBP", "webp", rgba, width, height, 4, _options, output);
}
