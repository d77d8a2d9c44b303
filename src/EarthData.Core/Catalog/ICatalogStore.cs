using EarthData.Core.Stac;

namespace EarthData.Core.Catalog;

/// <summary>
/// The STAC catalogue database: collections, items (keyed by collection and id) and scene ingestion records
/// (<see cref="ISceneRecordStore"/>).
/// Implementations are thread-safe; every method is async with the cancellation token last.
/// </summary>
public interface ICatalogStore : ISceneRecordStore
{
    /// <summary>Creates or upgrades the schema; safe to call on every start and concurrently.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a collection.</summary>
    Task UpsertCollectionAsync(StacCollection collection, CancellationToken cancellationToken = default);

    /// <summary>A collection, or null when absent.</summary>
    Task<StacCollection?> GetCollectionAsync(string collectionId, CancellationToken cancellationToken = default);

    /// <summary>All collections, ordered by id.</summary>
    Task<IReadOnlyList<StacCollection>> ListCollectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts an item or replaces the item with the same collection and id (never duplicates).</summary>
    /// <exception cref="ArgumentException">The item has no collection, datetime or geometry/bbox.</exception>
    Task UpsertItemAsync(StacItem item, CancellationToken cancellationToken = default);

    /// <summary>Upserts items in one transaction: all or none are written. Later duplicates in the list win.</summary>
    Task UpsertItemsAsync(IReadOnlyList<StacItem> items, CancellationToken cancellationToken = default);

    /// <summary>An item, or null when absent.</summary>
    Task<StacItem?> GetItemAsync(string collectionId, string itemId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an item; returns whether it existed.</summary>
    Task<bool> DeleteItemAsync(string collectionId, string itemId, CancellationToken cancellationToken = default);

    /// <summary>Searches items with keyset paging (see <see cref="PageToken"/>).</summary>
    /// <exception cref="InvalidQueryException">The search is invalid (limit, bbox, token, filter …).</exception>
    Task<ItemPage> SearchAsync(ItemSearch query, CancellationToken cancellationToken = default);
}
