using EarthData.Core.Catalog;
using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Stages;

/// <summary>
/// Tile: the COG (from the local cache, else downloaded from its published key) → one XYZ pyramid per layer, uploaded
/// to <c>tiles/{collection}/{id}/{layer}/…</c>, then <c>tiles.json</c>. Skipped when <c>tiles.json</c> already lists
/// layers made with the same options.
/// </summary>
public sealed class TileStage(SceneHandoff handoff, SceneWorkspace workspace, SceneProcessingOptions options, int uploadParallelism = 8) : IPipelineStage
{
    /// <inheritdoc />
    public SceneStage Stage => SceneStage.Tile;

    /// <inheritdoc />
    public async Task RunAsync(SceneRecord record, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.SceneId;
        var fingerprint = options.Fingerprint();
        var done = await handoff.ReadAsync<TileStageManifest>(SceneHandoff.TilesMarker(id), cancellationToken).ConfigureAwait(false);
        if (done?.OptionsFingerprint == fingerprint)
        {
            return;
        }

        var cog = await handoff.ReadAsync<SceneManifest>(SceneHandoff.ProcessMarker(id), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{id}: the process stage's outputs are missing ('{SceneHandoff.ProcessMarker(id)}')");
        var work = workspace.WorkOf(id);
        var cogPath = SceneUploads.PathOf(work, cog.Cog);
        if (!File.Exists(cogPath) || new FileInfo(cogPath).Length != cog.Cog.Size)
        {
            await handoff.DownloadAsync(PublishedObjectKeys.Cog(cog.Collection, id, "visual"), cogPath, cancellationToken).ConfigureAwait(false);
        }

        progress.Report(0.05);
        var layers = await Task.Run(() => SceneProcessor.RenderLayers(cog, work, options, new ProgressSlice(progress, 0.05, 0.65), cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var manifest = cog with { Layers = layers };
        await handoff.UploadAsync(SceneUploads.Tiles(manifest, work), uploadParallelism, new ProgressSlice(progress, 0.7, 0.3), cancellationToken).ConfigureAwait(false);
        await handoff.WriteAsync(SceneHandoff.TilesMarker(id), new TileStageManifest(fingerprint, layers), cancellationToken).ConfigureAwait(false);
    }
}
