namespace EarthData.Jobs.State;

/// <summary>What <see cref="SceneStateService.BeginStageAsync"/> found.</summary>
public enum StageStartKind
{
    /// <summary>The caller holds the lease and the record says the stage runs: do the work.</summary>
    Started,

    /// <summary>The scene is not at this stage (already past it, failed, rejected or re-queued): nothing to do.</summary>
    Skipped,

    /// <summary>Another live worker holds this stage's lease: try again after <see cref="StageStart.RetryAfter"/>.</summary>
    Busy,
}
