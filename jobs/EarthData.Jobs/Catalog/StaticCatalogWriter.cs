using System.Text;
using EarthData.Core.Stac;
using EarthData.Core.Storage;
using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Catalog;

/// <summary>
/// Keeps a self-contained static STAC catalogue in the object store: <c>stac/catalog.json</c> →
/// <c>stac/{collection}/collection.json</c> → <c>stac/{collection}/items/{item}.json</c>, every link absolute under the
/// catalogue's base URI (<c>{PublicBaseUrl}/stac/</c>), so the bucket alone can be browsed.
/// </summary>
/// <remarks>
/// Write the item into the catalogue store first: the collection document is recomputed from the items the store holds
/// (extent, one <c>item</c> link each), so a re-run repairs what an interrupted or concurrent run left stale. Thread-safe.
/// </remarks>
public sealed class StaticCatalogWriter
{
    private static readonly ObjectPutOptions JsonOptions = new() { ContentType = StacLink.JsonMediaType, CacheControl = PublishOptions.CatalogCacheControl };
    private static readonly ObjectPutOptions GeoJsonOptions = JsonOptions with { ContentType = StacLink.GeoJsonMediaType };
    private readonly IObjectStore _objects;
    private readonly Uri _baseUri;

    /// <summary>Creates a writer.</summary>
    /// <param name="objects">The object store holding <c>stac/</c>.</param>
    /// <param name="baseUri">The absolute URI at which <c>stac/</c> is served (ends with '/').</param>
    public StaticCatalogWriter(IObjectStore objects, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The static catalogue base URI '{baseUri}' must be absolute.", nameof(baseUri));
        }

        _objects = objects;
        _baseUri = baseUri;
    }

    /// <summary>Writes an item, its collection and the root catalog.</summary>
    /// <param name="item">The item as committed to the catalogue store (its links are replaced by the static ones).</param>
    /// <param name="collectionItems">Every item of the item's collection in the catalogue store, the item included.</param>
    /// <param name="collectionIds">Every collection of the catalogue, for the root's <c>child</c> links.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The object key of the item document.</returns>
    public async Task<string> WriteAsync(StacItem item, IReadOnlyCollection<StacItem> collectionItems, IEnumerable<string> collectionIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(collectionItems);
        ArgumentNullException.ThrowIfNull(collectionIds);
        var collection = item.Collection ?? throw new ArgumentException($"Item {item.Id} has no collection.", nameof(item));

        var itemKey = PublishedObjectKeys.StacItem(collection, item.Id);
        var document = item with { Links = StacCatalogBuilder.ItemLinks(_baseUri, collection, item.Id) };
        await PutAsync(itemKey, StacJson.Serialize(document, indented: true), GeoJsonOptions, cancellationToken).ConfigureAwait(false);

        var ids = collectionItems.Select(i => i.Id).Append(item.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var links = StacCatalogBuilder.CollectionLinks(_baseUri, collection)
            .Concat(ids.Select(id => new StacLink("item", StacCatalogBuilder.ItemHref(_baseUri, collection, id), StacLink.GeoJsonMediaType)));
        var extentItems = collectionItems.Any(i => i.Id == item.Id) ? collectionItems : [.. collectionItems, item];
        var collectionDocument = CbersCollectionBuilder.Build(collection, extentItems, links);
        await PutAsync(PublishedObjectKeys.StacCollection(collection), StacJson.Serialize(collectionDocument, indented: true), JsonOptions, cancellationToken)
            .ConfigureAwait(false);

        var root = StacCatalogBuilder.Root(_baseUri, collectionIds.Append(collection).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        await PutAsync(PublishedObjectKeys.StacCatalog, StacJson.Serialize(root, indented: true), JsonOptions, cancellationToken).ConfigureAwait(false);
        return itemKey;
    }

    private Task PutAsync(string key, string json, ObjectPutOptions options, CancellationToken cancellationToken) =>
        _objects.PutAsync(key, Encoding.UTF8.GetBytes(json), options, cancellationToken);
}
