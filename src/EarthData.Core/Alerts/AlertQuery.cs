namespace EarthData.Core.Alerts;

/// <summary>Filters of an alert listing; null fields do not filter.</summary>
public sealed record AlertQuery
{
    /// <summary>Messages whose affected area's envelope intersects this box.</summary>
    public Geometry.BoundingBox? BoundingBox { get; init; }

    /// <summary>Only this hazard.</summary>
    public Hazard? Hazard { get; init; }

    /// <summary>Only messages at least this severe (Cancels are Unknown and are kept only without this filter).</summary>
    public AlertSeverity? MinSeverity { get; init; }

    /// <summary>Sent at or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Sent at or before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>At most this many, newest first.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Whether <paramref name="message"/> passes every filter but the limit.</summary>
    public bool Matches(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if ((Hazard is { } hazard && message.Hazard != hazard)
            || (MinSeverity is { } severity && message.Severity < severity)
            || (From is { } from && message.Sent < from)
            || (To is { } to && message.Sent > to))
        {
            return false;
        }

        var points = message.Area.Polygons.SelectMany(p => p[0]).ToList();
        return BoundingBox is not { } box || (points.Count > 0 && box.Intersects(Geometry.BoundingBox.FromPoints(points)));
    }
}
