using EarthData.Core.Catalog;
using EarthData.Core.Metadata;
using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Stages;

/// <summary>
/// Publish: reads <c>process.json</c> and <c>tiles.json</c>, parses the scene's INPE XML (cached, else downloaded from
/// its published key), and commits the STAC item and the collection documents (<see cref="ScenePublisher.CommitAsync"/>).
/// Every object the item points at is already in the store, so the item is the commit point. <see cref="CleanAsync"/>
/// then drops the hand-off objects and the local cache.
/// </summary>
public sealed class PublishStage(SceneHandoff handoff, SceneWorkspace workspace, ScenePublisher publisher) : IPipelineStage
{
    /// <inheritdoc />
    public SceneStage Stage => SceneStage.Publish;

    /// <inheritdoc />
    public async Task RunAsync(SceneRecord record, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.SceneId;
        var cog = await handoff.ReadAsync<SceneManifest>(SceneHandoff.ProcessMarker(id), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{id}: the process stage's outputs are missing ('{SceneHandoff.ProcessMarker(id)}')");
        var tiles = await handoff.ReadAsync<TileStageManifest>(SceneHandoff.TilesMarker(id), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{id}: the tile stage's outputs are missing ('{SceneHandoff.TilesMarker(id)}')");
        var manifest = cog with { Layers = tiles.Layers };
        var work = workspace.WorkOf(id);
        var xml = new List<InpeBandMetadata>();
        foreach (var file in manifest.MetadataXml)
        {
            var path = SceneUploads.PathOf(work, file);
            if (!File.Exists(path) || new FileInfo(path).Length != file.Size)
            {
                await handoff.DownloadAsync(PublishedObjectKeys.Original(manifest.Collection, id, SceneUploads.FileName(file)), path, cancellationToken)
                    .ConfigureAwait(false);
            }

            xml.Add(InpeMetadataReader.ReadFile(path));
        }

        progress.Report(0.3);
        await publisher.CommitAsync(new ProcessedScene(SceneMetadata.Merge(xml), work, manifest, Reused: true), cancellationToken).ConfigureAwait(false);
        progress.Report(1);
    }

    /// <summary>Deletes a published scene's hand-off objects and its local cache.</summary>
    public async Task CleanAsync(string sceneId, CancellationToken cancellationToken)
    {
        await handoff.Objects.DeletePrefixAsync(SceneHandoff.Prefix(sceneId), cancellationToken).ConfigureAwait(false);
        workspace.Clean(sceneId);
    }
}
