using EarthData.Core.Scenes;

namespace EarthData.Core.Sources;

/// <summary>A scene folder (or blob prefix) a source listed, before discovery decides whether to hand it over.</summary>
/// <param name="Id">The scene id (the folder name).</param>
/// <param name="Location">Where it is, for <see cref="ISceneSource.FetchAsync"/>.</param>
/// <param name="Newest">The time its newest file was written (UTC).</param>
/// <param name="Complete">Whether every band's GeoTIFF and at least one INPE XML are there.</param>
public sealed record SceneCandidate(SceneId Id, string Location, DateTimeOffset Newest, bool Complete);
