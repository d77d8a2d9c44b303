using EarthData.Core.Geometry;
using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>
/// Writes a Cloud-Optimized GeoTIFF in EPSG:3857 on the WebMercatorQuad grid (GDAL's COG driver with
/// <c>TILING_SCHEME=GoogleMapsCompatible</c>; pixels warped tile by tile in parallel and overviews reduced in memory by
/// <see cref="CogTileRoute"/> where it applies, i.e. with <c>average</c> overviews): each 256-px block at the native zoom, and at every overview zoom down to
/// the scene's minimum zoom, is exactly one XYZ tile. Lossless compression with predictor; nodata stays nodata (sources
/// with nodata keep it, so no black collar; sources without nodata get an alpha band from GDAL). The COG is written to a
/// temporary file beside the destination and renamed, so no half-written COG is ever visible there.
/// Thread-safe: each call uses its own datasets and <c>/vsimem/</c> directory.
/// </summary>
public static class CogWriter
{
    /// <summary>Writes the COG described by <paramref name="request"/>.</summary>
    /// <param name="request">Source, destination and options.</param>
    /// <param name="progress">Receives progress in [0, 1], never decreasing, ending at 1.</param>
    /// <param name="cancellationToken">Stops the write; nothing is left at the destination.</param>
    /// <exception cref="ArgumentException">An option is invalid, or the source has no georeferencing.</exception>
    /// <exception cref="FileNotFoundException">The source does not exist.</exception>
    /// <exception cref="UnsupportedRasterException">The source is not a raster GDAL can read, or has a data type a COG cannot hold.</exception>
    /// <exception cref="Core.InvalidSceneException">A scene folder lacks band files.</exception>
    /// <exception cref="IOException">The destination directory does not exist or is not writable.</exception>
    /// <exception cref="GdalException">GDAL failed while writing.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static CogResult Write(CogRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        WriteWith(CogEngine.Tiles, request, progress, cancellationToken);

    /// <summary>Writes the COG with the given engine (<see cref="CogEngine.Gdal"/> for comparisons).</summary>
    internal static CogResult WriteWith(CogEngine engine, CogRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Source);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Destination);
        CogCreationOptions.Validate(request);
        cancellationToken.ThrowIfCancellationRequested();
        var reporter = new MonotonicProgress(progress);
        var destination = Path.GetFullPath(request.Destination);
        var temporary = ReserveTemporaryFile(destination);
        try
        {
            using var source = CogSource.Prepare(request, cancellationToken);
            bool tiled;
            var direct = false;
            using (var vrt = GdalDataset.Open(source.VrtPath))
            {
                var grid = CogGrid.Of(vrt, request.Source);
                tiled = engine == CogEngine.Tiles && CogTileRoute.Supports(request)
                    && CogTileRoute.TryWrite(vrt, grid, request, temporary, reporter, out direct, cancellationToken);
                if (!tiled)
                {
                    var options = CogCreationOptions.For(request, grid);
                    using var cog = GdalDataset.CreateCopy("COG", temporary, vrt, options, reporter.Scaled(0, 0.98), cancellationToken);
                    cog.Close();
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var used = tiled ? CogEngine.Tiles : CogEngine.Gdal;
            var result = Describe(temporary, destination, source) with { Engine = used, CopiedBlocksDirectly = direct };
            File.Move(temporary, destination, overwrite: true);
            reporter.Report(1);
            return result;
        }
        catch
        {
            DeleteTemporaryFiles(temporary);
            throw;
        }
    }

    /// <summary>Creates an empty temporary file beside the destination: proves the directory is writable before any work.</summary>
    private static string ReserveTemporaryFile(string destination)
    {
        var directory = Path.GetDirectoryName(destination) ?? throw new ArgumentException($"'{destination}' has no directory", nameof(destination));
        if (Directory.Exists(destination))
        {
            throw new IOException($"output '{destination}' is a directory");
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"output directory '{directory}' does not exist");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"output directory '{directory}' is not writable: {ex.Message}", ex);
        }

        return temporary;
    }

    private static void DeleteTemporaryFiles(string temporary)
    {
        var directory = Path.GetDirectoryName(temporary)!;
        try
        {
            // GDAL's own scratch files (overviews, warped copy) are named after the file it writes.
            foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(temporary) + "*"))
            {
                File.Delete(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
    }

    private static CogResult Describe(string written, string destination, CogSource source)
    {
        using var cog = GdalDataset.Open(written);
        var gt = cog.GeoTransform ?? throw new GdalException($"The COG '{written}' has no geotransform.");
        var tiling = cog.GetMetadata("TILING_SCHEME");
        var nativeZoom = int.Parse(tiling.GetValueOrDefault("ZOOM_LEVEL", "0"), System.Globalization.CultureInfo.InvariantCulture);
        var first = cog.GetBand(1);
        var descriptions = new List<string>();
        for (var i = 1; i <= cog.BandCount; i++)
        {
            var band = cog.GetBand(i);
            descriptions.Add(band.ColorInterpretation == ColorInterpretation.Alpha ? "alpha" : band.Description ?? string.Empty);
        }

        var bounds = new BoundingBox(
            gt.OriginX, gt.OriginY + (cog.Height * gt.PixelHeight), gt.OriginX + (cog.Width * gt.PixelWidth), gt.OriginY);
        return new CogResult
        {
            Path = destination,
            SceneId = source.SceneId,
            NativeZoom = nativeZoom,
            MinZoom = nativeZoom - first.OverviewCount,
            Width = cog.Width,
            Height = cog.Height,
            BandDescriptions = descriptions,
            DataType = first.DataType.ToString(),
            Output = source.Output,
            RadiometryNote = source.RadiometryNote,
            Bounds = bounds,
            GeographicBounds = ToGeographic(bounds),
            FileSize = new FileInfo(written).Length,
        };
    }

    private static BoundingBox ToGeographic(BoundingBox mercator)
    {
        // On the sphere of EPSG:3857, longitude is linear in X and latitude monotonic in Y: corners map to corners.
        const double radius = 6378137;
        static double Latitude(double y) => (2 * Math.Atan(Math.Exp(y / radius)) - (Math.PI / 2)) * 180 / Math.PI;
        static double Longitude(double x) => x / radius * 180 / Math.PI;
        return new BoundingBox(Longitude(mercator.MinX), Latitude(mercator.MinY), Longitude(mercator.MaxX), Latitude(mercator.MaxY));
    }
}
