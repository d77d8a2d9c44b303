using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// The default <see cref="ISceneAlertHook"/>: no alert subscribers are configured in this build, so a published scene
/// triggers nothing — no job is enqueued on the <c>alerts</c> queue. Replaced by the alerts feature's hook.
/// </summary>
public sealed class NoAlertSubscribers : ISceneAlertHook
{
    /// <inheritdoc />
    public Task ScenePublishedAsync(SceneRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
}
