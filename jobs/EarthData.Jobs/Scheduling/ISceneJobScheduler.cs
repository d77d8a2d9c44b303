using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// Puts a stage of a scene on its queue. The Hangfire implementation enqueues the stage's job on the queue named after
/// it; <see cref="InlineSceneJobScheduler"/> runs stages in the caller (the CLI's <c>publish</c>, tests, the benchmark).
/// Arguments are ids only.
/// </summary>
public interface ISceneJobScheduler
{
    /// <summary>Runs <paramref name="stage"/> of the scene as soon as a worker is free.</summary>
    void Enqueue(SceneStage stage, string sceneId);

    /// <summary>Runs <paramref name="stage"/> of the scene after <paramref name="delay"/>.</summary>
    void Schedule(SceneStage stage, string sceneId, TimeSpan delay);
}
