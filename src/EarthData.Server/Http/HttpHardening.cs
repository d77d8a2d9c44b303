using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;

namespace EarthData.Server.Http;

/// <summary>
/// The defences every endpoint inherits, registered in one place: Kestrel's request limits (<see cref="HttpLimits"/>),
/// per-route body limits (<see cref="BodySizeLimit"/>), exceptions as problem+json (<see cref="ProblemExceptionHandler"/>),
/// security headers, no <c>Server</c> header, and CORS for browser clients (STAC Browser).
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// The rate-limiting policy of costly endpoints (searches; tiles rendered on demand should use it too): at most
    /// <see cref="HttpLimits.CostlyConcurrency"/> run at once, up to <see cref="HttpLimits.CostlyQueue"/> more wait in order,
    /// and beyond that a request is answered 503 with Retry-After — so a burst of heavy requests cannot take every core
    /// from cheap ones such as <c>/health</c>.
    /// </summary>
    public const string CostlyPolicy = "earthdata-costly";

    /// <summary>Configuration key of the origins CORS allows: comma-separated, <c>*</c> (the default) for any.</summary>
    public const string CorsOriginsKey = "EarthData:Cors:Origins";

    /// <summary>
    /// The Content-Security-Policy of HTML answers: same-origin scripts and styles; images also from data/blob URLs and
    /// any https origin (thumbnails on a public bucket or CDN); workers from blob URLs (MapLibre GL starts its workers so).
    /// </summary>
    public const string HtmlContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob: https:; worker-src 'self' blob:; child-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly string[] ExposedHeaders =
        [HeaderNames.ETag, HeaderNames.ContentRange, HeaderNames.AcceptRanges, HeaderNames.ContentLength, HeaderNames.LastModified, HeaderNames.Location];

    /// <summary>Registers the limits, the exception handler and the CORS policy.</summary>
    public static IServiceCollection AddEarthDataHttp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = HttpLimits.DefaultMaxBodyBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(HttpLimits.MinBodyBytesPerSecond, HttpLimits.BodyGracePeriod);
            kestrel.Limits.RequestHeadersTimeout = HttpLimits.RequestHeadersTimeout;
            kestrel.Limits.MaxRequestHeadersTotalSize = HttpLimits.MaxRequestHeadersBytes;
            kestrel.Limits.MaxRequestLineSize = HttpLimits.MaxRequestLineBytes;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddConcurrencyLimiter(CostlyPolicy, costly =>
            {
                costly.PermitLimit = HttpLimits.CostlyConcurrency;
                costly.QueueLimit = HttpLimits.CostlyQueue;
                costly.QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = static async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(
                    detail: "The server is busy with other costly requests; retry in a moment.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Busy").ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
            };
        });
        var origins = (configuration[CorsOriginsKey] ?? "*").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Length == 0 || origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }

            policy.WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Options)
                .AllowAnyHeader()
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return services;
    }

    /// <summary>Adds the middleware: problem+json for exceptions and bare status codes, security headers, routing, CORS, body limits.</summary>
    public static WebApplication UseEarthDataHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                WriteSecurityHeaders((HttpResponse)state);
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.Use(static (context, next) =>
        {
            // The route's own body limit (routing has matched by now); routes without one keep Kestrel's default.
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } limit
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit.MaxRequestBodySize;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The security headers of every answer: no MIME sniffing, no referrer, and for HTML the Content-Security-Policy and
    /// no framing. Call it once the content type is set (the pipeline does so when the response starts).
    /// </summary>
    public static void WriteSecurityHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            response.Headers[HeaderNames.ContentSecurityPolicy] = HtmlContentSecurityPolicy;
            response.Headers[HeaderNames.XFrameOptions] = "DENY";
        }
    }

    /// <summary>Declares the largest request body the route accepts (413 above it), instead of <see cref="HttpLimits.DefaultMaxBodyBytes"/>.</summary>
    public static TBuilder WithBodySizeLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new BodySizeLimit(maxBytes));
    }

    /// <summary>Maps a GET endpoint that answers HEAD too (same headers, no body: Kestrel drops the body of a HEAD answer).</summary>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);
}
