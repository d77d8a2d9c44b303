using EarthData.Core.Alerts;
using EarthData.Jobs.Background;
using EarthData.Server.Composition;
using Hangfire;

namespace EarthData.Server.Alerts;

/// <summary>
/// At start-up of a role that schedules (<c>serve</c>, <c>worker</c>): registers the recurring
/// <see cref="SweepPendingEvaluations"/> job (every minute, any job storage; see <see cref="PendingEvaluationSweep"/>).
/// With the in-memory job storage and workers (that storage starts empty; the catalogue remembers) it also enqueues at
/// once an <see cref="EvaluateAlerts"/> job for every published scene whose evaluation is still pending (see
/// <see cref="EvaluationRecovery"/>, whose lock keeps this and a concurrent sweep from enqueueing one scene twice), and a
/// <see cref="DeliverWebhook"/> job (attempt 1) for every delivery claimed and not completed — receivers dedupe on the
/// unchanged <c>webhook-id</c> should an attempt have arrived just before the stop. Registered after the catalogue's
/// migration, which creates the tables it reads.
/// </summary>
internal sealed partial class AlertRecovery(EarthDataSettings settings, EarthDataRole role, PendingEvaluationSweep sweep, IRecurringJobManager recurring,
    IAlertStore alerts, EvaluationRecovery evaluations, IBackgroundJobClient client, ILogger<AlertRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (role.Schedules)
        {
            var age = sweep.Age;
            recurring.AddOrUpdate<SweepPendingEvaluations>(SweepPendingEvaluations.RecurringJobId, SceneQueues.Alerts, j => j.RunAsync(age, CancellationToken.None),
                Cron.Minutely(), new RecurringJobOptions());
        }

        if (settings.JobStorage != JobStorageProvider.InMemory || !role.Workers)
        {
            return;
        }

        var evaluating = await evaluations.RequeuePendingAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (evaluating.Count > 0)
        {
            LogEvaluationsRequeued(logger, evaluating.Count);
        }

        var pending = await alerts.ListPendingDeliveriesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var claim in pending)
        {
            var (subscriptionId, alertId) = (claim.SubscriptionId, claim.AlertId);
            client.Enqueue<DeliverWebhook>(j => j.RunAsync(subscriptionId, alertId, 1, CancellationToken.None));
        }

        if (pending.Count > 0)
        {
            LogRequeued(logger, pending.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "re-enqueued {Count} pending webhook deliveries from the alert store")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "re-enqueued {Count} pending alert evaluation(s) of published scenes from the alert store")]
    private static partial void LogEvaluationsRequeued(ILogger logger, int count);
}
