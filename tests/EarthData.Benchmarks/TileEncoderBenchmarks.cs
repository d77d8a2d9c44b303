using System.Buffers;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using EarthData.Imaging.Encoding;
using SkiaSharp;

namespace EarthData.Benchmarks;

/// <summary>
/// Encoding one realistic 256×256 RGBA tile with every candidate: our PNG encoder (Fastest/Optimal), GDAL's PNG
/// (ZLEVEL 1/6), GDAL's WEBP (lossless, q75, q75 METHOD=0), GDAL's JPEG, SkiaSharp PNG and WEBP.
/// </summary>
[MemoryDiagnoser]
public class TileEncoderBenchmarks
{
    public const int TileCount = 16;

    private static readonly ITileEncoder GdalPngZ1 = new GdalPngEncoder(1);
    private static readonly ITileEncoder GdalPngZ6 = new GdalPngEncoder(6);
    private byte[][] _tiles = [];
    private ArrayBufferWriter<byte> _output = new();

    [GlobalSetup]
    public void Setup()
    {
        _tiles = EncoderTiles.Render(TileCount);
        _output = new ArrayBufferWriter<byte>(1 << 20);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TileCount)]
    public int OursPngFastest() => Run(Candidates.OursPngFastest);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int OursPngOptimal() => Run(Candidates.OursPngOptimal);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int GdalPngZlevel1() => Run(GdalPngZ1);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int GdalPngZlevel6() => Run(GdalPngZ6);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int GdalWebpLossless() => Run(Candidates.WebpLossless);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int GdalWebpQ75() => Run(Candidates.WebpQ75);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int GdalWebpQ75Method0() => Run(Candidates.WebpQ75Method0);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int GdalJpegQ85() => Run(Candidates.Jpeg);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int SkiaPng() => RunSkia(SKEncodedImageFormat.Png, 100);

    [Benchmark(OperationsPerInvoke = TileCount)]
    public int SkiaWebpQ75() => RunSkia(SKEncodedImageFormat.Webp, 75);

    private int Run(ITileEncoder encoder)
    {
        // Exactly TileCount encodes per invocation (cycling when the scene yields fewer distinct tiles).
        var total = 0;
        for (var i = 0; i < TileCount; i++)
        {
            _output.ResetWrittenCount();
            total += encoder.Encode(_tiles[i % _tiles.Length], 256, 256, _output);
        }

        return total;
    }

    private int RunSkia(SKEncodedImageFormat format, int quality)
    {
        var total = 0;
        for (var i = 0; i < TileCount; i++)
        {
            total += Candidates.EncodeSkia(_tiles[i % _tiles.Length], format, quality).Length;
        }

        return total;
    }
}

/// <summary>The encoders compared, shared by the benchmark and the size report.</summary>
public static class Candidates
{
    public static ITileEncoder OursPngFastest { get; } = new PngTileEncoder(CompressionLevel.Fastest);

    public static ITileEncoder OursPngOptimal { get; } = new PngTileEncoder(CompressionLevel.Optimal);

    public static ITileEncoder WebpLossless { get; } = new WebpTileEncoder();

    public static ITileEncoder WebpQ75 { get; } = new WebpTileEncoder(75);

    public static ITileEncoder WebpQ75Method0 { get; } = new WebpTileEncoder(75, 0);

    public static ITileEncoder Jpeg { get; } = new JpegTileEncoder(85);

    public static byte[] EncodeSkia(byte[] rgba, SKEncodedImageFormat format, int quality)
    {
        var info = new SKImageInfo(256, 256, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var pixmap = new SKPixmap(info, System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(rgba, 0));
        using var data = pixmap.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }
}
