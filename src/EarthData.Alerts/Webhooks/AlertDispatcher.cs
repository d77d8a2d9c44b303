using System.Globalization;
using System.Text;
using System.Text.Json;
using EarthData.Alerts.Feeds;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Webhooks;

/// <summary>
/// Sends an issued message to a subscription's webhook exactly once: the webhook id is derived from the subscription
/// and the message id (<see cref="WebhookMessage.IdFor"/>) and claimed in the <see cref="IAlertStore"/> first, so a
/// re-run of the evaluation sends no second webhook for the same event version; a claim whose hand-off to the scheduler
/// failed is released, so the re-run sends it. The body follows the Standard Webhooks
/// payload shape: <c>{"type": "alert.alert|alert.update|alert.cancel", "timestamp": …, "data": &lt;GeoJSON Feature&gt;}</c>.
/// </summary>
public sealed class AlertDispatcher(IAlertStore store, IWebhookScheduler scheduler)
{
    /// <summary>Queues the message for the subscription's webhook unless it was already; true when queued now.</summary>
    public async Task<bool> DispatchAsync(Subscription subscription, AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(message);
        if (subscription.WebhookUrl is null || !subscription.Wants(message.Hazard, message.Severity, message.MessageType))
        {
            return false;
        }

        var id = WebhookMessage.IdFor(subscription.Id, message.Id);
        if (!await store.TryClaimDeliveryAsync(new WebhookClaim(id, subscription.Id, message.Id), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await scheduler.ScheduleAsync(subscription, new WebhookMessage(id, Body(message)), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not handed over: free the claim, so a re-run of the evaluation (which dispatches the event's latest message
            // again) sends it. Should the hand-off have stored its job before failing, the receiver sees the same
            // webhook-id twice, which Standard Webhooks receivers dedupe — better than never.
            await store.ReleaseDeliveryAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return true;
    }

    /// <summary>The webhook body of a message.</summary>
    public static string Body(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "alert." + message.MessageType.ToString().ToLowerInvariant());
            writer.WriteString("timestamp", message.Sent.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WritePropertyName("data");
            AlertGeoJson.WriteFeature(writer, message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
