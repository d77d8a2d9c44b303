namespace EarthData.Core.Alerts;

/// <summary>A webhook message claimed for delivery: which alert message goes to which subscription, under which id.</summary>
/// <param name="WebhookId">The <c>webhook-id</c> (stable for the subscription and the alert message).</param>
/// <param name="SubscriptionId">The subscription whose webhook receives it.</param>
/// <param name="AlertId">The alert message (<c>{event}.v{n}</c>).</param>
public sealed record WebhookClaim(string WebhookId, string SubscriptionId, string AlertId);
