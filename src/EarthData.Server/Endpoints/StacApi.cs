using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using EarthData.Server.Http;
using EarthData.Server.Stac;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary>
/// The STAC API (v1.0.0) at <c>/stac</c>: landing page, conformance, queryables, collections, items, and item search
/// (GET and POST) with the fields, sort and filter (CQL2-JSON) extensions. Every GET route answers HEAD. Errors are
/// problem+json (<see cref="ProblemExceptionHandler"/>); searches are bounded (<see cref="SearchLimits"/>), run within a
/// time budget (<see cref="ServerSettings.SearchTimeout"/>) and stop when the client goes away.
/// </summary>
public static class StacApi
{
    private const string GeoJson = StacLink.GeoJsonMediaType;
    private const string Json = StacLink.JsonMediaType;

    /// <summary>Maps the STAC API endpoints.</summary>
    public static IEndpointRouteBuilder MapStacApi(this IEndpointRouteBuilder endpoints)
    {
        var stac = endpoints.MapGroup(StacDocuments.Root);
        stac.MapGetAndHead("/", LandingPage);
        stac.MapGetAndHead("/conformance", () => Document(new JsonObject { ["conformsTo"] = Array(StacConformance.Classes) }, Json));
        stac.MapGetAndHead("/queryables", Queryables);
        stac.MapGetAndHead("/collections", Collections);
        stac.MapGetAndHead("/collections/{collectionId}", Collection);
        stac.MapGetAndHead("/collections/{collectionId}/items", Items).RequireRateLimiting(HttpHardening.CostlyPolicy);
        stac.MapGetAndHead("/collections/{collectionId}/items/{itemId}", Item);
        stac.MapGetAndHead("/search", SearchGet).RequireRateLimiting(HttpHardening.CostlyPolicy);
        stac.MapPost("/search", SearchPost).WithBodySizeLimit(HttpLimits.MaxSearchBodyBytes).RequireRateLimiting(HttpHardening.CostlyPolicy);
        return endpoints;
    }

    private static async Task<ContentHttpResult> LandingPage(ICatalogStore catalog, StacDocuments docs, CancellationToken cancellationToken)
    {
        var root = docs.Url(StacDocuments.Root);
        var links = new JsonArray
        {
            StacDocuments.Link("self", root, Json),
            StacDocuments.Link("root", root, Json),
            StacDocuments.Link("data", root + "/collections", Json, "Collections"),
            StacDocuments.Link("conformance", root + "/conformance", Json, "Conformance classes"),
            StacDocuments.Link("http://www.opengis.net/def/rel/ogc/1.0/queryables", root + "/queryables", "application/schema+json", "Queryables"),
            StacDocuments.Link("search", root + "/search", GeoJson, "Item search", "GET"),
            StacDocuments.Link("search", root + "/search", GeoJson, "Item search", "POST"),
        };
        foreach (var collection in await catalog.ListCollectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            links.Add(StacDocuments.Link("child", docs.CollectionUrl(collection.Id), Json, collection.Title));
        }

        return Document(
            new JsonObject
            {
                ["type"] = "Catalog",
                ["stac_version"] = StacJson.Version,
                ["id"] = "earthdata",
                ["title"] = "EarthData STAC API",
                ["description"] = "CBERS-4/4A scenes as Web Mercator cloud-optimised GeoTIFFs and XYZ tiles.",
                ["conformsTo"] = Array(StacConformance.Classes),
                ["links"] = links,
            },
            Json);
    }

    private static ContentHttpResult Queryables(StacDocuments docs) => Document(
        new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2019-09/schema",
            ["$id"] = docs.Url(StacDocuments.Root + "/queryables"),
            ["type"] = "object",
            ["title"] = "Queryables of the EarthData STAC API",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["title"] = "Item id" },
                ["collection"] = new JsonObject { ["type"] = "string", ["title"] = "Collection id" },
                ["datetime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["geometry"] = new JsonObject { ["$ref"] = "https://geojson.org/schema/Geometry.json" },
                ["platform"] = new JsonObject { ["type"] = "string" },
                ["eo:cloud_cover"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 100 },
                ["view:sun_elevation"] = new JsonObject { ["type"] = "number", ["minimum"] = -90, ["maximum"] = 90 },
                ["view:sun_azimuth"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 360 },
                ["cbers:path"] = new JsonObject { ["type"] = "integer" },
                ["cbers:row"] = new JsonObject { ["type"] = "integer" },
            },
            ["additionalProperties"] = true,
        },
        "application/schema+json");

    private static async Task<ContentHttpResult> Collections(ICatalogStore catalog, StacDocuments docs, CancellationToken cancellationToken)
    {
        var collections = new JsonArray();
        foreach (var collection in await catalog.ListCollectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            collections.Add(docs.Collection(collection));
        }

        var root = docs.Url(StacDocuments.Root);
        return Document(
            new JsonObject
            {
                ["collections"] = collections,
                ["links"] = new JsonArray
                {
                    StacDocuments.Link("self", root + "/collections", Json),
                    StacDocuments.Link("root", root, Json),
                    StacDocuments.Link("parent", root, Json),
                },
            },
            Json);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Collection(
        string collectionId, ICatalogStore catalog, StacDocuments docs, CancellationToken cancellationToken) =>
        await catalog.GetCollectionAsync(collectionId, cancellationToken).ConfigureAwait(false) is { } collection
            ? Document(docs.Collection(collection), Json)
            : StacProblems.NotFound($"Collection '{collectionId}' does not exist.");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Item(
        string collectionId, string itemId, ICatalogStore catalog, StacDocuments docs, CancellationToken cancellationToken)
    {
        if (await catalog.GetCollectionAsync(collectionId, cancellationToken).ConfigureAwait(false) is null)
        {
            return StacProblems.NotFound($"Collection '{collectionId}' does not exist.");
        }

        return await catalog.GetItemAsync(collectionId, itemId, cancellationToken).ConfigureAwait(false) is { } item
            ? Document(docs.Item(item), GeoJson)
            : StacProblems.NotFound($"Item '{itemId}' does not exist in collection '{collectionId}'.");
    }

    private static async Task<Results<FeatureCollectionResult, ProblemHttpResult>> Items(
        string collectionId, HttpContext context, ICatalogStore catalog, StacDocuments docs)
    {
        if (await catalog.GetCollectionAsync(collectionId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return StacProblems.NotFound($"Collection '{collectionId}' does not exist.");
        }

        return await SearchPage(context, catalog, docs, collectionId).ConfigureAwait(false);
    }

    private static async Task<FeatureCollectionResult> SearchGet(HttpContext context, ICatalogStore catalog, StacDocuments docs) =>
        await SearchPage(context, catalog, docs, null).ConfigureAwait(false);

    /// <summary>A GET search page: <c>/search</c>, or a collection's <c>/items</c> when <paramref name="collectionId"/> is given.</summary>
    private static async Task<FeatureCollectionResult> SearchPage(HttpContext context, ICatalogStore catalog, StacDocuments docs, string? collectionId)
    {
        var request = context.Request;
        var search = SearchRequest.FromQuery(request.Query, collectionId);
        var page = await docs.SearchAsync(catalog, search.Search, context).ConfigureAwait(false);
        var links = new JsonArray
        {
            StacDocuments.Link("self", docs.Url(request.Path + request.QueryString), GeoJson),
            StacDocuments.Link("root", docs.Url(StacDocuments.Root), Json),
        };
        if (collectionId is not null)
        {
            links.Add(StacDocuments.Link("parent", docs.CollectionUrl(collectionId), Json));
            links.Add(StacDocuments.Link("collection", docs.CollectionUrl(collectionId), Json));
        }

        if (page.NextToken is { } token)
        {
            var query = new QueryBuilder(request.Query
                .Where(p => p.Key != "token")
                .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty))))
            {
                { "token", token },
            };
            links.Add(StacDocuments.Link("next", docs.Url(request.Path + query.ToQueryString().Value), GeoJson, method: "GET"));
        }

        return new FeatureCollectionResult(page, search, docs, links);
    }

    private static async Task<FeatureCollectionResult> SearchPost(HttpContext context, ICatalogStore catalog, StacDocuments docs)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, Cql2JsonParser.DocumentOptions, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidQueryException($"body is not valid JSON ({Cql2JsonParser.JsonProblem(ex)}).", "body", ex);
        }

        using (body)
        {
            var search = SearchRequest.FromBody(body.RootElement);
            var page = await docs.SearchAsync(catalog, search.Search, context).ConfigureAwait(false);
            var url = docs.Url(StacDocuments.Root + "/search");
            var links = new JsonArray
            {
                StacDocuments.Link("self", url, GeoJson, method: "POST"),
                StacDocuments.Link("root", docs.Url(StacDocuments.Root), Json),
            };
            if (page.NextToken is { } token)
            {
                // STAC API item search: the client merges this body into the one it sent, so the link stays small
                // however large the request was (an intersects polygon is not echoed back).
                var next = StacDocuments.Link("next", url, GeoJson, method: "POST");
                next["body"] = new JsonObject { ["token"] = token };
                next["merge"] = true;
                links.Add(next);
            }

            return new FeatureCollectionResult(page, search, docs, links);
        }
    }

    private static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    private static ContentHttpResult Document(JsonNode document, string contentType) =>
        TypedResults.Text(document.ToJsonString(StacJson.Options), contentType);
}
