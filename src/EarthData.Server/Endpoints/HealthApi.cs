using System.Text.Json.Serialization;
using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Server.Http;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary>
/// <c>GET</c>/<c>HEAD /health</c>: liveness, answered without I/O so that it stays fast while the server is busy (load
/// balancers poll it). <c>GET</c>/<c>HEAD /health/ready</c>: readiness, whether the catalogue, the object store and the
/// job storage answer (200, else 503 with the failing check).
/// </summary>
public static class HealthApi
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetAndHead("/health", () => TypedResults.Ok(new HealthStatus("ok", Version, null))).WithTags("Health");
        endpoints.MapGetAndHead("/health/ready", CheckAsync).WithTags("Health");
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
        return TypedResults.Json(new HealthStatus(ok ? "ok" : "degraded", Version, checks),
            statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static string Version => typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";

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
    /// <param name="Checks">Readiness only: each dependency, <c>ok</c> or <c>error: …</c>; null (omitted) for liveness.</param>
    public sealed record HealthStatus(
        string Status, string Version, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Checks);
}
