using EarthData.Core.Alerts;
using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace EarthData.Jobs.Background;

/// <summary>
/// The <see cref="ISceneAlertHook"/> of the running product: while there are subscriptions, records each scene's
/// evaluation as pending in the alert store before its publish commits, and enqueues <see cref="EvaluateAlerts"/> on
/// the <c>alerts</c> queue once it is published, naming the job in the alert store (the job marks the evaluation done;
/// <see cref="EvaluationRecovery"/> re-enqueues what a restart or the periodic sweep finds pending with no live job). Never throws: a scene whose evaluation cannot be recorded or queued stays published
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

            await EnqueueAsync(client, alerts, record.SceneId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotQueued(logger, ex, record.SceneId);
        }
    }

    /// <summary>
    /// Enqueues the evaluation of <paramref name="sceneId"/> on the <c>alerts</c> queue and names the job in the alert
    /// store, so <see cref="EvaluationRecovery"/> leaves the evaluation to it while it lives.
    /// </summary>
    internal static async Task EnqueueAsync(IBackgroundJobClient client, IAlertStore alerts, string sceneId, CancellationToken cancellationToken)
    {
        var jobId = client.Enqueue<EvaluateAlerts>(j => j.RunAsync(sceneId, CancellationToken.None));
        await alerts.AssignEvaluationJobAsync(sceneId, jobId, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "alerts {Scene}: the evaluation could not be queued; the scene stays published")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string scene);

    [LoggerMessage(Level = LogLevel.Error, Message = "alerts {Scene}: the pending evaluation could not be recorded; a restart before it runs would lose it")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string scene);
}
