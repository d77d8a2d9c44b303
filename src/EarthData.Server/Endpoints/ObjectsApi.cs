using System.Globalization;
using EarthData.Core.Storage;
using EarthData.Server.Objects;
using EarthData.Storage.Objects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary>
/// <c>GET</c>/<c>HEAD /objects/{key}</c>: published objects (COGs, tiles, STAC JSON) from the object store, with single
/// byte ranges (206, 416), <c>ETag</c> / <c>If-None-Match</c> (304) and the stored Content-Type and Cache-Control —
/// what GDAL's <c>/vsicurl/</c>, STACIT and STACTA need.
/// </summary>
public static class ObjectsApi
{
    /// <summary>Maps the object endpoints.</summary>
    public static IEndpointRouteBuilder MapObjectsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/objects/{**key}", [HttpMethods.Get, HttpMethods.Head], GetObject);
        return endpoints;
    }

    private static async Task<Results<StoredObjectResult, StatusCodeHttpResult, ProblemHttpResult>> GetObject(
        string? key, HttpContext context, IObjectStore store)
    {
        var request = context.Request;
        if (!ObjectKey.IsValid(key, out var reason))
        {
            return TypedResults.Problem(
                detail: $"key '{key}' is not a valid object key: {reason}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid object key");
        }

        // The filesystem store is opened once: conditions, headers and bytes all come from that one handle.
        StoredObject? opened = null;
        ObjectProperties? properties;
        try
        {
            if (store is FileSystemObjectStore files)
            {
                opened = await files.TryGetAsync(key!, null, context.RequestAborted).ConfigureAwait(false);
                properties = opened?.Properties;
            }
            else
            {
                properties = await store.HeadAsync(key!, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (InvalidObjectKeyException)
        {
            properties = null; // resolves through a link: the store serves nothing there
        }

        if (properties is null)
        {
            return TypedResults.Problem(detail: $"No object is stored under '{key}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var served = false;
        try
        {
            if (Matches(request.Headers.IfNoneMatch.ToString(), properties.ETag))
            {
                StoredObjectResult.WriteHeaders(context.Response, properties);
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }

            var (kind, range) = RangeHeader.Resolve(request, properties);
            if (kind == RangeHeader.Kind.Unsatisfiable)
            {
                StoredObjectResult.WriteHeaders(context.Response, properties);
                context.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{properties.Length}");
                return TypedResults.Problem(
                    detail: $"Range '{request.Headers.Range}' starts at or after the end of '{key}' ({properties.Length} bytes).",
                    statusCode: StatusCodes.Status416RangeNotSatisfiable,
                    title: "Range not satisfiable");
            }

            served = true;
            return new StoredObjectResult(store, properties, kind == RangeHeader.Kind.Partial ? range : null, HttpMethods.IsHead(request.Method), opened);
        }
        finally
        {
            if (!served && opened is not null)
            {
                await opened.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether an If-None-Match header matches <paramref name="etag"/> (weak comparison, RFC 9110 §13.1.2).</summary>
    internal static bool Matches(string ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Length == 0)
        {
            return false;
        }

        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
            if (candidate == "*" || Strip(candidate) == Strip(etag))
            {
                return true;
            }
        }

        return false;
    }

    private static string Strip(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
