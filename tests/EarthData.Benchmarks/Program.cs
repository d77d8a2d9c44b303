using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EarthData.Benchmarks;
using EarthData.Imaging.Encoding;
using SkiaSharp;

// dotnet run -c Release -- --sizes        : bytes per tile for each encoder (and whether SkiaSharp loads)
// dotnet run -c Release -- [BDN arguments] : the BenchmarkDotNet timings (short in-process job)
if (args.Contains("--sizes"))
{
    var tiles = EncoderTiles.Render(TileEncoderBenchmarks.TileCount);
    Console.WriteLine($"{tiles.Length} true-colour MUX tiles, 256×256 RGBA");
    var encoders = new (string Name, Func<byte[], int> Encode)[]
    {
        ("ours PNG Fastest", t => Encode(Candidates.OursPngFastest, t)),
        ("ours PNG Optimal", t => Encode(Candidates.OursPngOptimal, t)),
        ("GDAL PNG ZLEVEL=1", t => Encode(new GdalPngEncoder(1), t)),
        ("GDAL PNG ZLEVEL=6", t => Encode(new GdalPngEncoder(6), t)),
        ("GDAL WEBP lossless", t => Encode(Candidates.WebpLossless, t)),
        ("GDAL WEBP q75", t => Encode(Candidates.WebpQ75, t)),
        ("GDAL WEBP q75 METHOD=0", t => Encode(Candidates.WebpQ75Method0, t)),
        ("GDAL JPEG q85", t => Encode(Candidates.Jpeg, t)),
        ("SkiaSharp PNG", t => Candidates.EncodeSkia(t, SKEncodedImageFormat.Png, 100).Length),
        ("SkiaSharp WEBP q75", t => Candidates.EncodeSkia(t, SKEncodedImageFormat.Webp, 75).Length),
    };
    foreach (var (name, encode) in encoders)
    {
        try
        {
            long bytes = 0;
            var clock = Stopwatch.StartNew();
            foreach (var tile in tiles)
            {
                bytes += encode(tile);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {bytes / (double)tiles.Length / 1024,8:F1} KiB/tile  (first pass {clock.Elapsed.TotalMilliseconds / tiles.Length:F2} ms/tile)"));
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            Console.WriteLine($"{name,-24} unavailable: {ex.GetType().Name}: {ex.Message}");
        }
    }

    return;
}

var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(TileEncoderBenchmarks).Assembly).Run(args, config);

static int Encode(ITileEncoder encoder, byte[] tile)
{
    var output = new ArrayBufferWriter<byte>();
    return encoder.Encode(tile, 256, 256, output);
}
