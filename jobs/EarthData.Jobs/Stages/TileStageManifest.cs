using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Stages;

/// <summary>What the tile stage leaves in <c>work/{id}/tiles.json</c>: the layers whose tiles are at their published keys.</summary>
/// <param name="OptionsFingerprint">The processing options the tiles were made with.</param>
/// <param name="Layers">The layers, in the order requested.</param>
public sealed record TileStageManifest(string OptionsFingerprint, IReadOnlyList<ManifestLayer> Layers);
