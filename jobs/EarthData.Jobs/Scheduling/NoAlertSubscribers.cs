using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// The <see cref="ISceneAlertHook"/> of a <see cref="ScenePipeline"/> given none (tests, tools): a published scene
/// triggers nothing. The composition registers <see cref="Background.HangfireAlertHook"/> instead.
/// </summary>
public sealed class NoAlertSubscribers : ISceneAlertHook
{
    /// <inheritdoc />
    public Task ScenePublishingAsync(string sceneId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ScenePublishedAsync(SceneRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
}
