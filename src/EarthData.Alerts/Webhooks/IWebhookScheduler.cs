using EarthData.Core.Alerts;

namespace EarthData.Alerts.Webhooks;

/// <summary>
/// Hands a webhook message to whatever delivers it: in process (<see cref="InProcessWebhookScheduler"/>), or a Hangfire job
/// that calls <see cref="WebhookDelivery.DeliverAsync"/> once per attempt and schedules the next after its delay.
/// </summary>
public interface IWebhookScheduler
{
    /// <summary>Queues <paramref name="message"/> for <paramref name="subscription"/>'s webhook.</summary>
    Task ScheduleAsync(Subscription subscription, WebhookMessage message, CancellationToken cancellationToken);
}
