using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using Hangfire;

namespace EarthData.Jobs.Background;

/// <summary>Enqueues stage jobs through Hangfire, each on its stage's queue (the job classes carry <see cref="QueueAttribute"/>).</summary>
public sealed class HangfireSceneJobScheduler(IBackgroundJobClient client) : ISceneJobScheduler
{
    /// <inheritdoc />
    public void Enqueue(SceneStage stage, string sceneId)
    {
        _ = stage switch
        {
            SceneStage.Ingest => client.Enqueue<IngestScene>(j => j.RunAsync(sceneId, CancellationToken.None)),
            SceneStage.Process => client.Enqueue<ProcessScene>(j => j.RunAsync(sceneId, CancellationToken.None)),
            SceneStage.Tile => client.Enqueue<TileScene>(j => j.RunAsync(sceneId, CancellationToken.None)),
            SceneStage.Publish => client.Enqueue<PublishScene>(j => j.RunAsync(sceneId, CancellationToken.None)),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
        };
    }

    /// <inheritdoc />
    public void Schedule(SceneStage stage, string sceneId, TimeSpan delay)
    {
        _ = stage switch
        {
            SceneStage.Ingest => client.Schedule<IngestScene>(j => j.RunAsync(sceneId, CancellationToken.None), delay),
            SceneStage.Process => client.Schedule<ProcessScene>(j => j.RunAsync(sceneId, CancellationToken.None), delay),
            SceneStage.Tile => client.Schedule<TileScene>(j => j.RunAsync(sceneId, CancellationToken.None), delay),
            SceneStage.Publish => client.Schedule<PublishScene>(j => j.RunAsync(sceneId, CancellationToken.None), delay),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
        };
    }
}
