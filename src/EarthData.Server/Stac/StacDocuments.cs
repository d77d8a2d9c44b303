using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using EarthData.Server.Http;
using EarthData.Server.Tiles;

namespace EarthData.Server.Stac;

/// <summary>
/// Turns stored items and collections into API documents: links rewritten to absolute URLs of this API (self, root,
/// parent, collection, items) and relative asset hrefs (object keys, as the catalogue stores them) made absolute at
/// response time: <c>{PublicObjectsUrl}/{key}</c> when configured, else this server's <c>/objects/{key}</c>. Thread-safe.
/// </summary>
internal sealed class StacDocuments(ServerSettings settings, PublicUrls urls, TileUrls tiles)
{
    /// <summary>Path of the STAC API root.</summary>
    public const string Root = "/stac";

    private static readonly HashSet<string> ApiRels = new(StringComparer.Ordinal) { "self", "root", "parent", "collection", "items", "item", "child" };

    /// <summary>The search as the catalogue runs it: the request's criteria with this server's counting policy.</summary>
    public ItemSearch Configure(ItemSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return search with { CountMatched = settings.CountMatched, CountLimit = settings.CountLimit, CountTimeout = settings.CountTimeout };
    }

    /// <summary>
    /// Runs a search for a request within <see cref="ServerSettings.SearchTimeout"/>: the budget goes to the store
    /// (<see cref="ItemSearch.TimeBudget"/>), which stops its statements inside the database when it runs out
    /// (<see cref="SearchTimeoutException"/>); the token is cancelled when the client goes away and at the budget, and a
    /// search the budget's token stopped is a <see cref="SearchTimeoutException"/> too, so the 503 always names the budget.
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="search">The request's criteria.</param>
    /// <param name="context">The request.</param>
    /// <param name="countMatched">False where nobody reads <c>numberMatched</c> (tiles): no count, whatever the policy.</param>
    public async Task<ItemPage> SearchAsync(ICatalogStore catalog, ItemSearch search, HttpContext context, bool countMatched = true)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(settings.SearchTimeout);
        var started = Stopwatch.GetTimestamp();
        var configured = Configure(search) with { TimeBudget = settings.SearchTimeout };
        ItemPage page;
        try
        {
            page = await catalog.SearchAsync(countMatched ? configured : configured with { CountMatched = false }, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (ex is not SearchTimeoutException && budget.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            // The budget's token won the race against the store's own limit (both fire at the budget): the same answer.
            throw new SearchTimeoutException(settings.SearchTimeout, ex);
        }

        // A fallback on the clock: work the store does outside its statements (reading rows, the in-memory residual)
        // may end past the budget with its token never cancelled, since the timer needs a thread-pool thread that
        // synchronous database work can hold.
        if (Stopwatch.GetElapsedTime(started) > settings.SearchTimeout)
        {
            throw new SearchTimeoutException(settings.SearchTimeout);
        }

        return page;
    }

    /// <summary>An absolute URL of this server (see <see cref="PublicUrls"/>).</summary>
    public string Url(string path) => urls.Url(path);

    /// <summary>URL of a collection.</summary>
    public string CollectionUrl(string collectionId) => Url($"{Root}/collections/{Uri.EscapeDataString(collectionId)}");

    /// <summary>URL of an item.</summary>
    public string ItemUrl(string collectionId, string itemId) => CollectionUrl(collectionId) + "/items/" + Uri.EscapeDataString(itemId);

    /// <summary>A link object.</summary>
    public static JsonObject Link(string rel, string href, string type, string? title = null, string? method = null)
    {
        var link = new JsonObject { ["rel"] = rel, ["href"] = href, ["type"] = type };
        if (title is not null)
        {
            link["title"] = title;
        }

        if (method is not null)
        {
            link["method"] = method;
        }

        return link;
    }

    /// <summary>The API form of an item.</summary>
    public JsonObject Item(StacItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var node = JsonSerializer.SerializeToNode(item, StacJson.Options)!.AsObject();
        var collection = item.Collection ?? string.Empty;
        var links = new JsonArray
        {
            Link("self", ItemUrl(collection, item.Id), StacLink.GeoJsonMediaType),
            Link("parent", CollectionUrl(collection), StacLink.JsonMediaType),
            Link("collection", CollectionUrl(collection), StacLink.JsonMediaType),
            Link("root", Url(Root), StacLink.JsonMediaType),
        };
        TileLinks.AddTo(links, item, tiles);
        KeepOtherLinks(node, links);
        AssetHrefs.ResolveRelative(node, AssetHref);
        return node;
    }

    /// <summary>The API form of a collection.</summary>
    public JsonObject Collection(StacCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var node = JsonSerializer.SerializeToNode(collection, StacJson.Options)!.AsObject();
        var links = new JsonArray
        {
            Link("self", CollectionUrl(collection.Id), StacLink.JsonMediaType),
            Link("parent", Url(Root), StacLink.JsonMediaType),
            Link("root", Url(Root), StacLink.JsonMediaType),
            Link("items", CollectionUrl(collection.Id) + "/items", StacLink.GeoJsonMediaType),
        };
        KeepOtherLinks(node, links);
        AssetHrefs.ResolveRelative(node, AssetHref);
        return node;
    }

    /// <summary>The absolute href of an asset: absolute hrefs pass, relative ones are object keys (see the class summary).</summary>
    public string AssetHref(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        if (!AssetHrefs.IsRelative(href))
        {
            return href;
        }

        var key = href.TrimStart('/');
        if (key.StartsWith("objects/", StringComparison.Ordinal))
        {
            key = key["objects/".Length..];
        }

        return urls.ObjectHref(key);
    }

    private static void KeepOtherLinks(JsonObject node, JsonArray links)
    {
        if (node["links"] is JsonArray stored)
        {
            foreach (var link in stored)
            {
                if (link?["rel"]?.GetValue<string>() is { } rel && !ApiRels.Contains(rel))
                {
                    links.Add(link.DeepClone());
                }
            }
        }

        node["links"] = links;
    }
}
