namespace EarthData.Core.Catalog;

/// <summary>
/// The ingestion state of one scene, as the catalogue remembers it. Written only through the scene-state service in
/// <c>jobs/</c>, by compare-and-swap on <see cref="Version"/>.
/// </summary>
public sealed record SceneRecord
{
    /// <summary>The scene id (archive id, e.g. <c>CBERS_4_MUX_20170528_090_084_L2</c>).</summary>
    public required string SceneId { get; init; }

    /// <summary>Current state.</summary>
    public required SceneState State { get; init; }

    /// <summary>
    /// The stage the scene is in (while active), or the stage that failed or rejected it; null when queued or published.
    /// </summary>
    public SceneStage? Stage { get; init; }

    /// <summary>Progress of the current stage in percent, 0–100.</summary>
    public double Progress { get; init; }

    /// <summary>Why the scene failed or was rejected, or the last transient error of a stage that is being retried.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether a failure may succeed when retried (false for <see cref="SceneState.Rejected"/>).</summary>
    public bool? Retryable { get; init; }

    /// <summary>Where the scene comes from: an archive path, a blob prefix or a STAC item URL.</summary>
    public string? Source { get; init; }

    /// <summary>The STAC collection, once known (from the scene id).</summary>
    public string? Collection { get; init; }

    /// <summary>When the scene was first queued, UTC; the listing order.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When the record last changed, UTC.</summary>
    public required DateTime UpdatedAt { get; init; }

    /// <summary>Attempts of the current stage (reset when a stage completes or the scene is re-queued).</summary>
    public int Attempts { get; init; }

    /// <summary>The compare-and-swap version: 1 when inserted, +1 on every update.</summary>
    public long Version { get; init; }
}
