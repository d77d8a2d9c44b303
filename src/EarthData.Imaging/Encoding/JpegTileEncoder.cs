using System.Buffers;
using System.Globalization;

namespace EarthData.Imaging.Encoding;

/// <summary>
/// JPEG tiles through GDAL's JPEG driver (libjpeg-turbo). JPEG has no alpha: transparent pixels come out as their RGB
/// values (black for nodata), so use it only for layers without nodata edges or behind an opaque basemap.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class JpegTileEncoder : ITileEncoder
{
    private readonly string[] _options;

    /// <summary>Creates an encoder.</summary>
    /// <param name="quality">Quality 1–100 (default 85).</param>
    public JpegTileEncoder(int quality = 85)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        Quality = quality;
        _options = [string.Create(CultureInfo.InvariantCulture, $"QUALITY={quality}")];
    }

    /// <summary>The JPEG quality.</summary>
    public int Quality { get; }

    /// <inheritdoc />
    public string Format => "jpeg";

    /// <inheritdoc />
    public string MediaType => "image/jpeg";

    /// <inheritdoc />
    public string FileExtension => "jpg";

    /// <inheritdoc />
    public int Encode(ReadOnlySpan<byte> rgba, int width, int height, IBufferWriter<byte> output) =>
        GdalImageEncoding.Encode("JPEG", "jpg", rgba, width, height, 3, _options, output);
}
