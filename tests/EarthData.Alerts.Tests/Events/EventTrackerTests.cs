using EarthData.Alerts.Events;
using EarthData.Alerts.Hazards;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Tests.Events;

public class EventTrackerTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 5, 13, 0, 0, TimeSpan.Zero);
    private readonly EventState _start = new() { Hazard = Hazard.Flood, Footprint = "CBERS4-MUX/151/121" };

    [Fact]
    public void Observe_IssuesAlertThenUpdateThenCancel_UnderOneEventId()
    {
        var tracker = Tracker(new HazardThresholds());

        var (s1, alert) = Observe(tracker, _start, 1, raised: true, AlertSeverity.Moderate, 2, ratio: 2);
        var (s2, update) = Observe(tracker, s1, 2, raised: true, AlertSeverity.Severe, 30, ratio: 30);
        var (_, cancel) = Observe(tracker, s2, 3, raised: false, AlertSeverity.Unknown, 0, ratio: 0);

        Assert.Equal([AlertMessageType.Alert, AlertMessageType.Update, AlertMessageType.Cancel], [alert!.MessageType, update!.MessageType, cancel!.MessageType]);
        Assert.All([alert, update, cancel], m => Assert.Equal("flood-cbers4-mux-151-121-20240105", m.EventId));
        Assert.Equal([1, 2, 3], [alert.Version, update.Version, cancel.Version]);
        Assert.Empty(alert.References);
        Assert.Equal([alert.Id], update.References.Select(r => r.Identifier));
        Assert.Equal([alert.Id, update.Id], cancel.References.Select(r => r.Identifier));
    }

    [Fact]
    public void Observe_WaitsForPersistence_BeforeTheFirstAlert()
    {
        var tracker = Tracker(new HazardThresholds { RaisePersistence = 2 });

        var (s1, first) = Observe(tracker, _start, 1, raised: true, AlertSeverity.Moderate, 2, ratio: 2);
        var (s2, second) = Observe(tracker, s1, 2, raised: false, AlertSeverity.Moderate, 0.5, ratio: 0.5);
        var (s3, third) = Observe(tracker, s2, 3, raised: true, AlertSeverity.Moderate, 2, ratio: 2);
        var (_, fourth) = Observe(tracker, s3, 4, raised: true, AlertSeverity.Moderate, 2, ratio: 2);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Null(third);
        Assert.Equal(AlertMessageType.Alert, fourth!.MessageType);
    }

    [Fact]
    public void Observe_DoesNotCancel_WhileTheMeasureStaysAboveTheClearShare()
    {
        var tracker = Tracker(new HazardThresholds());
        var (open, _) = Observe(tracker, _start, 1, raised: true, AlertSeverity.Moderate, 2, ratio: 2);

        // Below the raise threshold (0.7 < 1) but above the clear share (0.5): hysteresis keeps the event open, quietly.
        var (state, message) = Observe(tracker, open, 2, raised: false, AlertSeverity.Moderate, 0.7, ratio: 0.7);

        Assert.Null(message);
        Assert.True(state.Open);
    }

    [Fact]
    public void Observe_IsIdempotent_ForTheSameScene()
    {
        var tracker = Tracker(new HazardThresholds());
        var (open, _) = Observe(tracker, _start, 1, raised: true, AlertSeverity.Moderate, 2, ratio: 2);

        var (again, message) = Observe(tracker, open, 1, raised: true, AlertSeverity.Extreme, 500, ratio: 500);

        Assert.Null(message);
        Assert.Same(open, again);
    }

    [Fact]
    public void Observe_StaysQuiet_WhenAnOpenEventDoesNotChange()
    {
        var tracker = Tracker(new HazardThresholds());
        var (open, _) = Observe(tracker, _start, 1, raised: true, AlertSeverity.Moderate, 2, ratio: 2);

        var (_, message) = Observe(tracker, open, 2, raised: true, AlertSeverity.Moderate, 2.2, ratio: 2.2);

        Assert.Null(message);
    }

    private static EventTracker Tracker(HazardThresholds thresholds) => new(thresholds, TimeProvider.System);

    private static (EventState, AlertMessage?) Observe(EventTracker tracker, EventState state, int pass, bool raised, AlertSeverity severity, double area, double ratio) =>
        tracker.Observe(state, AlertSamples.Finding(raised, severity, area),
            new Observation($"CBERS_4_MUX_{Day0.AddDays(26 * (pass - 1)):yyyyMMdd}_151_121_L2", Day0.AddDays(26 * (pass - 1)), ratio),
            AlertSamples.Area, new BaselineReference("water-CBERS4-MUX-151-121.v1", 1));
}
