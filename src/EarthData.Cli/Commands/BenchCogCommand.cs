using System.CommandLine;
using System.Globalization;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Samples;

namespace EarthData.Cli.Commands;

/// <summary>
/// <c>earthdata bench cog</c>: <c>earthdata cog</c> against <c>gdalwarp -of COG</c> on the same full-size generated
/// CBERS scene, same grid (the zoom and aligned levels ours wrote), ZSTD level 1 + predictor, <c>average</c>
/// overviews, same threads; each a child process under GNU time, alternating, for the given number of runs.
/// </summary>
internal static class BenchCogCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var work = new Option<string?>("--work") { Description = "Scratch folder (default: a new temp folder, deleted afterwards)" };
        var camera = new Option<string>("--camera") { Description = "mux (CBERS-4 MUX, 7,362 × 7,039 × 4 Byte) or awfi (CBERS-4 AWFI, 16,398 × 14,092 × 4 Int16), full size", DefaultValueFactory = _ => "mux" };
        var existing = new Option<string?>("--scene") { Description = "An existing scene folder to use instead of generating one" };
        var threads = new Option<int>("--threads") { Description = "Threads for both tools (warp and compression)", DefaultValueFactory = _ => 2 };
        var runs = new Option<int>("--runs") { Description = "Runs of each tool (alternating)", DefaultValueFactory = _ => 1 };
        var command = new Command("cog", "Write the master COG of a full scene with EarthData and with gdalwarp -of COG and print the ratios")
        {
            work, camera, existing, threads, runs,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var root = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "earthdata-bench-" + Guid.NewGuid().ToString("N"));
            var owned = parse.GetValue(work) is null;
            Directory.CreateDirectory(root);
            try
            {
                var collection = parse.GetValue(camera)?.ToUpperInvariant() switch
                {
                    "MUX" => "CBERS4-MUX",
                    "AWFI" => "CBERS4-AWFI",
                    var other => throw new ArgumentException($"--camera: '{other}': use mux or awfi"),
                };
                var n = parse.GetValue(threads);
                var count = parse.GetValue(runs);
                if (n < 1 || count < 1)
                {
                    throw new ArgumentException("--threads and --runs must be at least 1");
                }

                return await Run(root, collection, parse.GetValue(existing), n, count, stdout, stderr, token).ConfigureAwait(false);
            }
            finally
            {
                if (owned)
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }, stderr, ct));
        return command;
    }

    private static async Task<int> Run(string root, string collection, string? existing, int threads, int runs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var scene = existing;
        if (scene is null)
        {
            await stderr.WriteLineAsync($"generating a full-size {collection} scene…").ConfigureAwait(false);
            scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = Path.Combine(root, "archive"), Collection = collection, Scale = 1 }, null, ct).Scenes[0].Directory;
        }

        var files = ArchiveLayout.Locate(scene);
        var stack = Path.Combine(root, "stack.vrt");
        using (var stacked = GdalUtilities.BuildVrt(stack, [.. files.Bands.Select(b => b.TiffPath)], ["-separate"], null, ct))
        {
            stacked.Close();
        }

        var n = threads.ToString(CultureInfo.InvariantCulture);
        var ours = new List<BenchCommand.Measurement>();
        var theirs = new List<BenchCommand.Measurement>();
        string? shape = null;
        for (var run = 1; run <= runs; run++)
        {
            var ourPath = Path.Combine(root, "earthdata.tif");
            ours.Add(await BenchCommand.MeasureSelf($"earthdata cog (run {run})", ["cog", scene, "--out", ourPath, "--threads", n], null, stderr, ct).ConfigureAwait(false));
            string zoom, aligned, overviews;
            using (var cog = GdalDataset.Open(ourPath))
            {
                zoom = cog.GetMetadataItem("ZOOM_LEVEL", "TILING_SCHEME") ?? throw new InvalidOperationException("our COG has no ZOOM_LEVEL");
                aligned = cog.GetMetadataItem("ALIGNED_LEVELS", "TILING_SCHEME") ?? "0";
                overviews = cog.GetBand(1).OverviewCount.ToString(CultureInfo.InvariantCulture);
                shape = string.Create(CultureInfo.InvariantCulture, $"{cog.Width}×{cog.Height}×{cog.BandCount} {cog.GetBand(1).DataType}, z{zoom}, {overviews} overviews, {new FileInfo(ourPath).Length / 1048576.0:F1} MiB");
            }

            var gdalPath = Path.Combine(root, "gdal.tif");
            File.Delete(gdalPath);
            string[] warp =
            [
                "-q", "-of", "COG", "-t_srs", "EPSG:3857", "-r", "bilinear", "-multi", "-wo", "NUM_THREADS=" + n,
                "-co", "TILING_SCHEME=GoogleMapsCompatible", "-co", "ZOOM_LEVEL=" + zoom, "-co", "ALIGNED_LEVELS=" + aligned,
                "-co", "OVERVIEW_COUNT=" + overviews, "-co", "SPARSE_OK=TRUE", "-co", "COMPRESS=ZSTD", "-co", "LEVEL=1",
                "-co", "PREDICTOR=YES", "-co", "RESAMPLING=AVERAGE", "-co", "BIGTIFF=IF_SAFER", "-co", "NUM_THREADS=" + n, stack, gdalPath,
            ];
            theirs.Add(await BenchCommand.Measure($"gdalwarp -of COG (run {run})", "gdalwarp", warp, null, stderr, ct).ConfigureAwait(false));
            shape += string.Create(CultureInfo.InvariantCulture, $"; gdalwarp's {new FileInfo(gdalPath).Length / 1048576.0:F1} MiB");
        }

        stdout.WriteLine($"{collection} full scene ({files.Bands.Count} bands) → master COG {shape}; {threads} threads, {Environment.ProcessorCount} cores, load {LoadAverage()}");
        stdout.WriteLine($"  {"tool",-32} {"wall s",8} {"CPU s",8} {"peak RSS MiB",13}");
        foreach (var m in theirs.Concat(ours))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Name,-32} {m.Wall.TotalSeconds,8:F1} {m.CpuSeconds,8:F1} {m.PeakRssKiB / 1024.0,13:F0}"));
        }

        for (var i = 0; i < runs; i++)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {i + 1}: earthdata cog ×{theirs[i].Wall.TotalSeconds / ours[i].Wall.TotalSeconds:F2} faster (wall), ×{theirs[i].CpuSeconds / ours[i].CpuSeconds:F2} less CPU, peak RSS ×{(double)ours[i].PeakRssKiB / theirs[i].PeakRssKiB:F2}"));
        }

        return 0;
    }

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }
}
