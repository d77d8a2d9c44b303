using EarthData.Core.Catalog;

namespace EarthData.Jobs.State;

/// <summary>What <see cref="SceneStateService.FailStageAsync"/> recorded.</summary>
/// <param name="Record">The record afterwards (null if the run no longer owned the scene).</param>
/// <param name="RetryAfter">When the stage should run again; null when the scene is now Rejected or Failed.</param>
public sealed record StageFailure(SceneRecord? Record, TimeSpan? RetryAfter);
