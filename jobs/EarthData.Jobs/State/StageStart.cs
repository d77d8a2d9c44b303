using EarthData.Core.Catalog;

namespace EarthData.Jobs.State;

/// <summary>The answer of <see cref="SceneStateService.BeginStageAsync"/>.</summary>
/// <param name="Kind">Started, skipped or busy.</param>
/// <param name="Run">The running stage when started (dispose it when done).</param>
/// <param name="Record">The record as read (or written, when started); null when the scene has no record.</param>
/// <param name="RetryAfter">When busy: until the holder's lease lapses.</param>
public sealed record StageStart(StageStartKind Kind, StageRun? Run, SceneRecord? Record, TimeSpan RetryAfter);
