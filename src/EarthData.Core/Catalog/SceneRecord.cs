namespace EarthData.Core.Catalog;

/// <summary>The ingestion state of one scene, as the catalogue remembers it.</summary>
public sealed record SceneRecord
{
    /// <summary>The scene id (archive id, e.g. <c>CBERS_4_MUX_20170528_090_084_L2</c>).</summary>
    public required string SceneId { get; init; }

    /// <summary>Current state.</summary>
    public required SceneState State { get; init; }

    /// <summary>The stage that failed (<c>ingest</c>, <c>process</c>, …), for <see cref="SceneState.Failed"/>.</summary>
    public string? Stage { get; init; }

    /// <summary>Why the scene failed or was rejected.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether a failure may succeed when retried.</summary>
    public bool? Retryable { get; init; }

    /// <summary>When the record last changed, UTC.</summary>
    public required DateTime UpdatedAt { get; init; }

    /// <summary>How many times ingestion was attempted.</summary>
    public int Attempts { get; init; }
}
