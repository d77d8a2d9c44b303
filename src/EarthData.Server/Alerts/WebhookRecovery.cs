using EarthData.Core.Alerts;
using EarthData.Jobs.Background;
using EarthData.Server.Composition;
using Hangfire;

namespace EarthData.Server.Alerts;

/// <summary>
/// At start-up with the in-memory job storage and workers: enqueues a <see cref="DeliverWebhook"/> job (attempt 1) for
/// every delivery claimed and not completed — that storage starts empty, the alert store remembers. Receivers dedupe on
/// the unchanged <c>webhook-id</c> should an attempt have arrived just before the stop. Registered after the catalogue's
/// migration, which creates the table it reads.
/// </summary>
internal sealed partial class WebhookRecovery(EarthDataSettings settings, EarthDataRole role, IAlertStore alerts, IBackgroundJobClient client,
    ILogger<WebhookRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.JobStorage != JobStorageProvider.InMemory || !role.Workers)
        {
            return;
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
}
