using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// The extension point where alert evaluation will hook in: called once a scene is <c>Published</c> (after its STAC
/// item is committed). The alerts feature registers an implementation that enqueues <c>EvaluateAlerts</c> on the
/// <c>alerts</c> queue; until then <see cref="NoAlertSubscribers"/> is registered and nothing is enqueued.
/// Implementations must be quick and must not throw for a scene they cannot evaluate (the scene stays published).
/// </summary>
public interface ISceneAlertHook
{
    /// <summary>A scene was published.</summary>
    Task ScenePublishedAsync(SceneRecord record, CancellationToken cancellationToken);
}
