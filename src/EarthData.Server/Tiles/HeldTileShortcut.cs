using EarthData.Server.Endpoints;
using EarthData.Server.Http;
using Microsoft.Net.Http.Headers;

namespace EarthData.Server.Tiles;

/// <summary>
/// Answers <c>GET</c>/<c>HEAD /tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.{ext}</c> for a pre-rendered tile whose
/// bytes <see cref="TileObjectCache"/> holds, first in the pipeline (before exception handling, routing and the other
/// middleware, none of which a stored tile needs; it writes the security headers itself): a hot tile costs a
/// dictionary look-up and one write, as a static file does in nginx. Only requests the tile endpoint would answer the same way take this path — no query
/// string, no <c>Origin</c> (CORS answers go through the CORS middleware), the exact key the endpoint stored (so
/// names and coordinates were validated when the tile was first served) — everything else goes on to the endpoint.
/// </summary>
internal sealed class HeldTileShortcut(RequestDelegate next, TileObjectCache tiles)
{
    private const string Prefix = "/tiles/";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal) || request.QueryString.HasValue
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Headers.ContainsKey(HeaderNames.Origin)
            || !tiles.TryGetHeld(path.AsSpan(1), out var tile))
        {
            return next(context);
        }

        var answer = TilesApi.PreRendered(context, null, tile);
        context.Response.ContentType = tile.Properties.ContentType;
        HttpHardening.WriteSecurityHeaders(context.Response);
        return answer.ExecuteAsync(context);
    }
}
