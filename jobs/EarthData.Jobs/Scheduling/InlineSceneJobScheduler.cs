using System.Collections.Concurrent;
using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// Runs stages in the calling process, one after the other, with no job system: what <c>earthdata publish</c> and the
/// benchmark's "stages called directly" use. Delayed retries wait in <see cref="RunAsync"/> for their delay.
/// </summary>
public sealed class InlineSceneJobScheduler : ISceneJobScheduler
{
    private readonly ConcurrentQueue<(SceneStage Stage, string SceneId, DateTime Due)> _pending = new();

    /// <inheritdoc />
    public void Enqueue(SceneStage stage, string sceneId) => _pending.Enqueue((stage, sceneId, DateTime.UtcNow));

    /// <inheritdoc />
    public void Schedule(SceneStage stage, string sceneId, TimeSpan delay) => _pending.Enqueue((stage, sceneId, DateTime.UtcNow + delay));

    /// <summary>Runs queued stages through <paramref name="pipeline"/> until none is left.</summary>
    public async Task RunAsync(ScenePipeline pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        while (_pending.TryDequeue(out var next))
        {
            var wait = next.Due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            await pipeline.RunStageAsync(next.SceneId, next.Stage, cancellationToken).ConfigureAwait(false);
        }
    }
}
