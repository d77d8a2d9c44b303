namespace EarthData.Server.Scenes;

/// <summary>A page of <c>GET /api/scenes</c>.</summary>
/// <param name="Scenes">The scenes, oldest first.</param>
/// <param name="Next">The URL of the next page, or null on the last.</param>
public sealed record SceneList(IReadOnlyList<SceneResource> Scenes, string? Next);
