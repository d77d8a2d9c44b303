using System.CommandLine;
using System.Globalization;
using EarthData.Gdal;
using EarthData.Imaging.Encoding;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Pyramid;

namespace EarthData.Cli.Commands;

/// <summary><c>earthdata tile</c>: a raster or CBERS scene folder → XYZ tile tree + <c>index.html</c> viewer.</summary>
internal static partial class TileCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("input") { Description = "A georeferenced raster (any CRS) or a CBERS scene folder" };
        var output = new Option<string>("--out") { Description = "Folder for the {z}/{x}/{y} tree (replaced when it exists)", Required = true };
        var zoom = new Option<string?>("--zoom") { Description = "Zoom range MIN-MAX (or one zoom); default: ~1 tile .. native" };
        var layer = new Option<string>("--layer") { Description = "raw | true-color | false-color | band:N", DefaultValueFactory = _ => "true-color" };
        var resampling = new Option<string>("--resampling") { Description = "near | bilinear | cubic | average | mode", DefaultValueFactory = _ => "average" };
        var format = new Option<string>("--format") { Description = "png | webp | jpeg", DefaultValueFactory = _ => "png" };
        var quality = new Option<int?>("--quality") { Description = "Lossy quality 1-100 for webp (default: lossless) and jpeg (default 85)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("tile", "Render an XYZ tile pyramid (WebMercatorQuad, 256 px PNG/WEBP) with an offline index.html viewer")
        {
            input, output, zoom, layer, resampling, format, quality, threads,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var settings = new TileSettings(
                parse.GetValue(input)!, parse.GetValue(output)!, ZoomRange.Parse(parse.GetValue(zoom)), ParseLayer(parse.GetValue(layer)!),
                ParseResampling(parse.GetValue(resampling)!), CreateEncoder(parse.GetValue(format)!, parse.GetValue(quality)),
                CheckThreads(parse.GetValue(threads)));
            var result = ProgressDisplay.Run(stderr, "tiling", p => Run(settings, p, ct));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {result.TilesWritten} tiles, zoom {result.MinZoom}-{result.MaxZoom} (native {result.NativeZoom}), {result.EmptyTilesSkipped} empty skipped, {result.Bytes / 1048576.0:F1} MiB in {result.Elapsed.TotalSeconds:F1} s (encoding {result.EncodeTime.TotalSeconds:F1} s of worker time) to {Path.GetFullPath(settings.Output)}"));
            return Task.FromResult(0);
        }, stderr, ct));
        return command;
    }

    /// <summary>
    /// Tiles an aligned raster directly, anything else through a <see cref="WarpedTileSource"/> (each worker warps the
    /// tiles it renders), builds the pyramid into a temporary folder, writes the viewer and moves the tree into place.
    /// </summary>
    internal static PyramidResult Run(TileSettings settings, IProgress<double> progress, CancellationToken cancellationToken)
    {
        NativeMemoryLimits.Apply(NativeMemoryLimits.ProcessingCacheBytes);
        using var sink = CreateSink(settings.Output, settings.Encoder.FileExtension);
        var (type, _, collection, aligned) = AlignedCogSource.Inspect(settings.Input);
        CheckDataType(type, settings);
        var workDirectory = Path.Combine(Path.GetTempPath(), "earthdata-tile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory);
        try
        {
            var (warped, renderer) = aligned
                ? (null, RendererFor(settings.Input, settings.Layer, collection))
                : WarpedTileSource.OpenForLayer(settings.Input, workDirectory, settings.Layer, collection, settings.Zoom?.Max, cancellationToken);
            using var owned = warped;
            if (aligned)
            {
                NativeMemoryLimits.Apply(NativeMemoryLimits.TilingCacheBytes);
            }

            var raster = warped?.Path ?? settings.Input;
            var options = new PyramidOptions
            {
                MinZoom = settings.Zoom?.Min,
                MaxZoom = settings.Zoom?.Max,
                Resampling = settings.Resampling,
                Encoder = settings.Encoder,
                Threads = settings.Threads,
                ReadCoverage = aligned,
            };
            var result = PyramidBuilder.Build(raster, renderer, options, sink, progress, cancellationToken);
            if (warped is not null)
            {
                result = result with { NativeZoom = warped.NativeZoom };
            }

            var title = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Input))} — {settings.Layer.Name}";
            var page = TileViewerPage.Render(title, settings.Encoder.FileExtension, result.MinZoom, result.MaxZoom, result.Extent);
            sink.WriteFile("index.html", System.Text.Encoding.UTF8.GetBytes(page));
            sink.Commit();
            return result;
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private static LayerRenderer RendererFor(string raster, LayerDefinition layer, string? collection)
    {
        using var dataset = GdalDataset.Open(raster);
        return LayerRenderer.Create(dataset, layer, collection);
    }

    private static LayerDefinition ParseLayer(string text)
    {
        try
        {
            return LayerDefinition.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("--layer: " + ex.Message, ex);
        }
    }

    private static PyramidResampling ParseResampling(string text) =>
        Enum.TryParse<PyramidResampling>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0])
            ? value
            : throw new ArgumentException($"--resampling: '{text}': use near, bilinear, cubic, average or mode");

    private static ITileEncoder CreateEncoder(string format, int? quality)
    {
        if (quality is < 1 or > 100)
        {
            throw new ArgumentException($"--quality: {quality}: use 1-100");
        }

        return format.ToUpperInvariant() switch
        {
            "PNG" => quality is null ? new PngTileEncoder() : throw new ArgumentException("--quality applies to webp and jpeg, not png"),
            "WEBP" => quality is null ? new WebpTileEncoder() : new WebpTileEncoder(quality, method: 0),
            "JPEG" or "JPG" => new JpegTileEncoder(quality ?? 85),
            _ => throw new ArgumentException($"--format: '{format}': use png, webp or jpeg"),
        };
    }

    private static int CheckThreads(int threads) =>
        threads is >= 1 and <= 256 ? threads : throw new ArgumentException($"--threads: {threads}: use 1-256");

    private static DirectoryTileSink CreateSink(string output, string extension)
    {
        try
        {
            return new DirectoryTileSink(output, extension);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"--out: cannot write '{output}': {ex.Message}", ex);
        }
    }

    private static void CheckDataType(GdalDataType type, TileSettings settings)
    {
        if (type is not (GdalDataType.Byte or GdalDataType.Int16 or GdalDataType.UInt16 or GdalDataType.Int32
            or GdalDataType.UInt32 or GdalDataType.Float32 or GdalDataType.Float64))
        {
            throw new InvalidOperationException($"'{settings.Input}': data type {type} is not supported (Byte, Int16, UInt16, Int32, UInt32, Float32, Float64)");
        }

        if (settings.Layer.Kind == LayerKind.Raw && type != GdalDataType.Byte)
        {
            throw new InvalidOperationException(
                $"'{settings.Input}': --layer raw draws bands as stored and needs Byte data, not {type}; use true-color, false-color or band:N");
        }
    }

    /// <summary>The parsed command line.</summary>
    internal sealed record TileSettings(
        string Input, string Output, (int Min, int Max)? Zoom, LayerDefinition Layer, PyramidResampling Resampling,
        ITileEncoder Encoder, int Threads);
}
