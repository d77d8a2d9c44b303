using EarthData.Server.Http;

namespace EarthData.Server.Endpoints;

/// <summary><c>GET</c>/<c>HEAD /health</c>: liveness for load balancers and scripts.</summary>
public static class HealthApi
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetAndHead("/health", () => TypedResults.Ok(new HealthStatus("ok", typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0.0.0")));
        return endpoints;
    }

    /// <summary>The health document.</summary>
    /// <param name="Status">Always <c>ok</c> when the server answers.</param>
    /// <param name="Version">The server's assembly version.</param>
    public sealed record HealthStatus(string Status, string Version);
}
