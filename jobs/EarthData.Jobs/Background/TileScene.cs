using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using Hangfire;

namespace EarthData.Jobs.Background;

/// <summary>The Hangfire job of the <c>tile</c> stage: runs it through <see cref="ScenePipeline"/>, which records the state.</summary>
/// <remarks>
/// Hangfire's own retries are off: the pipeline records each attempt and schedules retries with backoff itself, and
/// rejects invalid input without retrying. Safe to run twice (the stage's lease and record decide).
/// </remarks>
[Queue(SceneQueues.Tile)]
public sealed class TileScene(ScenePipeline pipeline)
{
    /// <summary>Runs the tile stage of <paramref name="sceneId"/>.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Tile {0}")]
    public Task RunAsync(string sceneId, CancellationToken cancellationToken) =>
        pipeline.RunStageAsync(sceneId, SceneStage.Tile, cancellationToken);
}
