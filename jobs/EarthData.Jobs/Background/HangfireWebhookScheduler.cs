using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using Hangfire;

namespace EarthData.Jobs.Background;

/// <summary>Hands each webhook message to a <see cref="DeliverWebhook"/> job (first attempt now, the rest scheduled by the job).</summary>
public sealed class HangfireWebhookScheduler(IBackgroundJobClient client) : IWebhookScheduler
{
    /// <inheritdoc />
    public Task ScheduleAsync(Subscription subscription, WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(message);
        var subscriptionId = subscription.Id;
        var alertId = WebhookMessage.AlertIdOf(subscriptionId, message.Id);
        client.Enqueue<DeliverWebhook>(j => j.RunAsync(subscriptionId, alertId, 1, CancellationToken.None));
        return Task.CompletedTask;
    }
}
