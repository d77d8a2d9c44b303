namespace EarthData.Core.Alerts;

/// <summary>
/// What is remembered of one hazard on one footprint between scenes: the open (or pending) event, its last message
/// version and the streaks persistence and hysteresis count. Immutable; stored by the caller.
/// </summary>
public sealed record EventState
{
    /// <summary>The hazard.</summary>
    public required Hazard Hazard { get; init; }

    /// <summary>The footprint key (e.g. <c>CBERS4-MUX/151/121</c>, optionally with the subscription area: <c>CBERS4-MUX/151/121/sub_1</c>).</summary>
    public required string Footprint { get; init; }

    /// <summary>The event id once an Alert was issued; null while only pending.</summary>
    public string? EventId { get; init; }

    /// <summary>Version of the last message issued (0 before the Alert).</summary>
    public int Version { get; init; }

    /// <summary>Whether an event is open (an Alert or Update was the last message).</summary>
    public bool Open { get; init; }

    /// <summary>Severity of the last message.</summary>
    public AlertSeverity Severity { get; init; }

    /// <summary>Affected area of the last message, km².</summary>
    public double AreaKm2 { get; init; }

    /// <summary>Consecutive observations meeting the raise condition.</summary>
    public int RaiseStreak { get; init; }

    /// <summary>Consecutive observations below the clear condition while open.</summary>
    public int ClearStreak { get; init; }

    /// <summary>The last scene observed (re-observing it changes nothing).</summary>
    public string? LastSceneId { get; init; }

    /// <summary>Messages issued for the event so far (CAP references of the next one).</summary>
    public IReadOnlyList<AlertReference> Issued { get; init; } = [];
}
