using System.Globalization;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Masks;
using EarthData.Imaging.Pyramid;

namespace EarthData.Jobs.Pipeline;

/// <summary>
/// Turns a scene folder (archive layout) into a local work directory <c>{staging}/{sceneId}/</c>: the Web Mercator
/// DN COG <c>visual.tif</c> with its per-band statistics and stretch cuts (in the manifest, computed once and used by
/// every layer, the thumbnail and the item), one XYZ PNG pyramid per layer under <c>tiles/{layer}/</c>, <c>thumbnail.png</c> and copies of
/// the INPE XML files under <c>metadata/</c>; <c>manifest.json</c> is written last and lists them with sizes and SHA-256.
/// </summary>
/// <remarks>
/// Idempotent: when the work directory already holds a complete manifest made with the same options, its outputs are
/// reused. GDAL work is synchronous (CPU-bound); the instance is stateless and thread-safe, but two runs must not
/// process the same scene at once.
/// </remarks>
public sealed class SceneProcessor
{
    /// <summary>File name of the COG in the work directory (the STAC asset key is <c>visual</c>).</summary>
    public const string CogFileName = "visual.tif";

    /// <summary>File name of the thumbnail in the work directory.</summary>
    public const string ThumbnailFileName = "thumbnail.png";

    /// <summary>Creates a processor that works under <paramref name="stagingDirectory"/> (e.g. <c>{data}/staging</c>).</summary>
    /// <param name="stagingDirectory">The parent of the per-scene work directories; created when missing.</param>
    public SceneProcessor(string stagingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stagingDirectory);
        StagingDirectory = Path.GetFullPath(stagingDirectory);
    }

    /// <summary>The parent of the per-scene work directories.</summary>
    public string StagingDirectory { get; }

    /// <summary>The work directory of a scene.</summary>
    public string WorkDirectoryOf(string sceneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sceneId);
        return Path.Combine(StagingDirectory, SceneId.Parse(sceneId).ToString());
    }

    /// <summary>Processes a scene, or reuses its complete outputs.</summary>
    /// <param name="sceneDirectory">A scene folder in the archive layout (named after its scene id).</param>
    /// <param name="options">Layers, zooms and thumbnail size; null for the defaults.</param>
    /// <param name="progress">Receives monotonic progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the run; outputs of a cancelled run are never listed in a manifest.</param>
    /// <returns>The scene and its work directory.</returns>
    /// <exception cref="Core.InvalidSceneException">The folder is not a scene, or band files are missing or unreadable.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="GdalException">GDAL failed to read or write a raster.</exception>
    public ProcessedScene Process(string sceneDirectory, SceneProcessingOptions? options = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SceneProcessingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ThumbnailSize, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Threads, nameof(options));
        if (options.Layers.Count == 0 || options.Layers.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count() != options.Layers.Count)
        {
            throw new ArgumentException("Processing needs at least one layer and no layer twice.", nameof(options));
        }

        var files = ArchiveLayout.Locate(sceneDirectory);
        var metadata = SceneMetadata.Read(files);
        var sceneId = files.Id.ToString();
        var work = Path.Combine(StagingDirectory, sceneId);
        var fingerprint = options.Fingerprint() + ";inputs=" + InputFingerprint(files);
        if (SceneManifestFile.TryReadComplete(work, fingerprint) is { } existing)
        {
            progress?.Report(1);
            return new ProcessedScene(metadata, work, existing, Reused: true);
        }

        // An incomplete or stale work directory is rebuilt; the manifest goes first so a crash cannot resurrect it.
        Directory.CreateDirectory(work);
        File.Delete(Path.Combine(work, SceneManifest.FileName));
        var cogShare = 2.0 / (2 + options.Layers.Count);
        var cogStage = WriteCog(files, metadata, work, fingerprint, options, new SlicedProgress(progress, 0, cogShare), cancellationToken);
        var layers = RenderLayers(cogStage.Manifest, work, options, new SlicedProgress(progress, cogShare, 1 - cogShare), cancellationToken);
        var manifest = cogStage.Manifest with { Layers = layers };
        cancellationToken.ThrowIfCancellationRequested();
        SceneManifestFile.Write(work, manifest);
        progress?.Report(1);
        return new ProcessedScene(metadata, work, manifest, Reused: false);
    }

    /// <summary>
    /// The first half of <see cref="Process"/> (the pipeline's process stage): writes the COG, the thumbnail and copies of
    /// the INPE XML into the work directory, always anew. The manifest it returns lists no layers.
    /// </summary>
    /// <inheritdoc cref="Process" path="/param"/>
    /// <inheritdoc cref="Process" path="/exception"/>
    public ProcessedScene ProcessCog(string sceneDirectory, SceneProcessingOptions? options = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SceneProcessingOptions();
        var files = ArchiveLayout.Locate(sceneDirectory);
        var metadata = SceneMetadata.Read(files);
        var work = Path.Combine(StagingDirectory, files.Id.ToString());
        Directory.CreateDirectory(work);
        File.Delete(Path.Combine(work, SceneManifest.FileName));
        var fingerprint = options.Fingerprint() + ";inputs=" + InputFingerprint(files);
        var result = WriteCog(files, metadata, work, fingerprint, options, progress, cancellationToken);
        progress?.Report(1);
        return result;
    }

    /// <summary>
    /// The second half of <see cref="Process"/> (the pipeline's tile stage): renders every layer's pyramid from the COG
    /// that <paramref name="cogStage"/> lists, into <c>tiles/{layer}/</c> of its work directory.
    /// </summary>
    /// <param name="cogStage">The manifest of <see cref="ProcessCog"/> (the COG, collection and scene id).</param>
    /// <param name="workDirectory">The work directory holding the COG; the tiles go to its <c>tiles/</c>.</param>
    /// <param name="options">Layers and zooms; null for the defaults.</param>
    /// <param name="progress">Receives monotonic progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops rendering.</param>
    public static IReadOnlyList<ManifestLayer> RenderLayers(SceneManifest cogStage, string workDirectory, SceneProcessingOptions? options = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cogStage);
        options ??= new SceneProcessingOptions();
        var layers = new List<ManifestLayer>();
        var cogPath = SceneUploads.PathOf(workDirectory, cogStage.Cog);
        for (var i = 0; i < options.Layers.Count; i++)
        {
            layers.Add(RenderLayer(cogPath, workDirectory, cogStage, options.Layers[i], options,
                new SlicedProgress(progress, (double)i / options.Layers.Count, 1.0 / options.Layers.Count), cancellationToken));
        }

        progress?.Report(1);
        return layers;
    }

    private static ProcessedScene WriteCog(SceneFiles files, SceneMetadata metadata, string work, string fingerprint, SceneProcessingOptions options,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var cog = CogWriter.Write(
            new CogRequest { Source = files.Directory, Destination = Path.Combine(work, CogFileName), Threads = options.Threads },
            new SlicedProgress(progress, 0, 0.95), cancellationToken);
        // One read of the master's native blocks gives the statistics (the thumbnail needs their cuts) and the index COGs.
        var products = MasterCogPass.Run(cog.Path, metadata, options.IndexAssets, work, options.Threads, cancellationToken);
        var statistics = products.Statistics;
        WriteThumbnail(cog.Path, Path.Combine(work, ThumbnailFileName), metadata, options.ThumbnailSize, statistics, cancellationToken);
        var xml = CopyToWork(files.MetadataXml, work, "metadata");
        var originals = options.PublishOriginals ? CopyToWork([.. files.Bands.Select(b => b.TiffPath)], work, "originals") : null;
        var (shape, transform) = CogGrid(cog.Path);
        var cloudCover = CloudCover.Estimate(cog.Path, metadata, cancellationToken: cancellationToken);
        var indices = IndexCogs.Describe(products.Indices, metadata, work);
        var manifest = new SceneManifest
        {
            SceneId = files.Id.ToString(),
            Collection = metadata.CollectionId,
            Cog = SceneManifestFile.Describe(work, CogFileName),
            NativeZoom = cog.NativeZoom,
            CogBands = cog.BandDescriptions,
            CogShape = shape,
            CogTransform = transform,
            CogStatistics = statistics,
            CloudCover = cloudCover,
            Thumbnail = SceneManifestFile.Describe(work, ThumbnailFileName),
            MetadataXml = [.. xml.Select(name => SceneManifestFile.Describe(work, "metadata/" + name))],
            OriginalBands = originals?.Select(name => SceneManifestFile.Describe(work, "originals/" + name)).ToList(),
            Indices = indices.Written,
            UnavailableIndices = indices.Unavailable,
            Layers = [],
            OptionsFingerprint = fingerprint,
        };
        return new ProcessedScene(metadata, work, manifest, Reused: false);
    }

    /// <summary>
    /// The COG's own grid ([rows, columns] and the projection extension's transform), read from the file here so that the
    /// publish stage, which may run where the COG is not, can describe it.
    /// </summary>
    private static (int[] Shape, double[] Transform) CogGrid(string path)
    {
        using var dataset = GdalDataset.Open(path);
        var geo = dataset.GeoTransform ?? throw new InvalidOperationException($"{path}: the COG has no geotransform");
        // GDAL's (x0, dx, rx, y0, ry, dy) as STAC's row-major (a, b, c, d, e, f): x = a·col + b·row + c.
        return ([dataset.Height, dataset.Width], [geo.PixelWidth, geo.RowRotation, geo.OriginX, geo.ColumnRotation, geo.PixelHeight, geo.OriginY]);
    }

    private static ManifestLayer RenderLayer(string cogPath, string work, SceneManifest cogStage, LayerDefinition layer, SceneProcessingOptions options,
        IProgress<double> progress, CancellationToken cancellationToken)
    {
        LayerRenderer renderer;
        using (var dataset = GdalDataset.Open(cogPath))
        {
            renderer = LayerRenderer.Create(dataset, layer, cogStage.Collection, cogStage.CogStatistics);
        }

        var pyramidOptions = new PyramidOptions { MinZoom = options.MinZoom, MaxZoom = options.MaxZoom, Threads = options.Threads };
        using var directory = new DirectoryTileSink(Path.Combine(work, "tiles", layer.Name), pyramidOptions.Encoder.FileExtension);
        var sink = new RecordingTileSink(directory);
        _ = PyramidBuilder.Build(cogPath, renderer, pyramidOptions, sink, progress, cancellationToken);
        directory.Commit();
        return new ManifestLayer(layer.Name, sink.Extension, sink.Zooms(), sink.Bytes);
    }

    /// <summary>
    /// A true-colour PNG (RGBA, transparent outside the footprint) read from the COG's overviews with the layer's stretch,
    /// framing the footprint's bounding box (aspect kept, longer side <paramref name="size"/>): the COG itself spans whole
    /// tiles of its zoom, so the full raster would show the scene as a small patch in an empty frame.
    /// </summary>
    private static void WriteThumbnail(string cogPath, string destination, SceneMetadata metadata, int size,
        IReadOnlyList<Core.Stac.RasterBandStatistics?> statistics, CancellationToken cancellationToken)
    {
        using var dataset = GdalDataset.Open(cogPath);
        var renderer = LayerRenderer.Create(dataset, LayerDefinition.TrueColor, metadata.CollectionId, statistics);
        var (x, y, columns, rows) = FootprintWindow(dataset, metadata);
        var scale = (double)size / Math.Max(columns, rows);
        var width = Math.Max(1, (int)Math.Round(columns * scale));
        var height = Math.Max(1, (int)Math.Round(rows * scale));
        var args = new List<string>
        {
            "-of", "PNG", "-ot", "Byte", "-r", "average",
            "-srcwin", Invariant(x), Invariant(y), Invariant(columns), Invariant(rows),
            "-outsize", width.ToString(CultureInfo.InvariantCulture), height.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < renderer.Bands.Count; i++)
        {
            var stretch = renderer.Stretches[i];
            args.AddRange(["-b", renderer.Bands[i].ToString(CultureInfo.InvariantCulture)]);
            args.AddRange([$"-scale_{i + 1}", Invariant(stretch.Low), Invariant(stretch.High), "1", "255"]);
        }

        args.AddRange(["-b", renderer.AlphaBand > 0 ? renderer.AlphaBand.ToString(CultureInfo.InvariantCulture) : "mask"]);
        var temporary = destination + ".partial.png";
        using (var png = GdalUtilities.Translate(temporary, dataset, args, null, cancellationToken))
        {
            png.Close();
        }

        // The PNG driver keeps the georeferencing in a side-car; the thumbnail is a picture, not a raster product.
        File.Delete(temporary + ".aux.xml");
        File.Move(temporary, destination, overwrite: true);
    }

    /// <summary>The COG's pixel window (x, y, columns, rows) covering the footprint's bounding box, clipped to the raster.</summary>
    private static (int X, int Y, int Columns, int Rows) FootprintWindow(GdalDataset dataset, SceneMetadata metadata)
    {
        var geo = dataset.GeoTransform ?? throw new InvalidOperationException($"{dataset.Path}: the COG has no geotransform");
        var box = metadata.Footprint.Envelope;
        var (west, south) = WebMercatorQuad.LonLatToMeters(box.MinX, box.MinY);
        var (east, north) = WebMercatorQuad.LonLatToMeters(box.MaxX, box.MaxY);
        var (left, top) = geo.WorldToPixel(west, north);
        var (right, bottom) = geo.WorldToPixel(east, south);
        var x0 = Math.Clamp((int)Math.Floor(Math.Min(left, right)), 0, dataset.Width - 1);
        var y0 = Math.Clamp((int)Math.Floor(Math.Min(top, bottom)), 0, dataset.Height - 1);
        var x1 = Math.Clamp((int)Math.Ceiling(Math.Max(left, right)), x0 + 1, dataset.Width);
        var y1 = Math.Clamp((int)Math.Ceiling(Math.Max(top, bottom)), y0 + 1, dataset.Height);
        return (x0, y0, x1 - x0, y1 - y0);
    }

    private static List<string> CopyToWork(IReadOnlyList<string> paths, string work, string folder)
    {
        var directory = Path.Combine(work, folder);
        Directory.CreateDirectory(directory);
        var names = new List<string>();
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            File.Copy(path, Path.Combine(directory, name), overwrite: true);
            names.Add(name);
        }

        return names;
    }

    /// <summary>Names, sizes and modification times of the band files: re-delivered bands invalidate the outputs.</summary>
    private static string InputFingerprint(SceneFiles files)
    {
        var text = new System.Text.StringBuilder();
        foreach (var path in files.Bands.Select(b => b.TiffPath).Concat(files.MetadataXml))
        {
            var info = new FileInfo(path);
            text.Append(CultureInfo.InvariantCulture, $"{info.Name}:{info.Length}:{info.LastWriteTimeUtc.Ticks};");
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class SlicedProgress(IProgress<double>? inner, double start, double length) : IProgress<double>
    {
        public void Report(double value) => inner?.Report(start + (Math.Clamp(value, 0, 1) * length));
    }
}
