using System.Globalization;
using EarthData.Core.Alerts;
using EarthData.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Alerts;

/// <summary>
/// Public baseline reads: <c>/api/baselines</c> (filters <c>footprint</c> = <c>{collection}/{path}/{row}</c>,
/// <c>kind</c> = <c>ndvi</c>|<c>water</c>|<c>prefire</c>, <c>limit</c> 1–1000, default 100; by footprint, kind, newest
/// version first) and <c>/api/baselines/{id}</c> — what an alert's <c>baseline</c> names, with its COG's href.
/// </summary>
public static class BaselinesApi
{
    /// <summary>Maps the baseline endpoints.</summary>
    public static IEndpointRouteBuilder MapBaselinesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/baselines", List);
        endpoints.MapGet("/api/baselines/{id}", Get);
        return endpoints;
    }

    private static async Task<Results<Ok<BaselineList>, ProblemHttpResult>> List(HttpRequest request, IBaselineStore store, PublicUrls urls,
        CancellationToken cancellationToken)
    {
        var query = new BaselineQuery();
        if (request.Query["footprint"].ToString() is { Length: > 0 } footprint)
        {
            if (!BaselineFootprint.TryParse(footprint, out var parsed))
            {
                return BadRequest($"footprint '{footprint}' is not {{collection}}/{{path}}/{{row}} of a known collection, e.g. CBERS4-MUX/151/121", "footprint");
            }

            query = query with { Footprint = parsed };
        }

        if (request.Query["kind"].ToString() is { Length: > 0 } kind)
        {
            if (!BaselineKinds.IsKnown(kind))
            {
                return BadRequest($"kind '{kind}' is not one of {string.Join(", ", BaselineKinds.All)}", "kind");
            }

            query = query with { Kind = kind };
        }

        if (request.Query["limit"].ToString() is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > BaselineQuery.MaxLimit)
            {
                return BadRequest($"limit '{limitText}' is not an integer from 1 to {BaselineQuery.MaxLimit}", "limit");
            }

            query = query with { Limit = limit };
        }

        var records = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new BaselineList([.. records.Select(r => BaselineView.Of(r, urls))]));
    }

    private static async Task<Results<Ok<BaselineView>, ProblemHttpResult>> Get(string id, IBaselineStore store, PublicUrls urls, CancellationToken cancellationToken)
    {
        return await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } record
            ? TypedResults.Ok(BaselineView.Of(record, urls))
            : TypedResults.Problem(detail: $"no baseline '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    private static ProblemHttpResult BadRequest(string detail, string parameter) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>The listing document: <c>{"baselines": [...]}</c>.</summary>
    /// <param name="Baselines">The baseline versions.</param>
    public sealed record BaselineList(IReadOnlyList<BaselineView> Baselines);
}
