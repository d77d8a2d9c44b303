using EarthData.Core.Geometry;

namespace EarthData.Core.Alerts;

/// <summary>
/// A partner agency's subscription: an area of interest, the hazards and minimum severity it wants, the languages of
/// its messages and where they are delivered (a webhook, or the feeds only). Immutable.
/// </summary>
public sealed record Subscription
{
    /// <summary>The id (<c>sub_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The area: polygons of rings (exterior first) in WGS 84 lon/lat, closed.</summary>
    public required IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>> Area { get; init; }

    /// <summary>The hazards subscribed to.</summary>
    public required IReadOnlyList<Hazard> Hazards { get; init; }

    /// <summary>The least severity delivered.</summary>
    public AlertSeverity MinSeverity { get; init; } = AlertSeverity.Minor;

    /// <summary>Message languages (<c>en</c>, <c>zh</c>, <c>pt</c>).</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    /// <summary>Webhook URL, or null for feed-only delivery.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>Webhook secret (<c>whsec_…</c>), with <see cref="WebhookUrl"/>. Never returned by the API.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>When the subscription was created, UTC.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Why webhook delivery was disabled (e.g. the endpoint answered 410 Gone); null while enabled.</summary>
    public string? WebhookDisabled { get; init; }

    /// <summary>Whether a message of <paramref name="hazard"/> at <paramref name="severity"/> is for this subscription.</summary>
    public bool Wants(Hazard hazard, AlertSeverity severity, AlertMessageType type) =>
        Hazards.Contains(hazard) && (type == AlertMessageType.Cancel || severity >= MinSeverity);

    /// <summary>The envelope of the area (west, south, east, north).</summary>
    public BoundingBox Envelope => BoundingBox.FromPoints(Area.SelectMany(p => p[0]));
}
