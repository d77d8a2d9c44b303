namespace EarthData.Core.Stac;

/// <summary>
/// The static catalogue layout and its root catalog: <c>catalog.json</c>, <c>{collection}/collection.json</c>,
/// <c>{collection}/items/{item}.json</c>, every link absolute under one base URI. Thread-safe.
/// </summary>
public static class StacCatalogBuilder
{
    /// <summary>Id of the root catalog.</summary>
    public const string RootId = "earthdata";

    /// <summary>The href of the root catalog.</summary>
    public static string CatalogHref(Uri baseUri) => Resolve(baseUri, "catalog.json");

    /// <summary>The href of a collection document.</summary>
    public static string CollectionHref(Uri baseUri, string collectionId) => Resolve(baseUri, $"{Escape(collectionId)}/collection.json");

    /// <summary>The href of an item document.</summary>
    public static string ItemHref(Uri baseUri, string collectionId, string itemId) =>
        Resolve(baseUri, $"{Escape(collectionId)}/items/{Escape(itemId)}.json");

    /// <summary>The root catalog with a <c>child</c> link per collection.</summary>
    /// <param name="baseUri">Absolute base URI of the static catalogue (ends with '/').</param>
    /// <param name="collectionIds">The collections published.</param>
    public static StacCatalog Root(Uri baseUri, IEnumerable<string> collectionIds)
    {
        ArgumentNullException.ThrowIfNull(collectionIds);
        var root = CatalogHref(baseUri);
        return new StacCatalog
        {
            Id = RootId,
            Title = "EarthData CBERS catalogue",
            Description = "CBERS-4 and CBERS-4A scenes with Web Mercator cloud-optimised GeoTIFFs and XYZ tile pyramids.",
            Links =
            [
                new StacLink("self", root, StacLink.JsonMediaType),
                new StacLink("root", root, StacLink.JsonMediaType),
                .. collectionIds.Select(id => new StacLink("child", CollectionHref(baseUri, id), StacLink.JsonMediaType, id)),
            ],
        };
    }

    /// <summary>The <c>self</c>, <c>root</c> and <c>parent</c> links of a collection document.</summary>
    public static IReadOnlyList<StacLink> CollectionLinks(Uri baseUri, string collectionId) =>
    [
        new StacLink("self", CollectionHref(baseUri, collectionId), StacLink.JsonMediaType),
        new StacLink("root", CatalogHref(baseUri), StacLink.JsonMediaType),
        new StacLink("parent", CatalogHref(baseUri), StacLink.JsonMediaType),
    ];

    /// <summary>The <c>self</c>, <c>root</c>, <c>parent</c> and <c>collection</c> links of an item document.</summary>
    public static IReadOnlyList<StacLink> ItemLinks(Uri baseUri, string collectionId, string itemId) =>
    [
        new StacLink("self", ItemHref(baseUri, collectionId, itemId), StacLink.GeoJsonMediaType),
        new StacLink("root", CatalogHref(baseUri), StacLink.JsonMediaType),
        new StacLink("parent", CollectionHref(baseUri, collectionId), StacLink.JsonMediaType),
        new StacLink("collection", CollectionHref(baseUri, collectionId), StacLink.JsonMediaType),
    ];

    private static string Resolve(Uri baseUri, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The catalogue base URI '{baseUri}' must be absolute.", nameof(baseUri));
        }

        var text = baseUri.AbsoluteUri;
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), relative).AbsoluteUri;
    }

    private static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(segment);
        return Uri.EscapeDataString(segment);
    }
}
