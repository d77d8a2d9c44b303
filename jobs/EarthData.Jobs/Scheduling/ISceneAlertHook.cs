using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// Where alert evaluation hooks in: called once a scene is <c>Published</c> (after its STAC item is committed). The
/// composition registers <see cref="Background.HangfireAlertHook"/>, which enqueues <c>EvaluateAlerts</c> on the
/// <c>alerts</c> queue; a pipeline given no hook uses <see cref="NoAlertSubscribers"/>.
/// Implementations must be quick and must not throw for a scene they cannot evaluate (the scene stays published).
/// </summary>
public interface ISceneAlertHook
{
    /// <summary>A scene was published.</summary>
    Task ScenePublishedAsync(SceneRecord record, CancellationToken cancellationToken);
}
