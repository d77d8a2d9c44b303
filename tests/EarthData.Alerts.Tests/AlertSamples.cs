using EarthData.Alerts.Hazards;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;

namespace EarthData.Alerts.Tests;

/// <summary>Messages and findings the tests share.</summary>
internal static class AlertSamples
{
    public static readonly AffectedArea Area = new(
        [
            [[new GeoPoint(-47.1234567, -15.7654321), new GeoPoint(-47.0, -15.7654321), new GeoPoint(-47.0, -15.6), new GeoPoint(-47.1234567, -15.6)]],
            [[new GeoPoint(-46.5, -15.5), new GeoPoint(-46.4, -15.5), new GeoPoint(-46.4, -15.4), new GeoPoint(-46.5, -15.5)]],
        ],
        12.5);

    public static AlertMessage Message(AlertMessageType type = AlertMessageType.Alert, int version = 1) => new()
    {
        EventId = "flood-cbers4-mux-151-121-20240310",
        Version = version,
        MessageType = type,
        Hazard = Hazard.Flood,
        Severity = type == AlertMessageType.Cancel ? AlertSeverity.Unknown : AlertSeverity.Severe,
        Sent = new DateTimeOffset(2024, 3, 10, 15, 4, 5, TimeSpan.Zero),
        Observed = new DateTimeOffset(2024, 3, 10, 13, 21, 7, TimeSpan.Zero),
        SceneId = "CBERS_4_MUX_20240310_151_121_L2",
        Footprint = "CBERS4-MUX/151/121",
        BaselineId = "water-CBERS4-MUX-151-121.v3",
        BaselineVersion = 3,
        Area = Area,
        AffectedFraction = 0.0312,
        References = version == 1 ? [] : [.. Enumerable.Range(1, version - 1).Select(v =>
            new AlertReference($"flood-cbers4-mux-151-121-20240310.v{v}", new DateTimeOffset(2024, 3, 10, 15, 4, 5, TimeSpan.Zero).AddDays(-26 * (version - v))))],
    };

    public static HazardFinding Finding(bool raised, AlertSeverity severity, double areaKm2) =>
        new(Hazard.Flood, raised, severity, [], (long)(areaKm2 / 0.0004), 10_000, areaKm2);
}
