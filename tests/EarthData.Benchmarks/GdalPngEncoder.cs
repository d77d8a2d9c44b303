using System.Buffers;
using System.Globalization;
using EarthData.Imaging.Encoding;

namespace EarthData.Benchmarks;

/// <summary>PNG through GDAL's PNG driver (libpng) at a zlib level, for comparison with our encoder.</summary>
public sealed class GdalPngEncoder(int zlevel) : ITileEncoder
{
    private readonly string[] _options = [string.Create(CultureInfo.InvariantCulture, $"ZLEVEL={zlevel}")];

    public string Format => "png";

    public string MediaType => "image/png";

    public string FileExtension => "png";

    public int Encode(ReadOnlySpan<byte> rgba, int width, int height, IBufferWriter<byte> output) =>
        GdalImageEncoding.Encode("PNG", "png", rgba, width, height, 4, _options, output);
}
