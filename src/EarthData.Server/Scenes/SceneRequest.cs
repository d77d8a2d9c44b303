namespace EarthData.Server.Scenes;

/// <summary>The body of <c>POST /api/scenes</c>.</summary>
/// <param name="Source">A scene id (looked up in the configured sources), an archive path under a configured folder, or a STAC item URL.</param>
public sealed record SceneRequest(string? Source);
