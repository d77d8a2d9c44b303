using EarthData.Core.Scenes;

namespace EarthData.Samples;

/// <summary>One scene the generator wrote.</summary>
/// <param name="Id">The scene id.</param>
/// <param name="Directory">The scene folder in the archive layout.</param>
/// <param name="ValidPixelFraction">Share of the grid inside the imaged footprint.</param>
public sealed record GeneratedScene(SceneId Id, string Directory, double ValidPixelFraction);
