using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Samples;

namespace EarthData.Cli.Commands;

/// <summary>
/// <c>earthdata bench tiles</c>: EarthData's <c>tile</c> against <c>gdal2tiles.py</c> (or against the
/// <c>gdalwarp -of COG</c> + <c>gdal2tiles.py</c> chain for a full CBERS-4 AWFI scene), each as a child process of
/// this machine, measured in the same run: wall time, tiles, tiles per second, peak RSS and ratios.
/// </summary>
internal static class BenchCommand
{
    private const string Gdal2Tiles = "/usr/bin/gdal2tiles.py";
    private const string Python = "/usr/bin/python3";
    private const string GnuTime = "/usr/bin/time";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var work = new Option<string?>("--work") { Description = "Scratch folder (default: a new temp folder, deleted afterwards)" };
        var size = new Option<string>("--scene-size") { Description = "synthetic (6000×6000 3-band Byte UTM raster) or awfi (full CBERS-4 AWFI scene)", DefaultValueFactory = _ => "synthetic" };
        var zoom = new Option<string?>("--zoom") { Description = "Zoom range for both tools (default 8-13 for synthetic, the scene's 5 finest zooms for awfi)" };
        var existing = new Option<string?>("--scene") { Description = "awfi: an existing AWFI scene folder to use instead of generating one" };
        var threads = new Option<int>("--threads") { Description = "Processes for gdal2tiles, threads for EarthData", DefaultValueFactory = _ => 2 };
        var strategy = new Option<string>("--gdal-zoom-strategy")
        {
            Description = "awfi: ZOOM_LEVEL_STRATEGY of gdalwarp's COG: upper (the zoom at least as fine as the pixels, as EarthData warps) or auto (GDAL's default: the closest zoom, here 2x coarser)",
            DefaultValueFactory = _ => "upper",
        };
        var tiles = new Command("tiles", "Tile the same raster with EarthData and with gdal2tiles.py and print the ratios") { work, size, zoom, threads, existing, strategy };
        tiles.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var root = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "earthdata-bench-" + Guid.NewGuid().ToString("N"));
            var owned = parse.GetValue(work) is null;
            Directory.CreateDirectory(root);
            try
            {
                var n = parse.GetValue(threads);
                return parse.GetValue(size)?.ToUpperInvariant() switch
                {
                    "SYNTHETIC" => await Synthetic(root, parse.GetValue(zoom) ?? "8-13", n, stdout, stderr, token).ConfigureAwait(false),
                    "AWFI" => await Awfi(root, parse.GetValue(existing), parse.GetValue(zoom), n, ZoomStrategy(parse.GetValue(strategy)!), stdout, stderr, token).ConfigureAwait(false),
                    var other => throw new ArgumentException($"--scene-size: '{other}': use synthetic or awfi"),
                };
            }
            finally
            {
                if (owned)
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }, stderr, ct));
        return new Command("bench", "Benchmarks against GDAL's own tools, measured in the same run") { tiles, BenchCogCommand.Create(stdout, stderr) };
    }

    private static async Task<int> Synthetic(string root, string zoom, int threads, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var input = Path.Combine(root, "synthetic-utm.tif");
        await stderr.WriteLineAsync("generating 6000×6000×3 Byte UTM raster…").ConfigureAwait(false);
        SyntheticRaster.Write(input, 6000, 6000);
        var theirs = await Measure("gdal2tiles.py", Python,
            [Gdal2Tiles, "--xyz", "-r", "average", "-z", zoom, "--processes", threads.ToString(CultureInfo.InvariantCulture), "-w", "none", input, Path.Combine(root, "gdal2tiles")],
            Path.Combine(root, "gdal2tiles"), stderr, ct).ConfigureAwait(false);
        var ours = await MeasureSelf("earthdata tile",
            ["tile", input, "--out", Path.Combine(root, "earthdata"), "--layer", "raw", "--resampling", "average", "--zoom", zoom, "--threads", threads.ToString(CultureInfo.InvariantCulture)],
            Path.Combine(root, "earthdata"), stderr, ct).ConfigureAwait(false);
        Report(stdout, $"6000×6000×3 Byte UTM raster, zoom {zoom}, {threads} processes/threads, {Environment.ProcessorCount} cores", theirs, ours);
        return 0;
    }

    private static string ZoomStrategy(string text) => text.ToUpperInvariant() switch
    {
        "UPPER" or "AUTO" => text.ToUpperInvariant(),
        _ => throw new ArgumentException($"--gdal-zoom-strategy: '{text}': use upper or auto"),
    };

    private static async Task<int> Awfi(string root, string? existing, string? zoom, int threads, string zoomStrategy, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var scene = existing;
        if (scene is null)
        {
            await stderr.WriteLineAsync("generating a full-size CBERS-4 AWFI scene…").ConfigureAwait(false);
            var generated = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = Path.Combine(root, "archive"), Collection = "CBERS4-AWFI", Scale = 1 }, null, ct);
            scene = generated.Scenes[0].Directory;
        }

        var files = Core.Scenes.ArchiveLayout.Locate(scene);
        int native;
        using (var band = GdalDataset.Open(files.Bands[0].TiffPath))
        using (var mercator = GdalUtilities.Warp(string.Empty, [band], ["-of", "VRT", "-t_srs", WebMercatorQuad.Crs], null, ct))
        {
            native = WebMercatorQuad.NativeZoom(mercator.GeoTransform!.Value.PixelWidth);
        }

        zoom ??= string.Create(CultureInfo.InvariantCulture, $"{native - 4}-{native}");
        var n = threads.ToString(CultureInfo.InvariantCulture);

        // GDAL chain: stack red/green/blue → gdalwarp -of COG (GoogleMapsCompatible) → gdal_translate -of VRT -ot Byte
        // -scale (gdal2tiles.py refuses 16-bit input and prints exactly this advice) → gdal2tiles.py.
        var vrt = Path.Combine(root, "rgb.vrt");
        using (var stacked = GdalUtilities.BuildVrt(vrt, [files.Band(15).TiffPath, files.Band(14).TiffPath, files.Band(13).TiffPath], ["-separate"], null, ct))
        {
            stacked.Close();
        }

        var gdalCog = Path.Combine(root, "gdal-cog.tif");
        var warp = await Measure("gdalwarp -of COG", "gdalwarp",
            ["-q", "-of", "COG", "-t_srs", "EPSG:3857", "-r", "bilinear", "-co", "TILING_SCHEME=GoogleMapsCompatible", "-co", "ZOOM_LEVEL_STRATEGY=" + zoomStrategy, "-co", "COMPRESS=ZSTD",
             "-co", "NUM_THREADS=" + n, "-wo", "NUM_THREADS=" + n, "-multi", vrt, gdalCog], null, stderr, ct).ConfigureAwait(false);
        var byteVrt = Path.Combine(root, "gdal-cog-byte.vrt");
        var scale = await Measure("gdal_translate -ot Byte -scale", "gdal_translate",
            ["-q", "-of", "VRT", "-ot", "Byte", "-scale", "0", "1023", "0", "255", gdalCog, byteVrt], null, stderr, ct).ConfigureAwait(false);
        var tiling = await Measure("gdal2tiles.py", Python,
            [Gdal2Tiles, "--xyz", "-r", "average", "-z", zoom, "--processes", n, "-w", "none", byteVrt, Path.Combine(root, "gdal2tiles")],
            Path.Combine(root, "gdal2tiles"), stderr, ct).ConfigureAwait(false);
        var chain = new Measurement("gdalwarp + gdal2tiles", warp.Wall + scale.Wall + tiling.Wall, tiling.Tiles, Math.Max(warp.PeakRssKiB, tiling.PeakRssKiB));
        var ours = await MeasureSelf("earthdata tile (scene → warped tiles)",
            ["tile", scene, "--out", Path.Combine(root, "earthdata"), "--layer", "true-color", "--zoom", zoom, "--threads", n],
            Path.Combine(root, "earthdata"), stderr, ct).ConfigureAwait(false);

        // The like-for-like chain: a COG of the same three bands first (GDAL's is red/green/blue), then the pyramid from it.
        var ourCogPath = Path.Combine(root, "earthdata-cog.tif");
        var ourCog = await MeasureSelf("earthdata cog --bands 15,14,13", ["cog", scene, "--out", ourCogPath, "--bands", "15,14,13", "--threads", n], null, stderr, ct).ConfigureAwait(false);
        var fromCog = await MeasureSelf("earthdata tile (from the COG)",
            ["tile", ourCogPath, "--out", Path.Combine(root, "earthdata-from-cog"), "--layer", "true-color", "--zoom", zoom, "--threads", n],
            Path.Combine(root, "earthdata-from-cog"), stderr, ct).ConfigureAwait(false);
        var cogChain = new Measurement("earthdata cog + tile (scene → COG → tiles)", ourCog.Wall + fromCog.Wall, fromCog.Tiles, Math.Max(ourCog.PeakRssKiB, fromCog.PeakRssKiB));

        stdout.WriteLine($"  gdalwarp -of COG (ZOOM_LEVEL_STRATEGY={zoomStrategy}) alone: {warp.Wall.TotalSeconds:F1} s, peak RSS {warp.PeakRssKiB / 1024.0:F0} MiB; earthdata cog alone: {ourCog.Wall.TotalSeconds:F1} s, peak RSS {ourCog.PeakRssKiB / 1024.0:F0} MiB");
        Report(stdout, $"CBERS-4 AWFI full scene (4 × Int16), zoom {zoom}, {threads} processes/threads, {Environment.ProcessorCount} cores", chain, ours, cogChain);
        var peak = Math.Max(ours.PeakRssKiB, cogChain.PeakRssKiB);
        stdout.WriteLine(peak <= 1024 * 1024 ? "  peak RSS target (≤ 1 GiB): met" : "  peak RSS target (≤ 1 GiB): MISSED");
        return 0;
    }

    private static void Report(TextWriter stdout, string title, Measurement baseline, params Measurement[] ours)
    {
        stdout.WriteLine(title);
        stdout.WriteLine($"  {"tool",-42} {"wall s",8} {"tiles",7} {"tiles/s",8} {"peak RSS MiB",13}");
        foreach (var m in (Measurement[])[baseline, .. ours])
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {m.Name,-42} {m.Wall.TotalSeconds,8:F1} {m.Tiles,7} {m.TilesPerSecond,8:F1} {m.PeakRssKiB / 1024.0,13:F0}"));
        }

        foreach (var m in ours)
        {
            var label = ours.Length == 1 ? "ratio" : "ratio, " + m.Name;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: tiles/s ×{m.TilesPerSecond / baseline.TilesPerSecond:F2}, wall ×{baseline.Wall.TotalSeconds / m.Wall.TotalSeconds:F2} faster, peak RSS ×{(double)m.PeakRssKiB / baseline.PeakRssKiB:F2}"));
        }
    }

    internal static Task<Measurement> MeasureSelf(string name, IReadOnlyList<string> args, string? output, TextWriter stderr, CancellationToken ct)
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this program's path.");
        if (string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.Ordinal))
        {
            var entry = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("Cannot find the entry assembly.");
            return Measure(name, process, [entry, .. args], output, stderr, ct);
        }

        return Measure(name, process, args, output, stderr, ct);
    }

    /// <summary>Runs a child process under GNU time (peak RSS of the largest process it waited for, CPU time) and counts the tiles written.</summary>
    internal static async Task<Measurement> Measure(string name, string program, IReadOnlyList<string> args, string? output, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(GnuTime))
        {
            throw new InvalidOperationException($"{GnuTime} is missing: apt-get install -y time");
        }

        await stderr.WriteLineAsync($"running {name}…").ConfigureAwait(false);
        var rssFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(GnuTime) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-f", "%M %U %S", "-o", rssFile, program, .. args])
        {
            start.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdoutTask = child.StandardOutput.ReadToEndAsync(ct);
        var stderrTask = child.StandardError.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct).ConfigureAwait(false);
        clock.Stop();
        var log = await stderrTask.ConfigureAwait(false) + await stdoutTask.ConfigureAwait(false);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} failed ({child.ExitCode}): {log.ReplaceLineEndings(" ")}");
        }

        var lines = (await File.ReadAllTextAsync(rssFile, ct).ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        File.Delete(rssFile);
        var fields = lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rss = long.Parse(fields[0], CultureInfo.InvariantCulture);
        var cpu = double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture);
        var tiles = output is null || !Directory.Exists(output) ? 0
            : Directory.EnumerateFiles(output, "*.*", SearchOption.AllDirectories).Count(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".webp", StringComparison.Ordinal));
        return new Measurement(name, clock.Elapsed, tiles, rss) { CpuSeconds = cpu };
    }

    internal sealed record Measurement(string Name, TimeSpan Wall, long Tiles, long PeakRssKiB)
    {
        /// <summary>User + system CPU seconds of the process and the children it waited for (steadier than wall time on a loaded machine).</summary>
        public double CpuSeconds { get; init; }

        public double TilesPerSecond => Tiles / Wall.TotalSeconds;
    }

    /// <summary>A deterministic textured 3-band Byte raster in UTM 23S (20 m pixels, nodata 0, values 1–255).</summary>
    private static class SyntheticRaster
    {
        public static void Write(string path, int width, int height)
        {
            using var ds = GdalDataset.Create("GTiff", path, width, height, 3, GdalDataType.Byte, ["TILED=YES"]);
            ds.GeoTransform = new GeoTransform(170000, 20, 0, 8300000, 0, -20);
            using (var srs = SpatialReference.FromEpsg(32723))
            {
                ds.SetSpatialReference(srs);
            }

            const int rows = 256;
            var buffer = new byte[width * rows * 3];
            for (var y0 = 0; y0 < height; y0 += rows)
            {
                var h = Math.Min(rows, height - y0);
                for (var b = 0; b < 3; b++)
                {
                    for (var y = 0; y < h; y++)
                    {
                        var row = buffer.AsSpan(((b * h) + y) * width, width);
                        var gy = y0 + y;
                        for (var x = 0; x < width; x++)
                        {
                            var smooth = (Math.Sin((x + (b * 300)) / 97.0) * Math.Cos(gy / 131.0)) + (0.5 * Math.Sin((x + gy) / 23.0));
                            var hash = (uint)((x * 73856093) ^ (gy * 19349663) ^ (b * 83492791));
                            hash ^= hash >> 13;
                            hash *= 0x5bd1e995;
                            var noise = (int)(hash >> 28) - 8;
                            row[x] = (byte)Math.Clamp(110 + (int)(70 * smooth) + noise + (b * 15), 1, 255);
                        }
                    }
                }

                ds.Write(0, y0, width, h, buffer.AsSpan(0, width * h * 3), width, h);
            }

            for (var b = 1; b <= 3; b++)
            {
                ds.GetBand(b).NoDataValue = 0;
            }

            ds.Close();
        }
    }
}
