using EarthData.Core.Alerts;
using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace EarthData.Jobs.Background;

/// <summary>
/// The <see cref="ISceneAlertHook"/> of the running product: enqueues <see cref="EvaluateAlerts"/> on the <c>alerts</c>
/// queue for each published scene, or nothing while there are no subscriptions. Never throws: a scene that cannot be
/// queued for evaluation stays published (the failure is logged).
/// </summary>
public sealed partial class HangfireAlertHook(IBackgroundJobClient client, ISubscriptionStore subscriptions, ILogger<HangfireAlertHook> logger) : ISceneAlertHook
{
    /// <inheritdoc />
    public async Task ScenePublishedAsync(SceneRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            if ((await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                return;
            }

            var sceneId = record.SceneId;
            client.Enqueue<EvaluateAlerts>(j => j.RunAsync(sceneId, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotQueued(logger, ex, record.SceneId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "alerts {Scene}: the evaluation could not be queued; the scene stays published")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string scene);
}
