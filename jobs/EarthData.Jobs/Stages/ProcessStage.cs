using EarthData.Core.Catalog;
using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Stages;

/// <summary>
/// Process: the ingested bands (from the local cache, else downloaded from <c>work/{id}/source/</c>) → the Web Mercator
/// COG, thumbnail and XML originals, uploaded to their published keys, then <c>process.json</c>. Skipped when
/// <c>process.json</c> already lists outputs made with the same options.
/// </summary>
public sealed class ProcessStage(SceneHandoff handoff, SceneWorkspace workspace, SceneProcessingOptions options, int uploadParallelism = 8) : IPipelineStage
{
    /// <inheritdoc />
    public SceneStage Stage => SceneStage.Process;

    /// <inheritdoc />
    public async Task RunAsync(SceneRecord record, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.SceneId;
        var fingerprint = options.Fingerprint();
        var done = await handoff.ReadAsync<SceneManifest>(SceneHandoff.ProcessMarker(id), cancellationToken).ConfigureAwait(false);
        if (done?.OptionsFingerprint == fingerprint)
        {
            return;
        }

        var folder = await MaterializeSourceAsync(id, cancellationToken).ConfigureAwait(false);
        progress.Report(0.05);
        var processor = new SceneProcessor(workspace.WorkRoot);
        var scene = await Task.Run(() => processor.ProcessCog(folder, options, new ProgressSlice(progress, 0.05, 0.85), cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        await handoff.UploadAsync(SceneUploads.Products(scene.Manifest, scene.WorkDirectory), uploadParallelism, new ProgressSlice(progress, 0.9, 0.1), cancellationToken)
            .ConfigureAwait(false);
        await handoff.Objects.DeleteAsync(SceneHandoff.TilesMarker(id), cancellationToken).ConfigureAwait(false);
        await handoff.WriteAsync(SceneHandoff.ProcessMarker(id), scene.Manifest with { OptionsFingerprint = fingerprint }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The local copy of the ingested files, downloading what the cache lacks.</summary>
    private async Task<string> MaterializeSourceAsync(string sceneId, CancellationToken cancellationToken)
    {
        var folder = workspace.SourceOf(sceneId);
        var prefix = SceneHandoff.SourcePrefix(sceneId);
        var count = 0;
        await foreach (var stored in handoff.Objects.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            count++;
            var path = Path.Combine(folder, stored.Key[prefix.Length..]);
            var local = new FileInfo(path);
            if (!local.Exists || local.Length != stored.Length)
            {
                await handoff.DownloadAsync(stored.Key, path, cancellationToken).ConfigureAwait(false);
            }
        }

        return count > 0
            ? folder
            : throw new InvalidOperationException($"{sceneId}: no ingested files under '{prefix}' in the object store (queue the scene again)");
    }
}
