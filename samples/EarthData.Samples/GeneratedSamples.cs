namespace EarthData.Samples;

/// <summary>What one generator run wrote: its scenes (before first) and, for a scenario, the truth mask of the change.</summary>
/// <param name="Scenes">The scenes, in acquisition order.</param>
/// <param name="TruthMaskPath">GeoTIFF of the change (1 changed, 0 unchanged, 255 unknown), or null without a scenario.</param>
/// <param name="ManifestPath">JSON manifest describing the scenario pair, or null without a scenario.</param>
/// <param name="ChangedPixels">Pixels the truth mask marks as changed.</param>
public sealed record GeneratedSamples(IReadOnlyList<GeneratedScene> Scenes, string? TruthMaskPath, string? ManifestPath, long ChangedPixels);
