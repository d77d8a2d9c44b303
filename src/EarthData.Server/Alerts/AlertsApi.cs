using System.Globalization;
using System.Text;
using System.Text.Json;
using EarthData.Alerts.Cap;
using EarthData.Alerts.Feeds;
using EarthData.Core.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Alerts;

/// <summary>
/// Public alert reads: <c>/api/alerts</c> (filters <c>bbox</c>, <c>hazard</c>, <c>severity</c>, <c>datetime</c>,
/// <c>limit</c>), <c>/api/alerts/{id}</c> as JSON or GeoJSON (<c>?f=geojson</c> or <c>Accept: application/geo+json</c>),
/// <c>/api/alerts/{id}/cap</c> (CAP 1.2; <c>?lang=en,zh,pt</c>), <c>/api/alerts/stream</c> (Server-Sent Events, resumable
/// with <c>Last-Event-ID</c>) and <c>/feeds/alerts.atom</c> (same filters).
/// </summary>
public static class AlertsApi
{
    /// <summary>Maps the alert endpoints and the Atom feed.</summary>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/alerts", List);
        endpoints.MapGet("/api/alerts/stream", Stream);
        endpoints.MapGet("/api/alerts/{id}", Get);
        endpoints.MapGet("/api/alerts/{id}/cap", Cap);
        endpoints.MapGet("/feeds/alerts.atom", Feed);
        return endpoints;
    }

    private static async Task<IResult> List(HttpRequest request, IAlertStore store, CancellationToken cancellationToken)
    {
        var (query, error, parameter) = AlertRequestFilters.Parse(request.Query);
        if (query is null)
        {
            return BadRequest(error!, parameter!);
        }

        var messages = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return WantsGeoJson(request)
            ? TypedResults.Text(AlertGeoJson.ToFeatureCollectionJson(messages), AlertGeoJson.MediaType, Encoding.UTF8)
            : TypedResults.Ok(new AlertList([.. messages.Select(m => AlertView.Of(m, BaseUrl(request)))]));
    }

    /// <summary>GeoJSON when asked for by <c>?f=geojson</c> or <c>Accept: application/geo+json</c>.</summary>
    private static bool WantsGeoJson(HttpRequest request) =>
        string.Equals(request.Query["f"], "geojson", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.ToString().Contains(AlertGeoJson.MediaType, StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> Get(string id, HttpRequest request, IAlertStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } message)
        {
            return NotFound(id);
        }

        return WantsGeoJson(request)
            ? TypedResults.Text(AlertGeoJson.ToJson(message), AlertGeoJson.MediaType, Encoding.UTF8)
            : TypedResults.Ok(AlertView.Of(message, BaseUrl(request)));
    }

    private static async Task<IResult> Cap(string id, HttpRequest request, IAlertStore store, CapWriter cap, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } message)
        {
            return NotFound(id);
        }

        IReadOnlyList<string>? languages = null;
        if (request.Query["lang"].ToString() is { Length: > 0 } lang)
        {
            languages = lang.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            if (languages.FirstOrDefault(l => !AlertTexts.IsSupported(l)) is { } unsupported)
            {
                return BadRequest($"lang '{unsupported}' is not supported; use en, zh, pt", "lang");
            }
        }

        var document = new CapWriter(cap.Sender, BaseUrl(request)).Write(message, languages);
        return TypedResults.Text(document.Declaration + Environment.NewLine + document.Root, CapWriter.MediaType, Encoding.UTF8);
    }

    private static async Task<IResult> Feed(HttpRequest request, IAlertStore store, CapWriter cap, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (query, error, parameter) = AlertRequestFilters.Parse(request.Query);
        if (query is null)
        {
            return BadRequest(error!, parameter!);
        }

        var messages = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var baseUrl = BaseUrl(request);
        var feed = new AtomFeedWriter(new CapWriter(cap.Sender, baseUrl), baseUrl)
            .Write(messages, new Uri(baseUrl, "feeds/alerts.atom" + request.QueryString), clock.GetUtcNow());
        return TypedResults.Text(feed.Declaration + Environment.NewLine + feed.Root, AtomFeedWriter.MediaType, Encoding.UTF8);
    }

    private static async Task Stream(HttpContext context, IAlertStore store, AlertStreamOptions options)
    {
        var (query, error, parameter) = AlertRequestFilters.Parse(context.Request.Query);
        if (query is null)
        {
            await BadRequest(error!, parameter!).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var cancellationToken = context.RequestAborted;
        var since = DateTimeOffset.UtcNow;
        if (context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastId
            && await store.GetAsync(lastId, cancellationToken).ConfigureAwait(false) is { } last)
        {
            since = last.Sent;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        await response.WriteAsync(": EarthData alert stream\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        var baseUrl = BaseUrl(context.Request);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var fresh = (await store.ListAsync(query with { From = since, Limit = 1000 }, cancellationToken).ConfigureAwait(false))
                    .Where(m => seen.Add(m.Id) && m.Id != context.Request.Headers["Last-Event-ID"].ToString())
                    .OrderBy(m => m.Sent).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
                foreach (var message in fresh)
                {
                    var json = JsonSerializer.Serialize(AlertView.Of(message, baseUrl), JsonSerializerOptions.Web);
                    await response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                        $"id: {message.Id}\nevent: {message.MessageType.ToString().ToLowerInvariant()}\ndata: {json}\n\n"), cancellationToken).ConfigureAwait(false);
                }

                await response.WriteAsync(fresh.Count == 0 ? ": keep-alive\n\n" : "", cancellationToken).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static Uri BaseUrl(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(detail: $"no alert '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult BadRequest(string detail, string parameter) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>The listing document: <c>{"alerts": [...]}</c>.</summary>
    /// <param name="Alerts">The alerts, newest first.</param>
    public sealed record AlertList(IReadOnlyList<AlertView> Alerts);
}
