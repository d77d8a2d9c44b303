namespace EarthData.Core.Stac;

/// <summary>
/// The static catalogue layout and its root catalog: <c>catalog.json</c>, <c>{collection}/collection.json</c>,
/// <c>{collection}/items/{item}.json</c>, as a STAC self-contained catalogue: every link relative to the document that
/// holds it, so the folder can be copied to any bucket or static host and still resolve. Only the root may carry an
/// absolute <c>self</c> link, when the catalogue has a public address (STAC's "relative published" catalogue). Thread-safe.
/// </summary>
public static class StacCatalogBuilder
{
    /// <summary>Id of the root catalog.</summary>
    public const string RootId = "earthdata";

    /// <summary>The path of the root catalog inside the catalogue folder.</summary>
    public const string CatalogPath = "catalog.json";

    /// <summary>The path of a collection document inside the catalogue folder.</summary>
    public static string CollectionPath(string collectionId) => $"{Escape(collectionId)}/collection.json";

    /// <summary>The path of an item document inside the catalogue folder.</summary>
    public static string ItemPath(string collectionId, string itemId) => $"{Escape(collectionId)}/items/{Escape(itemId)}.json";

    /// <summary>The href of an item document relative to its collection document.</summary>
    public static string ItemHrefFromCollection(string itemId) => $"./items/{Escape(itemId)}.json";

    /// <summary>The root catalog with a relative <c>child</c> link per collection.</summary>
    /// <param name="collectionIds">The collections published.</param>
    /// <param name="self">The absolute URL at which the root catalog is published, when it has one; null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="self"/> is not absolute.</exception>
    public static StacCatalog Root(IEnumerable<string> collectionIds, Uri? self = null)
    {
        ArgumentNullException.ThrowIfNull(collectionIds);
        if (self is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"The root catalog's self URL '{self}' must be absolute.", nameof(self));
        }

        List<StacLink> links = [new StacLink("root", "./" + CatalogPath, StacLink.JsonMediaType)];
        if (self is not null)
        {
            links.Insert(0, new StacLink("self", self.AbsoluteUri, StacLink.JsonMediaType));
        }

        links.AddRange(collectionIds.Select(id => new StacLink("child", "./" + CollectionPath(id), StacLink.JsonMediaType, id)));
        return new StacCatalog
        {
            Id = RootId,
            Title = "EarthData CBERS catalogue",
            Description = "CBERS-4 and CBERS-4A scenes with Web Mercator cloud-optimised GeoTIFFs and XYZ tile pyramids.",
            Links = links,
        };
    }

    /// <summary>The <c>root</c> and <c>parent</c> links of a collection document (relative; no <c>self</c>).</summary>
    public static IReadOnlyList<StacLink> CollectionLinks() =>
    [
        new StacLink("root", "../" + CatalogPath, StacLink.JsonMediaType),
        new StacLink("parent", "../" + CatalogPath, StacLink.JsonMediaType),
    ];

    /// <summary>The <c>root</c>, <c>parent</c> and <c>collection</c> links of an item document (relative; no <c>self</c>).</summary>
    public static IReadOnlyList<StacLink> ItemLinks() =>
    [
        new StacLink("root", "../../" + CatalogPath, StacLink.JsonMediaType),
        new StacLink("parent", "../collection.json", StacLink.JsonMediaType),
        new StacLink("collection", "../collection.json", StacLink.JsonMediaType),
    ];

    private static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(segment);
        return Uri.EscapeDataString(segment);
    }
}
