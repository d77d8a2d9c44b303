using System.Text;
using System.Text.Json;
using EarthData.Core.Stac;
using EarthData.Core.Storage;
using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Catalog;

/// <summary>
/// Keeps a STAC self-contained static catalogue in the object store: <c>stac/catalog.json</c> →
/// <c>stac/{collection}/collection.json</c> → <c>stac/{collection}/items/{item}.json</c>. Links and asset hrefs are
/// relative to the document holding them (assets as <c>../../../cogs/…</c>), so the store's folder or container can be
/// copied to any bucket or static web host and still resolve; the root carries an absolute <c>self</c> only when the
/// catalogue has a public address.
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
    private readonly Uri? _rootSelf;

    /// <summary>Creates a writer.</summary>
    /// <param name="objects">The object store holding <c>stac/</c>.</param>
    /// <param name="rootSelf">The absolute public URL of <c>stac/catalog.json</c>, when it has one; null writes no <c>self</c> link.</param>
    public StaticCatalogWriter(IObjectStore objects, Uri? rootSelf = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        if (rootSelf is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"The static catalogue's public URL '{rootSelf}' must be absolute.", nameof(rootSelf));
        }

        _objects = objects;
        _rootSelf = rootSelf;
    }

    /// <summary>Writes an item, its collection and the root catalog.</summary>
    /// <param name="item">The item as committed to the catalogue store, asset hrefs being object keys (its links are replaced by the static ones).</param>
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
        var document = JsonSerializer.SerializeToNode(item with { Links = StacCatalogBuilder.ItemLinks() }, StacJson.Options)!.AsObject();
        AssetHrefs.ResolveRelative(document, key => RelativeHref(itemKey, key));
        await PutAsync(itemKey, document.ToJsonString(StacJson.Indented), GeoJsonOptions, cancellationToken).ConfigureAwait(false);

        var ids = collectionItems.Select(i => i.Id).Append(item.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var links = StacCatalogBuilder.CollectionLinks()
            .Concat(ids.Select(id => new StacLink("item", StacCatalogBuilder.ItemHrefFromCollection(id), StacLink.GeoJsonMediaType)));
        var extentItems = collectionItems.Any(i => i.Id == item.Id) ? collectionItems : [.. collectionItems, item];
        var collectionDocument = CbersCollectionBuilder.Build(collection, extentItems, links);
        await PutAsync(PublishedObjectKeys.StacCollection(collection), StacJson.Serialize(collectionDocument, indented: true), JsonOptions, cancellationToken)
            .ConfigureAwait(false);

        var root = StacCatalogBuilder.Root(collectionIds.Append(collection).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), _rootSelf);
        await PutAsync(PublishedObjectKeys.StacCatalog, StacJson.Serialize(root, indented: true), JsonOptions, cancellationToken).ConfigureAwait(false);
        return itemKey;
    }

    /// <summary>The href of object <paramref name="key"/> relative to the document stored at <paramref name="documentKey"/>.</summary>
    internal static string RelativeHref(string documentKey, string key)
    {
        var depth = documentKey.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth)) + key.TrimStart('/');
    }

    private Task PutAsync(string key, string json, ObjectPutOptions options, CancellationToken cancellationToken) =>
        _objects.PutAsync(key, Encoding.UTF8.GetBytes(json), options, cancellationToken);
}
