using EarthData.Core.Scenes;
using EarthData.Jobs.Sources;
using EarthData.Jobs.State;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// How scenes enter the pipeline, for every caller (API, <c>earthdata ingest</c>, discovery): resolve the source text
/// to a scene and location, queue it through the scene-state service, and enqueue its first stage when the record
/// says so. Queueing a scene that is queued, in a stage or published returns its record and enqueues nothing.
/// </summary>
public sealed class SceneIntake(SceneSources sources, SceneStateService state, ISceneJobScheduler scheduler)
{
    /// <summary>Queues the scene <paramref name="source"/> names.</summary>
    /// <param name="source">A scene id, an archive path under a folder source, or a URL a source accepts.</param>
    /// <param name="force">Re-process a published scene.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The source names no scene any configured source has.</exception>
    public async Task<QueueOutcome> QueueAsync(string source, bool force = false, CancellationToken cancellationToken = default)
    {
        var (id, location) = await sources.ResolveAsync(source, cancellationToken).ConfigureAwait(false);
        return await QueueAsync(id, location, force, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues a scene whose location is known (discovery).</summary>
    public async Task<QueueOutcome> QueueAsync(SceneId sceneId, string location, bool force = false, CancellationToken cancellationToken = default)
    {
        var outcome = await state.QueueAsync(sceneId, location, force, cancellationToken).ConfigureAwait(false);
        if (outcome.Enqueue is { } stage)
        {
            scheduler.Enqueue(stage, outcome.Record.SceneId);
        }

        return outcome;
    }

    /// <summary>The scene-state owner.</summary>
    public SceneStateService State => state;

    /// <summary>The configured sources.</summary>
    public SceneSources Sources => sources;

    /// <summary>Retries a failed or rejected scene (see <see cref="SceneStateService.RetryAsync"/>) and enqueues its stage.</summary>
    public async Task<QueueOutcome> RetryAsync(string sceneId, CancellationToken cancellationToken = default)
    {
        var outcome = await state.RetryAsync(sceneId, cancellationToken).ConfigureAwait(false);
        if (outcome.Enqueue is { } stage)
        {
            scheduler.Enqueue(stage, outcome.Record.SceneId);
        }

        return outcome;
    }
}
