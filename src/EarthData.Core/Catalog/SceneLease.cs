namespace EarthData.Core.Catalog;

/// <summary>Who runs one stage of one scene, until when.</summary>
/// <param name="SceneId">The scene.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Owner">The worker holding it (e.g. <c>host:pid:guid</c>).</param>
/// <param name="ExpiresAt">When it lapses unless renewed, UTC.</param>
public sealed record SceneLease(string SceneId, SceneStage Stage, string Owner, DateTime ExpiresAt);
