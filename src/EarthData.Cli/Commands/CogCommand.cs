using System.CommandLine;
using System.Globalization;
using EarthData.Imaging.Cog;

namespace EarthData.Cli.Commands;

/// <summary><c>earthdata cog</c>: a scene folder or raster to a Cloud-Optimized GeoTIFF on the WebMercatorQuad grid.</summary>
internal static class CogCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string>("source") { Description = "A scene folder in the archive layout, or any georeferenced raster GDAL can read" };
        var output = new Option<string>("--out") { Description = "The COG to write (its directory must exist)", Required = true };
        var reflectance = new Option<string?>("--reflectance") { Description = "Write TOA reflectance instead of DN: float32, or int16 (× 10000, scale 1e-4)" };
        var bands = new Option<string?>("--bands") { Description = "Bands to keep, in order: INPE numbers for a scene (e.g. 5,6,7,8; 0 for the WPM pan band), 1-based indexes for a raster" };
        var resampling = new Option<string>("--resampling") { Description = "Reprojection resampling: nearest, bilinear, cubic, cubicspline, lanczos, average, mode", DefaultValueFactory = _ => "bilinear" };
        var overviewResampling = new Option<string>("--overview-resampling") { Description = "Overview resampling: average, nearest, bilinear, cubic, mode…", DefaultValueFactory = _ => "average" };
        var threads = new Option<int?>("--threads") { Description = "Threads for warping and compression (default: all CPUs)" };

        var command = new Command("cog", "Write a Cloud-Optimized GeoTIFF in EPSG:3857 whose tiles are XYZ tiles (GoogleMapsCompatible)")
        {
            source, output, reflectance, bands, resampling, overviewResampling, threads,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var request = new CogRequest
            {
                Source = parse.GetValue(source)!,
                Destination = parse.GetValue(output)!,
                Output = ParseReflectance(parse.GetValue(reflectance)),
                Bands = ParseBands(parse.GetValue(bands)),
                WarpResampling = parse.GetValue(resampling)!,
                OverviewResampling = parse.GetValue(overviewResampling)!,
                Threads = parse.GetValue(threads),
            };
            NativeMemoryLimits.Apply(NativeMemoryLimits.ProcessingCacheBytes);
            var result = ProgressDisplay.Run(stderr, "writing COG", p => CogWriter.Write(request, p, token));
            if (result.RadiometryNote is not null)
            {
                stderr.WriteLine("warning: " + result.RadiometryNote);
            }

            stdout.WriteLine(Summary(result));
            return Task.FromResult(0);
        }, stderr, ct));
        return command;
    }

    /// <summary>One line: path, pixel size, native zoom, zoom range, bands, bytes.</summary>
    internal static string Summary(CogResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"{result.Path}  {result.Width}x{result.Height}  native z{result.NativeZoom}  zooms {result.MinZoom}-{result.NativeZoom}  " +
        $"{result.BandDescriptions.Count} bands {result.DataType} ({string.Join(",", result.BandDescriptions)})  {result.FileSize} bytes");

    private static CogOutput ParseReflectance(string? text) => text?.ToUpperInvariant() switch
    {
        null => CogOutput.Dn,
        "FLOAT32" => CogOutput.ReflectanceFloat32,
        "INT16" => CogOutput.ReflectanceInt16,
        _ => throw new ArgumentException($"--reflectance: '{text}' is not float32 or int16"),
    };

    private static int[]? ParseBands(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                throw new ArgumentException($"--bands: '{text}' is not a comma-separated list of band numbers");
            }
        }

        return numbers;
    }
}
