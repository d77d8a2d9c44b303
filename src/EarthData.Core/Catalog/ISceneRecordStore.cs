namespace EarthData.Core.Catalog;

/// <summary>
/// Scene records and stage leases in the catalogue database: the storage under the scene-state service, which is the
/// only writer. Every write is conditional (insert-if-absent, compare-and-swap on the version, lease if free or lapsed),
/// so concurrent workers on any number of machines never overwrite each other. Implementations are thread-safe.
/// </summary>
public interface ISceneRecordStore
{
    /// <summary>The record of a scene, or null.</summary>
    Task<SceneRecord?> GetSceneRecordAsync(string sceneId, CancellationToken cancellationToken = default);

    /// <summary>Inserts a record at version 1 unless one exists for the scene.</summary>
    /// <returns>True when inserted; false when the scene already had a record (nothing written).</returns>
    Task<bool> TryInsertSceneRecordAsync(SceneRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the record when its stored version is still <paramref name="expectedVersion"/>, and sets the version to
    /// <paramref name="expectedVersion"/> + 1 (the <see cref="SceneRecord.Version"/> passed in is ignored). The id and
    /// creation time never change.
    /// </summary>
    /// <returns>True when written; false when another writer got there first or the record does not exist.</returns>
    Task<bool> TryUpdateSceneRecordAsync(SceneRecord record, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>A page of records in creation order, or newest first (keyset paging on creation time and id).</summary>
    /// <exception cref="InvalidQueryException">The limit is outside 1–1000 or the token is invalid.</exception>
    Task<SceneRecordPage> ListSceneRecordsAsync(SceneRecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes or renews the lease of one stage of one scene for the lease's owner until its expiry: succeeds when no
    /// lease exists, when that owner already holds it, or when the holder's lease lapsed before <paramref name="now"/>.
    /// </summary>
    /// <returns>True when the owner holds the lease afterwards.</returns>
    Task<bool> TryAcquireSceneLeaseAsync(SceneLease lease, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Drops the lease when <paramref name="owner"/> holds it; returns whether it did.</summary>
    Task<bool> ReleaseSceneLeaseAsync(string sceneId, SceneStage stage, string owner, CancellationToken cancellationToken = default);

    /// <summary>The lease of one stage of a scene (lapsed or not), or null.</summary>
    Task<SceneLease?> GetSceneLeaseAsync(string sceneId, SceneStage stage, CancellationToken cancellationToken = default);
}
