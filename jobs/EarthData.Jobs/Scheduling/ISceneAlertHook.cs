using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// Where alert evaluation hooks in: told just before a scene's publish is committed (so the evaluation can be recorded
/// as pending where a restart finds it) and once the scene is <c>Published</c> (after its STAC item is committed). The
/// composition registers <see cref="Background.HangfireAlertHook"/>, which records the pending evaluation in the
/// alert store and enqueues <c>EvaluateAlerts</c> on the <c>alerts</c> queue; a pipeline given no hook uses
/// <see cref="NoAlertSubscribers"/>. Implementations must be quick and must not throw for a scene they cannot
/// evaluate (the scene stays published).
/// </summary>
public interface ISceneAlertHook
{
    /// <summary>Scene <paramref name="sceneId"/> is about to be published (its objects are stored; its record is not yet <c>Published</c>).</summary>
    Task ScenePublishingAsync(string sceneId, CancellationToken cancellationToken);

    /// <summary>A scene was published.</summary>
    Task ScenePublishedAsync(SceneRecord record, CancellationToken cancellationToken);
}
