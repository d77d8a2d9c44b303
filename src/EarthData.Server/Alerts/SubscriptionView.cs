using EarthData.Core.Alerts;

namespace EarthData.Server.Alerts;

/// <summary>A subscription as the API shows it: everything but the webhook secret.</summary>
/// <param name="Id">The id.</param>
/// <param name="Area">The area as a GeoJSON MultiPolygon.</param>
/// <param name="Hazards">Hazards, lower case.</param>
/// <param name="MinSeverity">The least severity delivered.</param>
/// <param name="Languages">Message languages.</param>
/// <param name="Webhook">Webhook URL and state, or null for feed-only.</param>
/// <param name="Created">Creation time, UTC.</param>
public sealed record SubscriptionView(string Id, object Area, IReadOnlyList<string> Hazards, string MinSeverity, IReadOnlyList<string> Languages, WebhookView? Webhook, DateTimeOffset Created)
{
    /// <summary>The view of <paramref name="subscription"/>.</summary>
    public static SubscriptionView Of(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var coordinates = subscription.Area.Select(p => p.Select(r => r.Select(q => new[] { q.Lon, q.Lat }).ToArray()).ToArray()).ToArray();
        return new SubscriptionView(
            subscription.Id,
            new { type = "MultiPolygon", coordinates },
            [.. subscription.Hazards.Select(h => h.ToString().ToLowerInvariant())],
            subscription.MinSeverity.ToString(),
            subscription.Languages,
            subscription.WebhookUrl is null ? null : new WebhookView(subscription.WebhookUrl.AbsoluteUri, subscription.WebhookDisabled is null, subscription.WebhookDisabled),
            subscription.Created);
    }
}
