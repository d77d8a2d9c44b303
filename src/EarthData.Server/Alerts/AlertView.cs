using EarthData.Core.Alerts;

namespace EarthData.Server.Alerts;

/// <summary>An alert message as the JSON API shows it (the geometry is in the GeoJSON form).</summary>
public sealed record AlertView(
    string Id, string EventId, int Version, string MsgType, string Hazard, string Severity, DateTimeOffset Sent, DateTimeOffset Observed,
    string Scene, string Footprint, string? Baseline, int? BaselineVersion, double AreaKm2, double AffectedFraction, double[]? Bbox, IReadOnlyList<string> References,
    IReadOnlyDictionary<string, string> Links)
{
    /// <summary>The view of <paramref name="message"/>, with links made absolute on <paramref name="baseUrl"/>.</summary>
    public static AlertView Of(AlertMessage message, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(message);
        var points = message.Area.Polygons.SelectMany(p => p[0]).ToList();
        var id = Uri.EscapeDataString(message.Id);
        var links = new Dictionary<string, string>
        {
            ["self"] = new Uri(baseUrl, $"api/alerts/{id}").AbsoluteUri,
            ["geojson"] = new Uri(baseUrl, $"api/alerts/{id}?f=geojson").AbsoluteUri,
            ["cap"] = new Uri(baseUrl, $"api/alerts/{id}/cap").AbsoluteUri,
        };
        if (message.BaselineId is not null)
        {
            links["baseline"] = new Uri(baseUrl, $"api/baselines/{Uri.EscapeDataString(message.BaselineId)}").AbsoluteUri;
        }

        return new AlertView(
            message.Id, message.EventId, message.Version, message.MessageType.ToString(), message.Hazard.ToString().ToLowerInvariant(),
            message.Severity.ToString(), message.Sent, message.Observed, message.SceneId, message.Footprint, message.BaselineId, message.BaselineVersion,
            Math.Round(message.Area.AreaKm2, 3), Math.Round(message.AffectedFraction, 4),
            points.Count == 0 ? null : Core.Geometry.BoundingBox.FromPoints(points).ToArray(),
            [.. message.References.Select(r => r.Identifier)],
            links);
    }
}
