using EarthData.Core.Catalog;

namespace EarthData.Jobs.State;

/// <summary>What queueing (or retrying) a scene did.</summary>
/// <param name="Record">The record after the call.</param>
/// <param name="Enqueue">The stage the caller must now enqueue, or null when the scene was already on its way or published.</param>
public sealed record QueueOutcome(SceneRecord Record, SceneStage? Enqueue)
{
    /// <summary>Whether the call changed anything (a new record, or a re-queue).</summary>
    public bool Accepted => Enqueue is not null;
}
