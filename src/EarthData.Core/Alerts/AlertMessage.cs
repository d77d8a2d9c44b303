namespace EarthData.Core.Alerts;

/// <summary>
/// One message of an event: what the CAP writer, the feeds, the webhooks and the API publish. Immutable.
/// The id is <c>{EventId}.v{Version}</c>, so a re-run that reaches the same event version yields the same id.
/// </summary>
public sealed record AlertMessage
{
    /// <summary>Stable identity of the event across scenes.</summary>
    public required string EventId { get; init; }

    /// <summary>1 for the Alert, +1 per Update or Cancel.</summary>
    public required int Version { get; init; }

    /// <summary>The message id (CAP <c>identifier</c>).</summary>
    public string Id => $"{EventId}.v{Version}";

    /// <summary>Alert, Update or Cancel.</summary>
    public required AlertMessageType MessageType { get; init; }

    /// <summary>The hazard.</summary>
    public required Hazard Hazard { get; init; }

    /// <summary>The severity (Unknown on Cancel).</summary>
    public required AlertSeverity Severity { get; init; }

    /// <summary>When the message was issued (UTC, whole seconds).</summary>
    public required DateTimeOffset Sent { get; init; }

    /// <summary>Acquisition time of the scene the message is based on (UTC).</summary>
    public required DateTimeOffset Observed { get; init; }

    /// <summary>The scene the message is based on.</summary>
    public required string SceneId { get; init; }

    /// <summary>The footprint (path/row key) the event belongs to.</summary>
    public required string Footprint { get; init; }

    /// <summary>Id of the stored baseline the evaluation compared with (see <see cref="BaselineRecord"/>), when one was used.</summary>
    public string? BaselineId { get; init; }

    /// <summary>Version of that baseline (null exactly when <see cref="BaselineId"/> is).</summary>
    public int? BaselineVersion { get; init; }

    /// <summary>The affected area.</summary>
    public required AffectedArea Area { get; init; }

    /// <summary>Share of the valid pixels affected (0–1).</summary>
    public required double AffectedFraction { get; init; }

    /// <summary>Ids of the earlier messages of the event (CAP <c>references</c>); empty for the first Alert.</summary>
    public IReadOnlyList<AlertReference> References { get; init; } = [];
}
