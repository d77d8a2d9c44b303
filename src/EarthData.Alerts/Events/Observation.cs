namespace EarthData.Alerts.Events;

/// <summary>One evaluated scene as the event tracker sees it.</summary>
/// <param name="SceneId">The scene.</param>
/// <param name="Observed">Acquisition time, UTC.</param>
/// <param name="ClearMeasureRatio">
/// The hazard's measure over its raise threshold (e.g. affected share / 30 %, or area / 1 km²): ≥ 1 raises, below
/// <see cref="Hazards.HazardThresholds.ClearShare"/> counts towards clearing.
/// </param>
public sealed record Observation(string SceneId, DateTimeOffset Observed, double ClearMeasureRatio);
