using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace EarthData.Jobs.Background;

/// <summary>
/// One attempt at delivering alert message <c>alertId</c> to a subscription's webhook (queue <c>alerts</c>): the body
/// is rebuilt from the stored message (the same bytes and <c>webhook-id</c> on every attempt), sent signed; a failed
/// attempt schedules the next after the <see cref="WebhookRetryPolicy"/>'s delay, <c>410 Gone</c> disables the webhook.
/// The claim is completed once the delivery is over (delivered, gone, given up, nothing to send). With a job storage
/// that survives restarts, so do pending and scheduled attempts; with the in-memory one, the open claims are sent again
/// at start-up.
/// </summary>
[Queue(SceneQueues.Alerts)]
public sealed partial class DeliverWebhook(IAlertStore alerts, ISubscriptionStore subscriptions, WebhookDelivery delivery, IBackgroundJobClient client,
    ILogger<DeliverWebhook> logger)
{
    /// <summary>Makes attempt <paramref name="attempt"/> (1-based).</summary>
    /// <returns>The attempt's result, or null when there was nothing to send (subscription or webhook gone, message unknown).</returns>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("DeliverWebhook {1} to {0} (attempt {2})")]
    public async Task<DeliveryResult?> RunAsync(string subscriptionId, string alertId, int attempt, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        var message = await alerts.GetAsync(alertId, cancellationToken).ConfigureAwait(false);
        var webhookId = WebhookMessage.IdFor(subscriptionId, alertId);
        if (subscription is not { WebhookUrl: { } url, WebhookSecret: { } secret, WebhookDisabled: null } || message is null)
        {
            await alerts.CompleteDeliveryAsync(webhookId, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var webhook = new WebhookMessage(webhookId, AlertDispatcher.Body(message));
        var result = await delivery.DeliverAsync(url, secret, webhook, attempt, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case DeliveryOutcome.RetryLater:
                LogRetry(logger, webhook.Id, attempt, result.Detail, result.RetryAfter!.Value);
                client.Schedule<DeliverWebhook>(j => j.RunAsync(subscriptionId, alertId, attempt + 1, CancellationToken.None), result.RetryAfter!.Value);
                break;
            case DeliveryOutcome.EndpointGone:
                await subscriptions.DisableWebhookAsync(subscriptionId, result.Detail ?? "410 Gone", cancellationToken).ConfigureAwait(false);
                LogGaveUp(logger, webhook.Id, result.Detail);
                break;
            case DeliveryOutcome.Failed:
                LogGaveUp(logger, webhook.Id, result.Detail);
                break;
        }

        if (result.Outcome != DeliveryOutcome.RetryLater)
        {
            await alerts.CompleteDeliveryAsync(webhook.Id, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "webhook {Webhook}: attempt {Attempt} failed ({Detail}); next in {Delay}")]
    private static partial void LogRetry(ILogger logger, string webhook, int attempt, string? detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "webhook {Webhook}: not delivered: {Detail}")]
    private static partial void LogGaveUp(ILogger logger, string webhook, string? detail);
}
