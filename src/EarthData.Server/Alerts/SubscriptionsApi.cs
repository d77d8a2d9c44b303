using System.Text.Json;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using EarthData.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Alerts;

/// <summary>
/// <c>/api/subscriptions</c>: create (201 with Location), list, get and delete subscriptions. Every endpoint needs the
/// admin API key (<see cref="ApiKeyFilter"/>): subscriptions carry partner webhook URLs.
/// </summary>
public static class SubscriptionsApi
{
    /// <summary>Maps the subscription endpoints.</summary>
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/subscriptions").AddEndpointFilter<ApiKeyFilter>();
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapDelete("/{id}", Delete);
        return endpoints;
    }

    private static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> Create(
        HttpRequest request, ISubscriptionStore store, WebhookTargetGuard guard, TimeProvider clock, CancellationToken cancellationToken)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(detail: $"the body is not JSON: {ex.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid subscription");
        }

        using (body)
        {
            var (subscription, error, member) = SubscriptionRequest.Parse(body.RootElement, guard, clock.GetUtcNow());
            if (subscription is null)
            {
                return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid subscription",
                    extensions: member is null ? null : new Dictionary<string, object?> { ["member"] = member });
            }

            await store.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/api/subscriptions/{subscription.Id}", SubscriptionView.Of(subscription));
        }
    }

    private static async Task<Ok<SubscriptionList>> List(ISubscriptionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SubscriptionList([.. (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Select(SubscriptionView.Of)]));

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Get(string id, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } subscription
            ? TypedResults.Ok(SubscriptionView.Of(subscription))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(detail: $"no subscription '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The listing document.</summary>
    /// <param name="Subscriptions">Every subscription, oldest first.</param>
    public sealed record SubscriptionList(IReadOnlyList<SubscriptionView> Subscriptions);
}
