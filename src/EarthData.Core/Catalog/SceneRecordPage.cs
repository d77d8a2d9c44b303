namespace EarthData.Core.Catalog;

/// <summary>One page of <see cref="ISceneRecordStore.ListSceneRecordsAsync"/>.</summary>
/// <param name="Records">The records, in the order the query asked for (oldest first by default).</param>
/// <param name="NextToken">The token of the next page, or null on the last page.</param>
public sealed record SceneRecordPage(IReadOnlyList<SceneRecord> Records, string? NextToken);
