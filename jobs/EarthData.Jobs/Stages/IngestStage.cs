using EarthData.Core;
using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Jobs.Sources;

namespace EarthData.Jobs.Stages;

/// <summary>
/// Ingest: fetches the scene from its source, verifies it (<see cref="SceneVerifier"/>) and copies its band files into
/// the object store under <c>work/{id}/source/</c>, so that any worker can run the next stages. Re-ingesting drops the
/// later stages' markers: their outputs were made from the previous delivery.
/// </summary>
public sealed class IngestStage(SceneSources sources, SceneHandoff handoff, SceneWorkspace workspace, int uploadParallelism = 8) : IPipelineStage
{
    /// <inheritdoc />
    public SceneStage Stage => SceneStage.Ingest;

    /// <inheritdoc />
    public async Task RunAsync(SceneRecord record, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var location = record.Source ?? throw new InvalidSceneException($"{record.SceneId}: the record names no source", null, null, record.SceneId);
        Core.Sources.ISceneSource source;
        try
        {
            source = sources.SourceOf(location);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidSceneException($"{record.SceneId}: {ex.Message}", location, null, record.SceneId, ex);
        }

        var folder = await source.FetchAsync(location, workspace.SourcesDirectory, cancellationToken).ConfigureAwait(false);
        progress.Report(0.3);
        var (files, _) = SceneVerifier.Verify(folder, cancellationToken);
        if (files.Id.ToString() != record.SceneId)
        {
            throw new InvalidSceneException($"{record.SceneId}: the source holds scene {files.Id}", location, null, record.SceneId);
        }

        progress.Report(0.5);
        await handoff.Objects.DeleteAsync(SceneHandoff.ProcessMarker(record.SceneId), cancellationToken).ConfigureAwait(false);
        await handoff.Objects.DeleteAsync(SceneHandoff.TilesMarker(record.SceneId), cancellationToken).ConfigureAwait(false);
        var prefix = SceneHandoff.SourcePrefix(record.SceneId);
        var uploads = files.Bands
            .Select(b => b.TiffPath)
            .Concat(files.MetadataXml)
            .Select(path => (prefix + Path.GetFileName(path), path,
                new ObjectPutOptions { ContentType = path.EndsWith(".xml", StringComparison.Ordinal) ? "text/xml" : "image/tiff" }));
        await handoff.UploadAsync(uploads, uploadParallelism, new ProgressSlice(progress, 0.5, 0.5), cancellationToken).ConfigureAwait(false);
    }
}
