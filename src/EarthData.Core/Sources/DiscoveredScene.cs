using EarthData.Core.Scenes;

namespace EarthData.Core.Sources;

/// <summary>A scene a source found.</summary>
/// <param name="Id">The scene id.</param>
/// <param name="Location">Where it is, for <see cref="ISceneSource.FetchAsync"/>.</param>
/// <param name="Watermark">The source's position after this scene (ordinal text that grows with time).</param>
public sealed record DiscoveredScene(SceneId Id, string Location, string Watermark);
