using System.Globalization;
using EarthData.Alerts.Hazards;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Events;

/// <summary>
/// Turns a sequence of findings for one hazard on one footprint into CAP messages with a stable event identity:
/// <list type="bullet">
/// <item>Alert after <see cref="HazardThresholds.RaisePersistence"/> consecutive raised observations;</item>
/// <item>Update when an open event's severity changes or its area changes by more than <see cref="AreaChangeForUpdate"/>;</item>
/// <item>Cancel after <see cref="HazardThresholds.ClearPersistence"/> observations whose measure is below
/// <see cref="HazardThresholds.ClearShare"/> of the raise threshold (hysteresis: between the two nothing changes).</item>
/// </list>
/// Re-observing the last scene returns the state unchanged and no message (idempotent re-runs). Pure and thread-safe.
/// </summary>
public sealed class EventTracker(HazardThresholds thresholds, TimeProvider clock)
{
    /// <summary>Relative area change of an open event that warrants an Update.</summary>
    public const double AreaChangeForUpdate = 0.2;

    /// <summary>
    /// The next state and the message to issue (null when none) after <paramref name="finding"/>.
    /// </summary>
    /// <param name="state">The state so far (a new one for a footprint never seen).</param>
    /// <param name="finding">What the rule found in the scene.</param>
    /// <param name="observation">The scene and its measure relative to the raise threshold.</param>
    /// <param name="area">The affected area as polygons, for the message.</param>
    /// <param name="baseline">The stored baseline the evaluation compared with, or null.</param>
    public (EventState State, AlertMessage? Message) Observe(EventState state, HazardFinding finding, Observation observation, AffectedArea area, BaselineReference? baseline)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(area);
        if (observation.SceneId == state.LastSceneId)
        {
            return (state, null);
        }

        var next = state with { LastSceneId = observation.SceneId };
        if (!state.Open)
        {
            var streak = finding.Raised ? state.RaiseStreak + 1 : 0;
            next = next with { RaiseStreak = streak };
            if (streak < thresholds.RaisePersistence)
            {
                return (next, null);
            }

            var eventId = string.Create(CultureInfo.InvariantCulture,
                $"{finding.Hazard.ToString().ToLowerInvariant()}-{state.Footprint.Replace('/', '-').ToLowerInvariant()}-{observation.Observed:yyyyMMdd}");
            return Issue(next with { EventId = eventId, Open = true, ClearStreak = 0, Version = 0, Issued = [] },
                AlertMessageType.Alert, finding, observation, area, baseline);
        }

        if (observation.ClearMeasureRatio < thresholds.ClearShare)
        {
            var clear = state.ClearStreak + 1;
            next = next with { ClearStreak = clear };
            return clear < thresholds.ClearPersistence
                ? (next, null)
                : Issue(next with { Open = false, RaiseStreak = 0 }, AlertMessageType.Cancel, finding with { Severity = AlertSeverity.Unknown }, observation, area, baseline);
        }

        next = next with { ClearStreak = 0 };
        var changed = finding.Raised && (finding.Severity != state.Severity
            || Math.Abs(finding.AreaKm2 - state.AreaKm2) > AreaChangeForUpdate * Math.Max(state.AreaKm2, 1e-9));
        return changed ? Issue(next, AlertMessageType.Update, finding, observation, area, baseline) : (next, null);
    }

    private (EventState, AlertMessage) Issue(EventState state, AlertMessageType type, HazardFinding finding, Observation observation, AffectedArea area, BaselineReference? baseline)
    {
        var now = clock.GetUtcNow();
        var sent = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var message = new AlertMessage
        {
            EventId = state.EventId!,
            Version = state.Version + 1,
            MessageType = type,
            Hazard = finding.Hazard,
            Severity = finding.Severity,
            Sent = sent,
            Observed = observation.Observed,
            SceneId = observation.SceneId,
            Footprint = state.Footprint,
            BaselineId = baseline?.Id,
            BaselineVersion = baseline?.Version,
            Area = area,
            AffectedFraction = finding.AffectedFraction,
            References = state.Issued,
        };
        var next = state with
        {
            Version = message.Version,
            Severity = finding.Severity,
            AreaKm2 = finding.AreaKm2,
            Issued = [.. state.Issued, new AlertReference(message.Id, sent)],
        };
        return (next, message);
    }
}
