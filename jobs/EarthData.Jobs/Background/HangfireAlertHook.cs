using EarthData.Core.Alerts;
using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace EarthData.Jobs.Background;

/// <summary>
/// The <see cref="ISceneAlertHook"/> of the running product: while there are subscriptions, records each scene's
/// evaluation as pending in the alert store before its publish commits, and enqueues <see cref="EvaluateAlerts"/> on
/// the <c>alerts</c> queue once it is published (the job marks it done; <see cref="EvaluationRecovery"/> re-enqueues
/// what a restart finds pending). Never throws: a scene whose evaluation cannot be recorded or queued stays published
/// (the failure is logged).
/// </summary>
public sealed partial class HangfireAlertHook(IBackgroundJobClient client, ISubscriptionStore subscriptions, IAlertStore alerts, ILogger<HangfireAlertHook> logger)
    : ISceneAlertHook
{
    /// <inheritdoc />
    public async Task ScenePublishingAsync(string sceneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        try
        {
            if ((await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                await alerts.MarkEvaluationPendingAsync(sceneId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotRecorded(logger, ex, sceneId);
        }
    }

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

            Enqueue(client, record.SceneId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotQueued(logger, ex, record.SceneId);
        }
    }

    /// <summary>Enqueues the evaluation of <paramref name="sceneId"/> on the <c>alerts</c> queue.</summary>
    internal static void Enqueue(IBackgroundJobClient client, string sceneId) =>
        client.Enqueue<EvaluateAlerts>(j => j.RunAsync(sceneId, CancellationToken.None));

    [LoggerMessage(Level = LogLevel.Error, Message = "alerts {Scene}: the evaluation could not be queued; the scene stays published")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string scene);

    [LoggerMessage(Level = LogLevel.Error, Message = "alerts {Scene}: the pending evaluation could not be recorded; a restart before it runs would lose it")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string scene);
}
