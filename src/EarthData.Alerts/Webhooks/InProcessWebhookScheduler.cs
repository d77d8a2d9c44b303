using EarthData.Core.Alerts;

namespace EarthData.Alerts.Webhooks;

/// <summary>
/// Delivers each queued message at once, retrying on the policy's schedule in process (waiting with
/// <paramref name="wait"/>), and disables the subscription's webhook when the endpoint answers 410 Gone. For tests and
/// single-process use; the job system replaces it where retries must survive restarts.
/// </summary>
public sealed class InProcessWebhookScheduler(WebhookDelivery delivery, ISubscriptionStore subscriptions, Func<TimeSpan, CancellationToken, Task> wait) : IWebhookScheduler
{
    /// <summary>The results, in delivery order.</summary>
    public List<(string SubscriptionId, DeliveryResult Result)> Results { get; } = [];

    /// <inheritdoc />
    public async Task ScheduleAsync(Subscription subscription, WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.WebhookUrl is null || subscription.WebhookSecret is null || subscription.WebhookDisabled is not null)
        {
            return;
        }

        var result = await delivery.DeliverWithRetriesAsync(subscription.WebhookUrl, subscription.WebhookSecret, message, wait, cancellationToken).ConfigureAwait(false);
        lock (Results)
        {
            Results.Add((subscription.Id, result));
        }

        if (result.Outcome == DeliveryOutcome.EndpointGone)
        {
            await subscriptions.DisableWebhookAsync(subscription.Id, result.Detail ?? "410 Gone", cancellationToken).ConfigureAwait(false);
        }
    }
}
