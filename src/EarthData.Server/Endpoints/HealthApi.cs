using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Server.Http;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary><c>GET</c>/<c>HEAD /health</c>: whether the catalogue, the object store and the job storage answer (200, else 503).</summary>
public static class HealthApi
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetAndHead("/health", CheckAsync).WithTags("Health");
        return endpoints;
    }

    private static async Task<JsonHttpResult<HealthStatus>> CheckAsync(ICatalogStore catalog, IObjectStore objects, JobStorage jobs, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>
        {
            ["catalog"] = await ProbeAsync(() => catalog.ListSceneRecordsAsync(new SceneRecordQuery { Limit = 1 }, cancellationToken)).ConfigureAwait(false),
            ["objects"] = await ProbeAsync(() => objects.ExistsAsync("health/probe", cancellationToken)).ConfigureAwait(false),
            ["jobs"] = await ProbeAsync(() => Task.Run(() => jobs.GetMonitoringApi().Servers(), cancellationToken)).ConfigureAwait(false),
        };
        var ok = checks.Values.All(v => v == "ok");
        var version = typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        return TypedResults.Json(new HealthStatus(ok ? "ok" : "degraded", version, checks),
            statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> ProbeAsync<T>(Func<Task<T>> probe)
    {
        try
        {
            await probe().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            return "ok";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || ex is TimeoutException)
        {
            return "error: " + ex.Message.ReplaceLineEndings(" ");
        }
    }

    /// <summary>The health document.</summary>
    /// <param name="Status"><c>ok</c> when every check passes, else <c>degraded</c> (with status 503).</param>
    /// <param name="Version">The server's assembly version.</param>
    /// <param name="Checks">Each dependency: <c>ok</c> or <c>error: …</c>.</param>
    public sealed record HealthStatus(string Status, string Version, IReadOnlyDictionary<string, string> Checks);
}
