namespace EarthData.Server.Scenes;

/// <summary>A link of a scene resource.</summary>
/// <param name="Rel">Relation: self, item, tiles.</param>
/// <param name="Href">Absolute URL (for <c>tiles</c>, an XYZ template).</param>
/// <param name="Type">Media type.</param>
public sealed record SceneLink(string Rel, string Href, string Type);
