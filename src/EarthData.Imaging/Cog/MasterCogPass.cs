using EarthData.Core.Indices;
using EarthData.Core.Metadata;
using EarthData.Gdal;
using EarthData.Imaging.Indices;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Cog;

/// <summary>
/// The products of a scene's master COG that need its full resolution — the per-band statistics
/// (<see cref="SceneStatistics"/>) and the index COGs (<see cref="IndexCogWriter"/>) — from one
/// <see cref="CogBlockPass"/>: each native block that holds data is read once and feeds both.
/// </summary>
/// <remarks>
/// The stretch cuts and <c>eo:cloud_cover</c> read the overviews (about a million pixels), not the native level, and
/// keep doing so: moving them into the pass would change their results. Thread-safe: each call opens its own datasets.
/// </remarks>
public static class MasterCogPass
{
    /// <summary>Computes the statistics and writes the index COGs the scene allows.</summary>
    /// <param name="cogPath">The scene's DN COG, bands described by their common names (as <c>CogWriter</c> writes them).</param>
    /// <param name="metadata">The scene's metadata (camera, calibration, sun elevation, date).</param>
    /// <param name="indices">The index COGs wanted; empty writes none (the statistics are computed anyway).</param>
    /// <param name="outputDirectory">Existing directory the index COGs go to (<see cref="IndexCogWriter.FileName"/>).</param>
    /// <param name="threads">Compression threads.</param>
    /// <param name="cancellationToken">Checked between rows of blocks; nothing partial is left at a destination.</param>
    /// <exception cref="GdalException">GDAL failed to read or write.</exception>
    public static MasterCogProducts Run(string cogPath, SceneMetadata metadata, IReadOnlyList<SpectralIndex> indices, string outputDirectory, int threads,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cogPath);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        using var dataset = GdalDataset.Open(cogPath);
        var statistics = new SceneStatistics.Scan(dataset);
        using var build = IndexCogWriter.Begin(dataset, metadata, indices, outputDirectory, threads, out var unavailable);
        var blocks = CogBlockPass.Run(dataset, build is null ? [statistics] : [statistics, build], cancellationToken);
        var bandStatistics = statistics.Complete(cancellationToken);
        var written = build?.Finish(cancellationToken) ?? unavailable;
        return new MasterCogProducts(bandStatistics, written, blocks);
    }
}
