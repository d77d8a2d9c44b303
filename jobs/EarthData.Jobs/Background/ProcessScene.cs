using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using Hangfire;

namespace EarthData.Jobs.Background;

/// <summary>The Hangfire job of the <c>process</c> stage: runs it through <see cref="ScenePipeline"/>, which records the state.</summary>
/// <remarks>
/// Hangfire's own retries are off: the pipeline records each attempt and schedules retries with backoff itself, and
/// rejects invalid input without retrying. Safe to run twice (the stage's lease and record decide).
/// </remarks>
[Queue(SceneQueues.Process)]
public sealed class ProcessScene(ScenePipeline pipeline)
{
    /// <summary>Runs the process stage of <paramref name="sceneId"/>.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Process {0}")]
    public Task RunAsync(string sceneId, CancellationToken cancellationToken) =>
        pipeline.RunStageAsync(sceneId, SceneStage.Process, cancellationToken);
}
