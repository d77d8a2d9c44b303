using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using EarthData.Jobs.State;
using EarthData.Server.Http;
using EarthData.Server.Scenes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary>
/// The ingestion API at <c>/api/scenes</c>: queue a scene, follow its state, list and retry. Writes need the admin
/// API key; reads are public unless <c>EarthData:Api:ProtectReads</c> is set. Errors are problem+json.
/// </summary>
public static class ScenesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapScenesApi(this IEndpointRouteBuilder endpoints, bool protectReads)
    {
        var api = endpoints.MapGroup("/api/scenes").WithTags("Scenes");
        var reads = protectReads ? api.MapGroup(string.Empty).AddEndpointFilter<ApiKeyFilter>() : api.MapGroup(string.Empty);
        var writes = api.MapGroup(string.Empty).AddEndpointFilter<ApiKeyFilter>();
        writes.MapPost("/", Queue).WithSummary("Queue a scene by id, archive path or STAC item URL");
        reads.MapGet("/", List).WithSummary("List scenes, oldest first, filtered by state and collection");
        reads.MapGet("/{id}", Get).WithSummary("A scene's state, stage, progress, error and links");
        writes.MapPost("/{id}/retry", Retry).WithSummary("Retry a failed or rejected scene");
        return endpoints;
    }

    private static async Task<Results<Accepted<SceneResource>, Ok<SceneResource>, ProblemHttpResult>> Queue(
        SceneRequest? request, bool? force, SceneIntake intake, PublicUrls urls, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Source))
        {
            return BadRequest("source: give a scene id, an archive path or a STAC item URL, e.g. {\"source\": \"CBERS_4_MUX_20170528_090_084_L2\"}", "source");
        }

        QueueOutcome outcome;
        try
        {
            outcome = await intake.QueueAsync(request.Source, force ?? false, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message, "source");
        }

        var resource = SceneResource.From(outcome.Record, urls.Base);
        var location = $"/api/scenes/{outcome.Record.SceneId}";
        if (outcome.Accepted)
        {
            return TypedResults.Accepted(location, resource);
        }

        http.Response.Headers.Location = location;
        return TypedResults.Ok(resource);
    }

    private static async Task<Results<Ok<SceneResource>, ProblemHttpResult>> Get(string id, SceneStateService state, PublicUrls urls,
        CancellationToken cancellationToken)
    {
        var record = await state.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null ? NotFound(id) : TypedResults.Ok(SceneResource.From(record, urls.Base));
    }

    private static async Task<Results<Ok<SceneList>, ProblemHttpResult>> List(string? state, string? collection, int? limit, string? token,
        SceneStateService scenes, PublicUrls urls, CancellationToken cancellationToken)
    {
        if (SceneStateParameter.TryParse(state, out var filter) is { } invalid)
        {
            return BadRequest(invalid, "state");
        }

        var query = new SceneRecordQuery { State = filter, Collection = collection is { Length: > 0 } ? collection : null, Limit = limit ?? 100, Token = token };
        SceneRecordPage page;
        try
        {
            page = await scenes.ListAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidQueryException ex)
        {
            return BadRequest(ex.Message, ex.Parameter ?? "query");
        }

        var baseUrl = urls.Base;
        string? next = null;
        if (page.NextToken is { } nextToken)
        {
            var parameters = new List<string> { "limit=" + query.Limit, "token=" + Uri.EscapeDataString(nextToken) };
            if (filter is { } s)
            {
                parameters.Insert(0, "state=" + s);
            }

            if (query.Collection is { } c)
            {
                parameters.Insert(0, "collection=" + Uri.EscapeDataString(c));
            }

            next = $"{baseUrl}/api/scenes?{string.Join('&', parameters)}";
        }

        return TypedResults.Ok(new SceneList([.. page.Records.Select(r => SceneResource.From(r, baseUrl))], next));
    }

    private static async Task<Results<Accepted<SceneResource>, ProblemHttpResult>> Retry(string id, SceneIntake intake, PublicUrls urls,
        CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await intake.RetryAsync(id, cancellationToken).ConfigureAwait(false);
            return TypedResults.Accepted($"/api/scenes/{id}", SceneResource.From(outcome.Record, urls.Base));
        }
        catch (SceneNotFoundException)
        {
            return NotFound(id);
        }
        catch (SceneStateConflictException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Scene cannot be retried");
        }
    }

    private static ProblemHttpResult BadRequest(string detail, string parameter) => TypedResults.Problem(
        detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(detail: $"scene '{id}' is not known", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
