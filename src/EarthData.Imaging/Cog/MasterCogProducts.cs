using EarthData.Core.Stac;
using EarthData.Imaging.Indices;

namespace EarthData.Imaging.Cog;

/// <summary>What <see cref="MasterCogPass.Run"/> produced.</summary>
/// <param name="Statistics">Per band in band order (null for alpha and empty bands), as <see cref="Layers.SceneStatistics.Compute"/> gives them.</param>
/// <param name="Indices">The index COGs written and the requested ones the scene does not allow.</param>
/// <param name="BlocksRead">Native blocks read (each once): those the master stores.</param>
public sealed record MasterCogProducts(IReadOnlyList<RasterBandStatistics?> Statistics, IndexCogResult Indices, long BlocksRead);
